import { z } from 'zod';
import { answerSchema, isAnswered } from './answer';
import type { ItemChange } from '../questionnaire/compare-versions';
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
  /**
   * The assessment of an earlier campaign this one started from (its answers were proposed "to review"), or, with
   * `movedAt`, this same assessment before it moved to a newer version of its questionnaire (2026.1 → 2026.2): the
   * answering screen marks each item unchanged, changed or new against that version.
   */
  basedOn: z
    .object({
      assessmentId: z.string().min(1),
      campaignYear: z.number().int(),
      questionnaireVersion: z.string().min(1),
      movedAt: z.number().optional(),
    })
    .optional(),
  /**
   * The version of each framework's mapping (questionnaires/mappings/<framework>/<version>.json) this assessment was
   * first read against, by framework id: it keeps reading that version until the user moves it to a newer one
   * (issue 17, « Versions »). Not an answer: written without changing `updatedAt`.
   */
  frameworkVersions: z.record(z.string(), z.string()).optional(),
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

/** What moving an assessment to a newer questionnaire version did to its answers. */
export interface VersionMove {
  answers: Assessment['answers'];
  /** Answers to unchanged items, kept exactly as they were. */
  kept: number;
  /** Answers to reworded items (question, options, targets), kept but marked "to review". */
  toReview: number;
  /** Answers to items the newer version no longer has. */
  dropped: number;
}

/**
 * An assessment's answers carried to a newer version of its questionnaire (issue 15: an assessment begun on 2026.1
 * moves to 2026.2). Item ids are stable and never reused, so the same id is the same item: the answer to an unchanged
 * item is kept as it is (its date, comment and review mark included); the answer to a changed item is kept and marked
 * "to review", since its question now means something else; the answer to an item the newer version dropped goes.
 * `changes` is compareItemVersions(older, newer).
 */
export function moveAnswers(
  answers: Assessment['answers'],
  changes: ReadonlyMap<string, ItemChange>,
  now: number,
): VersionMove {
  const moved: Assessment['answers'] = {};
  let kept = 0;
  let toReview = 0;
  let dropped = 0;
  for (const [itemId, answer] of Object.entries(answers)) {
    const change = changes.get(itemId);
    if (change === 'unchanged') {
      moved[itemId] = answer;
      kept += 1;
    } else if (change === 'changed') {
      moved[itemId] = { ...answer, toReview: true, updatedAt: Math.max(now, answer.updatedAt + 1) };
      toReview += 1;
    } else {
      // Not in the newer version ("new" cannot hold an answer: the id did not exist before).
      dropped += 1;
    }
  }
  return { answers: moved, kept, toReview, dropped };
}
