import { responseFitsItem, type Answer } from '../assessment/answer';
import { applicableItems, type Assessment } from '../assessment/assessment';
import type { Audience, Questionnaire, QuestionnaireItem, Target, Weight } from '../questionnaire/questionnaire-schema';
import { daysBetween } from './iso-date';

/**
 * How answers become scores. No programme publishes a scoring method for CaRE or HospiConnect, so this one is the
 * app's own, kept simple enough to be checked by hand and written out in docs/scoring.md and in the app (design
 * principle 5; users of peer tools asked for a method they can audit: peers.md §3 item 11).
 *
 * - Each applicable item has a value from 0 to 1: yes 1, partial 0.5, no 0; a choice its option's score; a number
 *   or percentage against the target in force (full when met, in proportion below it); a date 1 when it is recent
 *   enough, else 0. "Don't know" counts 0 and is counted apart; "not applicable" is left out entirely.
 * - Each item weighs 3 (critical), 2 (high) or 1 (medium): the scale the domain reference suggests (part 2).
 * - A score is the weighted mean of the values of the answered items, as a percentage: per domain, and overall
 *   over every answered item (a weighted mean of items, not a mean of domain means, so a domain with many critical
 *   items counts for what it holds).
 * - Completeness is the share of applicable items that have an answer ("not applicable" and "don't know" are
 *   answers). A score with completeness under 100 % describes only what has been answered.
 *
 * Everything here is pure and deterministic: the date the targets are read at is an argument, never "now".
 */

/** Points per weight (domain reference, part 2: "C=3, H=2, M=1"). */
export const weightPoints: Readonly<Record<Weight, number>> = { critical: 3, high: 2, medium: 1 };

/** Value of a status answer (domain reference, part 2: "YPNA → 1 / 0.5 / 0 / excluded"). */
export const statusValues = { yes: 1, partial: 0.5, no: 0 } as const;

export type ItemOutcome =
  /** No answer yet, or an answer that no longer fits the item (it then counts as unanswered). */
  | 'unanswered'
  | 'not-applicable'
  /** "Don't know": scored 0, listed as a question for the IT provider. */
  | 'unknown'
  | 'scored';

export interface ItemScore {
  itemId: string;
  domainId: string;
  weight: Weight;
  points: number;
  outcome: ItemOutcome;
  /** From 0 to 1 when the item is scored or unknown (0); undefined when unanswered or not applicable. */
  value: number | undefined;
  /** The target the value was measured against, for numbers, percentages and dates. */
  target: Target | undefined;
}

export interface ScoreSummary {
  /** Weighted mean of the item values, 0 to 100; undefined when no item counts (nothing answered, all N/A). */
  score: number | undefined;
  earnedPoints: number;
  possiblePoints: number;
  /** Items that apply to the establishment. */
  applicable: number;
  /** Applicable items with an answer, "not applicable" and "don't know" included. */
  answered: number;
  notApplicable: number;
  unknown: number;
  /** Items with a value of 1. */
  met: number;
  /** answered / applicable, 0 to 1; undefined when no item applies. */
  completeness: number | undefined;
}

export interface DomainScore extends ScoreSummary {
  domainId: string;
}

export interface AssessmentScore {
  /** The date targets were read at. */
  asOf: string;
  items: ItemScore[];
  /** In questionnaire order; domains with no applicable item are left out. */
  domains: DomainScore[];
  overall: ScoreSummary;
}

/**
 * The target in force at a date: the first whose due date is on or after the date (a target without a due date is
 * always in force), else the last one. Staged objectives such as HospiConnect's "75 % in 2027, 90 % by 2028" are
 * thus read as 75 % until the end of 2027, then 90 %.
 */
export function targetInForce(targets: readonly Target[] | undefined, asOf: string): Target | undefined {
  if (!targets || targets.length === 0) return undefined;
  return targets.find((t) => t.due === undefined || t.due >= asOf) ?? targets[targets.length - 1];
}

/** How far a number meets its target, 0 to 1: fully when met, else in proportion (see docs/scoring.md). */
export function valueAgainstTarget(value: number, target: Target): number {
  switch (target.comparator) {
    case 'at-least':
      if (value >= target.value) return 1;
      return target.value > 0 ? Math.max(0, value / target.value) : 0;
    case 'at-most':
    case 'within-days':
      // An "at most" target with room (a patch delay of 15 days) scores in proportion when exceeded; a zero target
      // (no open critical vulnerability, no shared account) is met or not.
      if (value <= target.value) return 1;
      return target.value > 0 ? target.value / value : 0;
  }
}

