import {
  reviewItemStatuses,
  reviewOutcomes,
  reviewReliances,
  type ReviewMarkStatus,
  type ReviewOpinionOutcome,
  type ReviewOpinionReliance,
} from './review-draft';

/**
 * What the establishment's screens and report show of the auditor's review it imported (issue 18): the opinion and
 * the mark of each item. The file was validated when it was imported (src/exchange/validate-review.ts) and is stored
 * as it came; this reads the few members the screens need without loading the validation's schemas on the answering
 * screen, and gives nothing for a stored document that does not have their shape.
 */
export interface ReceivedMark {
  status: ReviewMarkStatus;
  comment?: string | undefined;
}

export interface ReceivedReview {
  reviewer: { name: string; organisation: string };
  reviewedAt: string;
  opinion: { outcome: ReviewOpinionOutcome; reliance: ReviewOpinionReliance; reason: string };
  /** By item id, in the file's order. */
  marks: ReadonlyMap<string, ReceivedMark>;
  /** The export the review answered: its digest. */
  exportDigest: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

export function readReceivedReview(document: unknown): ReceivedReview | undefined {
  if (!isRecord(document)) return undefined;
  const { reviewer, reviewedAt, opinion, items, submission } = document;
  if (!isRecord(reviewer) || !isString(reviewer.name) || !isString(reviewer.organisation)) return undefined;
  if (!isString(reviewedAt) || !isRecord(submission) || !isString(submission.digest)) return undefined;
  if (!isRecord(opinion) || !oneOf(reviewOutcomes, opinion.outcome) || !oneOf(reviewReliances, opinion.reliance))
    return undefined;
  if (!isString(opinion.reason) || !Array.isArray(items)) return undefined;
  const marks = new Map<string, ReceivedMark>();
  for (const item of items) {
    if (!isRecord(item) || !isString(item.itemId) || !oneOf(reviewItemStatuses, item.status)) return undefined;
    marks.set(item.itemId, { status: item.status, ...(isString(item.comment) ? { comment: item.comment } : {}) });
  }
  return {
    reviewer: { name: reviewer.name, organisation: reviewer.organisation },
    reviewedAt,
    opinion: { outcome: opinion.outcome, reliance: opinion.reliance, reason: opinion.reason },
    marks,
    exportDigest: submission.digest,
  };
}
