import canonicalize from 'canonicalize';
import type { Answer } from '../assessment/answer';

/**
 * Which reviewed items changed since the review (issue 18): the establishment's next export lists, in
 * `content.reviewChanges.changedItemIds`, the items the last review received marked whose answer is no longer the
 * one of the export that review answered. An answer is compared by its response and comment only (not its dates or
 * its "to review" flag), as canonical JSON, so that saving the same answer again is no change.
 */
export function answerFingerprint(answer: Pick<Answer, 'response' | 'comment'> | undefined): string {
  if (!answer) return '';
  return (
    canonicalize({
      ...(answer.response === undefined ? {} : { response: answer.response }),
      ...(answer.comment === undefined ? {} : { comment: answer.comment }),
    }) ?? ''
  );
}

/** The fingerprint of every answered item: what an export records of its answers (SentExportRow.answers). */
export function answerFingerprints(answers: Readonly<Record<string, Answer>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [itemId, answer] of Object.entries(answers)) {
    const fingerprint = answerFingerprint(answer);
    if (fingerprint !== '' && fingerprint !== '{}') out[itemId] = fingerprint;
  }
  return out;
}

/**
 * The reviewed items whose answer differs now from the one exported, in questionnaire order (`order`: the item ids of
 * the questionnaire; an id it does not hold comes last, in the review's order).
 */
export function changedReviewedItems(
  reviewedItemIds: readonly string[],
  exported: Readonly<Record<string, string>>,
  current: Readonly<Record<string, Answer>>,
  order: readonly string[],
): string[] {
  const rank = new Map(order.map((id, index) => [id, index]));
  const normalize = (fingerprint: string | undefined) => (fingerprint === '{}' ? '' : (fingerprint ?? ''));
  return reviewedItemIds
    .filter((id) => normalize(exported[id]) !== normalize(answerFingerprint(current[id])))
    .map((id, index) => ({ id, index }))
    .sort((a, b) => (rank.get(a.id) ?? order.length + a.index) - (rank.get(b.id) ?? order.length + b.index))
    .map(({ id }) => id);
}
