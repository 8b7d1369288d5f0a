import type { Answer } from '../assessment/answer';
import type { Assessment } from '../assessment/assessment';
import type { Language } from '../localized-text';
import { countedDateOf, resolveDeadline } from '../questionnaire/deadline-kind';
import type { DeadlineKind, Questionnaire, QuestionnaireItem, Weight } from '../questionnaire/questionnaire-schema';
import { daysBetween } from '../scoring/iso-date';
import { targetInForce, type AssessmentScore, type ItemScore } from '../scoring/score-assessment';

/**
 * The gaps of an assessment: every applicable item that is not fully met (a value under 1, "don't know" included),
 * ranked for a board that must choose what to do first (design §4, Results).
 *
 * Ranking, a total order so that two screens or a screen and a report never disagree:
 *   1. weight: critical, then high, then medium;
 *   2. deadline, read with its kind (deadline-kind.ts): overdue (a due date passed), then to declare (a declaration
 *      window open), then due within {@link NEAR_DAYS} days, then a standing obligation (continuous, never
 *      overdue), then later, then no deadline;
 *   3. basis: an official objective before a good practice inferred from the programme (principle 5);
 *   4. item id, in code-unit order (ids are zero-padded, care.d1.02 < care.d1.10).
 * Items not answered yet are not gaps (nothing is known of them): the screen counts them apart, with completeness.
 */

/** "Near": due within a quarter, the horizon a budget or a board meeting can still act on. */
export const NEAR_DAYS = 90;

export const urgencies = ['overdue', 'to-declare', 'near', 'ongoing', 'later', 'none'] as const;
export type Urgency = (typeof urgencies)[number];

/** Where an item's due date comes from: its staged target, its deadline's date, or its yearly renewal. */
export type DueSource = 'target' | 'deadline' | 'annual';

export interface Gap {
  item: QuestionnaireItem;
  score: ItemScore;
  answer: Answer | undefined;
  /** The date the item should be met by, if it has one. */
  due: string | undefined;
  dueSource: DueSource | undefined;
  /** What the due date means: a due date, the opening of a window, a yearly renewal; continuous has none. */
  deadlineKind: DeadlineKind | undefined;
  /** Days from the date of the ranking to the due date (negative when overdue). */
  daysLeft: number | undefined;
  urgency: Urgency;
}

/**
 * When an item is due: the due date of its target in force (staged HospiConnect targets), else its deadline read
 * with its kind: a due date; the day a declaration window opened; for a yearly obligation, its next due date (the
 * anniversary of its first one, or the end of the current calendar year, as for the crisis exercise of instruction
 * SHFDS/FSSI/2023/15). A continuous obligation or an item without a deadline has no date.
 */
export function dueDateOf(
  item: QuestionnaireItem,
  asOf: string,
): { due: string; source: DueSource; kind: DeadlineKind } | undefined {
  const targetDue = targetInForce(item.targets, asOf)?.due;
  if (targetDue) return { due: targetDue, source: 'target', kind: 'due-date' };
  const deadline = resolveDeadline(item);
  if (!deadline) return undefined;
  const due = countedDateOf(deadline, asOf);
  if (due === undefined) return undefined;
  return { due, source: deadline.kind === 'yearly' ? 'annual' : 'deadline', kind: deadline.kind };
}

/**
 * How pressing an unmet item is: only a passed due date is overdue; a window already open is to declare; a yearly
 * obligation counts to its next due date; a continuous one is a standing obligation, never overdue.
 */
export function urgencyOf(daysLeft: number | undefined, kind: DeadlineKind = 'due-date'): Urgency {
  if (kind === 'continuous') return 'ongoing';
  if (daysLeft === undefined) return 'none';
  if (daysLeft < 0) return kind === 'window-opening' ? 'to-declare' : 'overdue';
  if (daysLeft === 0 && kind === 'window-opening') return 'to-declare';
  return daysLeft <= NEAR_DAYS ? 'near' : 'later';
}

const weightRank: Record<Weight, number> = { critical: 0, high: 1, medium: 2 };
const urgencyRank: Record<Urgency, number> = {
  overdue: 0,
  'to-declare': 1,
  near: 2,
  ongoing: 3,
  later: 4,
  none: 5,
};

/** The ranking described above; exported so that the report and the action plan sort the same way. */
export function compareGaps(a: Gap, b: Gap): number {
  return (
    weightRank[a.item.weight] - weightRank[b.item.weight] ||
    urgencyRank[a.urgency] - urgencyRank[b.urgency] ||
    (a.item.basis.kind === b.item.basis.kind ? 0 : a.item.basis.kind === 'official' ? -1 : 1) ||
    (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0)
  );
}

export function isGap(score: ItemScore): boolean {
  return score.value !== undefined && score.value < 1;
}

export function listGaps(questionnaire: Questionnaire, answers: Assessment['answers'], score: AssessmentScore): Gap[] {
  const byId = new Map(questionnaire.items.map((i) => [i.id, i]));
  const gaps: Gap[] = [];
  for (const s of score.items) {
    const item = byId.get(s.itemId);
    if (!item || !isGap(s)) continue;
    const due = dueDateOf(item, score.asOf);
    const daysLeft = due ? daysBetween(score.asOf, due.due) : undefined;
    const kind = due?.kind ?? resolveDeadline(item)?.kind;
    gaps.push({
      item,
      score: s,
      answer: answers[item.id],
      due: due?.due,
      dueSource: due?.source,
      deadlineKind: kind,
      daysLeft,
      urgency: urgencyOf(daysLeft, kind),
    });
  }
  return gaps.sort(compareGaps);
}

/** What a gap is, in terms of the answer given. */
export type GapState = 'no' | 'partial' | 'unknown';

export function gapStateOf(gap: Gap): GapState {
  if (gap.score.outcome === 'unknown') return 'unknown';
  return gap.score.value === 0 ? 'no' : 'partial';
}

export interface GapFilter {
  weight?: Weight | undefined;
  urgency?: Urgency | undefined;
  basis?: 'official' | 'inferred' | undefined;
  domainId?: string | undefined;
  state?: GapState | undefined;
  /** Words to find in the question, the item id, the official reference or the expected evidence. */
  search?: string | undefined;
}

/** Lower case without accents, so that « securite » finds « sécurité ». */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterGaps(gaps: readonly Gap[], filter: GapFilter, language: Language): Gap[] {
  const words = foldForSearch(filter.search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return gaps.filter((gap) => {
    const { item } = gap;
    if (filter.weight && item.weight !== filter.weight) return false;
    if (filter.urgency && gap.urgency !== filter.urgency) return false;
    if (filter.basis && item.basis.kind !== filter.basis) return false;
    if (filter.domainId && item.domain !== filter.domainId) return false;
    if (filter.state && gapStateOf(gap) !== filter.state) return false;
    if (words.length === 0) return true;
    const haystack = foldForSearch(
      [
        item.id,
        item.question[language],
        item.evidence[language],
        item.basis.kind === 'official' ? item.basis.reference : '',
        gap.answer?.comment ?? '',
      ].join(' '),
    );
    return words.every((w) => haystack.includes(w));
  });
}
