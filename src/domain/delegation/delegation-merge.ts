import { responseSchema, type Answer, type Response } from '../assessment/answer';
import { writeTimeAfter } from '../later-write';
import type { DelegationProvenance } from './delegation-provenance';

/**
 * Delegation by file (issue 19): the CISO sends some items to a colleague or a provider (a request file), who answers
 * them in their own copy of the app (an answer file); the CISO then merges the answers back, item by item. This module
 * is the merge's rule, pure: what to show beside each item, and what accepting, refusing or editing writes.
 *
 * - A **conflict** is an item whose answer changed in the assessment after the request was written: the recipient
 *   answered a question the CISO has since answered differently, and accepting would overwrite that newer work
 *   without the CISO seeing it (issue 19, « Merge »).
 * - An accepted answer keeps its **provenance** (who, in what role, when, from which file), shown on the item and in
 *   the report's annex.
 * - Nothing outside the requested items is ever written, whatever the answer file holds.
 */

/** What the recipient said for one item (read from a validated answer file). */
export interface DelegatedAnswer {
  itemId: string;
  response?: Response | undefined;
  comment?: string | undefined;
}

/** The part of an answer the request recorded when it was written, to tell later whether the item moved since. */
export interface AnswerAtRequest {
  response?: Response | undefined;
  comment?: string | undefined;
}

export interface MergeRow {
  itemId: string;
  /** The answer in the assessment now. */
  current: Answer | undefined;
  /** What the recipient proposes. */
  proposed: DelegatedAnswer;
  /** The item's answer changed after the request was written. */
  conflict: boolean;
  /** The recipient's answer is the one the assessment already holds: accepting changes nothing but the provenance. */
  sameAsCurrent: boolean;
}

export type MergeDecision =
  | { kind: 'accept' }
  | { kind: 'refuse' }
  /** The CISO's own version of the recipient's answer. */
  | { kind: 'edit'; response: Response | undefined; comment: string | undefined };

function sameResponse(a: Response | undefined, b: Response | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(responseSchema.parse(a)) === JSON.stringify(responseSchema.parse(b));
}

function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a?.trim() || undefined) === (b?.trim() || undefined);
}

/** Whether an answer still says what the request recorded (a blank comment and no comment are the same). */
export function unchangedSinceRequest(current: Answer | undefined, atRequest: AnswerAtRequest | undefined): boolean {
  return sameResponse(current?.response, atRequest?.response) && sameText(current?.comment, atRequest?.comment);
}

/**
 * The rows of the merge screen: one per requested item the recipient answered, in the request's order. An answer
 * for an item the request did not hold is not a row: the answer file's validation refuses such a file, and this
 * function ignores it as well.
 */
export function mergeRows(
  requested: readonly { itemId: string; atRequest?: AnswerAtRequest | undefined }[],
  current: Readonly<Record<string, Answer>>,
  delegated: readonly DelegatedAnswer[],
): MergeRow[] {
  const proposals = new Map(delegated.map((answer) => [answer.itemId, answer]));
  return requested.flatMap(({ itemId, atRequest }) => {
    const proposed = proposals.get(itemId);
    if (!proposed || (proposed.response === undefined && !proposed.comment?.trim())) return [];
    const answer = current[itemId];
    return [
      {
        itemId,
        current: answer,
        proposed,
        conflict: !unchangedSinceRequest(answer, atRequest),
        sameAsCurrent: sameResponse(answer?.response, proposed.response) && sameText(answer?.comment, proposed.comment),
      },
    ];
  });
}

export interface MergeResult {
  answers: Record<string, Answer>;
  /** The items written, in row order. */
  written: string[];
}

/**
 * What the assessment's answers become once the CISO has decided: an accepted row takes the recipient's response and
 * comment, an edited row the CISO's version, both with their provenance and a write time after the answer they
 * replace; a refused or undecided row, and every other item, stay exactly as they were.
 */
export function applyMerge(
  answers: Readonly<Record<string, Answer>>,
  rows: readonly MergeRow[],
  decisions: Readonly<Record<string, MergeDecision>>,
  provenance: Omit<DelegationProvenance, 'edited'>,
): MergeResult {
  const next: Record<string, Answer> = { ...answers };
  const written: string[] = [];
  for (const row of rows) {
    const decision = decisions[row.itemId];
    if (!decision || decision.kind === 'refuse') continue;
    const chosen = decision.kind === 'accept' ? row.proposed : decision;
    const before = answers[row.itemId];
    const comment = chosen.comment?.trim() ? chosen.comment : undefined;
    next[row.itemId] = {
      ...(chosen.response ? { response: chosen.response } : {}),
      ...(comment ? { comment } : {}),
      delegatedFrom: { ...provenance, edited: decision.kind === 'edit' },
      updatedAt: writeTimeAfter(before?.updatedAt),
    };
    written.push(row.itemId);
  }
  return { answers: next, written };
}
