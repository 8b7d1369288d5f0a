import { z } from 'zod';
import { delegationProvenanceSchema } from '../delegation/delegation-provenance';
import type { QuestionnaireItem } from '../questionnaire/questionnaire-schema';

/**
 * One answer to one item. "Not applicable" needs a justification (an auditor must be able to read why, as in a
 * statement of applicability); "don't know" is an answer of its own, listed as a question for the IT provider.
 */
export const responseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), value: z.enum(['yes', 'partial', 'no']) }).strict(),
  z.object({ kind: z.literal('number'), value: z.number() }).strict(),
  z.object({ kind: z.literal('date'), value: z.iso.date() }).strict(),
  z.object({ kind: z.literal('choice'), value: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('not-applicable'), justification: z.string().trim().min(1) }).strict(),
  z.object({ kind: z.literal('unknown') }).strict(),
]);
export type Response = z.infer<typeof responseSchema>;

export const answerSchema = z
  .object({
    response: responseSchema.optional(),
    comment: z.string().optional(),
    /** Proposed from last year's campaign and not confirmed yet. */
    toReview: z.boolean().optional(),
    /**
     * « Non applicable » chosen and its reason not written yet: a draft kept (and shown as « justification
     * manquante ») so that the choice survives leaving the domain or a reload, but not a response: the item stays
     * unanswered, unscored and out of every export until the reason is given.
     */
    notApplicableDraft: z.literal(true).optional(),
    /** Taken from a colleague's or a provider's answer file (issue 19); cleared by the next change made here. */
    delegatedFrom: delegationProvenanceSchema.optional(),
    /** When it was last changed (ms since epoch): of two versions of an answer, the later one wins. */
    updatedAt: z.number(),
  })
  .strict();
export type Answer = z.infer<typeof answerSchema>;

export function isAnswered(answer: Answer | undefined): boolean {
  return answer?.response !== undefined;
}

/** « Non applicable » chosen without its reason: the draft the answering screen warns about before leaving. */
export function lacksJustification(answer: Answer | undefined): boolean {
  return answer?.response === undefined && answer?.notApplicableDraft === true;
}

/** Whether a response fits the item's answer type ("not applicable" and "don't know" fit every item). */
export function responseFitsItem(response: Response, item: QuestionnaireItem): boolean {
  switch (response.kind) {
    case 'not-applicable':
    case 'unknown':
      return true;
    case 'status':
      return item.answerType === 'status';
    case 'number':
      return (
        item.answerType === 'number' || (item.answerType === 'percent' && response.value >= 0 && response.value <= 100)
      );
    case 'date':
      return item.answerType === 'date';
    case 'choice':
      return item.answerType === 'choice' && (item.choices?.some((c) => c.id === response.value) ?? false);
  }
}
