import { z } from 'zod';
import { answerSchema, isAnswered } from './answer';
import type { Audience, Questionnaire, QuestionnaireItem } from '../questionnaire/questionnaire-schema';

/**
 * One assessment: one establishment × questionnaire × campaign year, with its answers embedded and keyed by item id
 * (one document is much faster to import than a row per answer and leaks nothing through indexes; design §5).
 */
export const assessmentSchema = z.object({
  id: z.string().min(1),
  establishmentId: z.string().min(1),
  questionnaireId: z.string().min(1),
  questionnaireVersion: z.string().min(1),
  /** SHA-256 of the canonical questionnaire content it was answered against. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  campaignYear: z.number().int().min(2020).max(2100),
  answers: z.record(z.string(), answerSchema),
  /** The assessment of an earlier campaign this one started from (its answers were proposed "to review"). */
  basedOn: z
    .object({
      assessmentId: z.string().min(1),
      campaignYear: z.number().int(),
      questionnaireVersion: z.string().min(1),
    })
    .optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export function applicableItems(questionnaire: Questionnaire, audiences: readonly Audience[]): QuestionnaireItem[] {
  return questionnaire.items.filter((item) => item.appliesTo.some((a) => audiences.includes(a)));
}

export interface DomainProgress {
  domainId: string;
  answered: number;
  total: number;
}

/** Answered and applicable items, per domain in questionnaire order; domains with no applicable item are left out. */
export function progressByDomain(
  questionnaire: Questionnaire,
  answers: Assessment['answers'],
  audiences: readonly Audience[],
): DomainProgress[] {
  const items = applicableItems(questionnaire, audiences);
  return questionnaire.domains
    .map((domain) => {
      const inDomain = items.filter((i) => i.domain === domain.id);
      return {
        domainId: domain.id,
        answered: inDomain.filter((i) => isAnswered(answers[i.id])).length,
        total: inDomain.length,
      };
    })
    .filter((p) => p.total > 0);
}

export function overallProgress(progress: readonly DomainProgress[]): { answered: number; total: number } {
  return progress.reduce((acc, p) => ({ answered: acc.answered + p.answered, total: acc.total + p.total }), {
    answered: 0,
    total: 0,
  });
}

/**
 * The latest earlier campaign of the same questionnaire among an establishment's assessments: the one a new
 * campaign starts from (design §4 Assessments: answers proposed, marked "to review").
 */
export function previousCampaign<A extends Pick<Assessment, 'questionnaireId' | 'campaignYear'>>(
  assessments: readonly A[],
  questionnaireId: string,
  campaignYear: number,
): A | undefined {
  let latest: A | undefined;
  for (const a of assessments) {
    if (a.questionnaireId !== questionnaireId || a.campaignYear >= campaignYear) continue;
    if (!latest || a.campaignYear > latest.campaignYear) latest = a;
  }
  return latest;
}

/**
 * Last campaign's answers proposed for a new one: same responses and comments, each marked "to review" so that
 * nothing is taken as confirmed until someone has looked at it (peers' users asked for this: CISO Assistant #376,
 * #2104). Answers to items that no longer exist are dropped.
 */
export function proposeAnswers(
  previous: Assessment,
  currentItemIds: ReadonlySet<string>,
  now: number,
): Assessment['answers'] {
  const proposed: Assessment['answers'] = {};
  for (const [itemId, answer] of Object.entries(previous.answers)) {
    if (!currentItemIds.has(itemId) || answer.response === undefined) continue;
    proposed[itemId] = { ...answer, toReview: true, updatedAt: now };
  }
  return proposed;
}