/** A date is recent enough when it lies between `asOf` minus the target's days and `asOf` itself. */
export function dateAgainstTarget(date: string, target: Target, asOf: string): number {
  const age = daysBetween(date, asOf);
  return age >= 0 && age <= target.value ? 1 : 0;
}

export function scoreItem(item: QuestionnaireItem, answer: Answer | undefined, asOf: string): ItemScore {
  const target = targetInForce(item.targets, asOf);
  const response = answer?.response;
  if (response === undefined || !responseFitsItem(response, item))
    return itemScore(item, target, 'unanswered', undefined);
  switch (response.kind) {
    case 'not-applicable':
      return itemScore(item, target, 'not-applicable', undefined);
    case 'unknown':
      return itemScore(item, target, 'unknown', 0);
    case 'status':
      return itemScore(item, target, 'scored', statusValues[response.value]);
    case 'choice': {
      const option = item.choices?.find((c) => c.id === response.value);
      return option
        ? itemScore(item, target, 'scored', option.score)
        : itemScore(item, target, 'unanswered', undefined);
    }
    case 'number':
      return target
        ? itemScore(item, target, 'scored', valueAgainstTarget(response.value, target))
        : itemScore(item, target, 'unanswered', undefined);
    case 'date':
      return target
        ? itemScore(item, target, 'scored', dateAgainstTarget(response.value, target, asOf))
        : itemScore(item, target, 'unanswered', undefined);
  }
}

/**
 * Every item score is this one object literal: the command line scores every file an auditor consolidates, and
 * building them by spreading a shared base was ten times slower (about 400 ms against 40 ms for 847 files).
 */
function itemScore(
  item: QuestionnaireItem,
  target: Target | undefined,
  outcome: ItemOutcome,
  value: number | undefined,
): ItemScore {
  return {
    itemId: item.id,
    domainId: item.domain,
    weight: item.weight,
    points: weightPoints[item.weight],
    outcome,
    value,
    target,
  };
}

/** Adds up a set of item scores (one domain, or all of them). */
export function summarize(items: readonly ItemScore[]): ScoreSummary {
  let earned = 0;
  let possible = 0;
  let answered = 0;
  let notApplicable = 0;
  let unknown = 0;
  let met = 0;
  for (const s of items) {
    if (s.outcome !== 'unanswered') answered += 1;
    if (s.outcome === 'not-applicable') notApplicable += 1;
    if (s.outcome === 'unknown') unknown += 1;
    if (s.value === undefined) continue;
    earned += s.points * s.value;
    possible += s.points;
    if (s.value >= 1) met += 1;
  }
  return {
    score: possible > 0 ? clampPercent((100 * earned) / possible) : undefined,
    earnedPoints: earned,
    possiblePoints: possible,
    applicable: items.length,
    answered,
    notApplicable,
    unknown,
    met,
    completeness: items.length > 0 ? answered / items.length : undefined,
  };
}

/** Guards against rounding drift (3 × 0.1 / 0.3 can exceed 1 by an ulp): a score is always within 0–100. */
function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

export function scoreAssessment(
  questionnaire: Questionnaire,
  answers: Assessment['answers'],
  audiences: readonly Audience[],
  asOf: string,
): AssessmentScore {
  const items = applicableItems(questionnaire, audiences).map((item) => scoreItem(item, answers[item.id], asOf));
  const domains = questionnaire.domains
    .map((domain) => ({ domainId: domain.id, ...summarize(items.filter((s) => s.domainId === domain.id)) }))
    .filter((d) => d.applicable > 0);
  return { asOf, items, domains, overall: summarize(items) };
}

/**
 * Below this share of applicable items answered, the summary does not give an overall score: at 1 answer of 24 a
 * « Score 100 % … 0 point à améliorer » would tell a director the establishment is in order when almost nothing
 * was asked. Half the questions is the least at which the score says something about the establishment rather
 * than about the few answers given (docs/scoring.md, « Too incomplete to score »).
 */
export const MIN_COMPLETENESS_TO_SCORE = 0.5;

/** Whether an overall score can be shown as the establishment's: something scored, and enough answered. */
export function isScoreReadable(summary: Pick<ScoreSummary, 'score' | 'completeness'>): boolean {
  return (
    summary.score !== undefined &&
    summary.completeness !== undefined &&
    summary.completeness >= MIN_COMPLETENESS_TO_SCORE
  );
}

/** How many answers an assessment needs before its overall score is shown. */
export function answersNeededToScore(summary: Pick<ScoreSummary, 'applicable'>): number {
  return Math.ceil(summary.applicable * MIN_COMPLETENESS_TO_SCORE);
}
