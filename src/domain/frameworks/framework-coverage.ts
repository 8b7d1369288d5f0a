import type { Assessment } from '../assessment/assessment';
import type { Audience, Questionnaire, QuestionnaireItem } from '../questionnaire/questionnaire-schema';
import { scoreItem } from '../scoring/score-assessment';
import type {
  FrameworkGroup,
  FrameworkMapping,
  FrameworkMeasure,
  LinkStrength,
  MeasureLink,
  Nis2Status,
} from './framework-types';

/**
 * Where an establishment stands on another framework (ReCyF, the hygiene guide, the HAS criteria) from the answers
 * it already gave, without answering again (issue 17; docs/frameworks.md, « Coverage rule »). Pure and
 * deterministic: the date targets are read at is an argument, never "now".
 *
 * The rule, measure by measure:
 * 1. Only `covers` and `partial` links count; `related` links are listed, never counted. A measure without a counting
 *    link is `not-covered`: no questionnaire asks about it (the « next work » the screen lists).
 * 2. Each counting link reads its item in the assessment whose questionnaire holds it, with the app's own scoring
 *    (scoreItem, src/domain/scoring/score-assessment.ts): yes 1, partial 0.5, no 0, a choice its option's score, a
 *    number or a date against the target in force, « je ne sais pas » 0. An item answered « non applicable » is left
 *    out; an item no given assessment asks of the establishment (no assessment of its questionnaire, or an item meant
 *    for other audiences) and an unanswered item count as not answered.
 * 3. If every counting link the establishment was asked is answered « non applicable » (at least one, links it was
 *    not asked deciding nothing), the measure is `not-applicable` and left out of the totals. If no counting link has
 *    a value, it is `not-assessed`.
 * 4. Otherwise its value is the weighted mean of the values, a `covers` link weighing 2 and a `partial` link 1 (a
 *    partial answer tells less about the measure): 1 is `met`, 0 is `not-met`, anything between is `partly-met`. A
 *    measure is `met` only when at least one `covers` item is answered: partial items alone reach at most
 *    `partly-met`.
 * So a « yes » (the best answer) on a linked item never lowers any measure's state, « non applicable » items weigh
 * nothing, and the order of the assessments and of the answers does not matter (framework-coverage.property.test.ts).
 */

/** One questionnaire answered by the establishment in the campaign: CaRE, HospiConnect or the ESMS path. */
export interface AnsweredAssessment {
  questionnaire: Questionnaire;
  answers: Assessment['answers'];
  /** The establishment's audiences (ES, GHT, ESMS), which decide the items its questionnaire asks. */
  audiences: readonly Audience[];
}

export const measureStates = ['met', 'partly-met', 'not-met', 'not-assessed', 'not-covered', 'not-applicable'] as const;
export type MeasureState = (typeof measureStates)[number];

/**
 * Whether a measure applies to the establishment given its NIS2 status:
 * - `applies`: it does (a ReCyF measure tagged for its kind of entity; every measure of an untagged framework);
 * - `to-confirm`: the status is not known yet, so every ReCyF measure is shown with its EE/EI tags;
 * - `reference`: not required (a measure for the other kind of entity, or an establishment NIS2 does not concern);
 *   a view may still show it, as reference, outside the totals.
 */
export type MeasureApplicability = 'applies' | 'to-confirm' | 'reference';

export function measureApplicability(measure: FrameworkMeasure, status: Nis2Status): MeasureApplicability {
  // The hygiene guide and the HAS criteria carry no EE/EI tag: NIS2 does not decide whether they apply.
  if (!measure.entities) return 'applies';
  switch (status) {
    case 'essential':
      return measure.entities.includes('EE') ? 'applies' : 'reference';
    case 'important':
      return measure.entities.includes('EI') ? 'applies' : 'reference';
    case 'unknown':
      return 'to-confirm';
    case 'not-concerned':
      return 'reference';
  }
}

/**
 * The measures that apply to an establishment of this NIS2 status, in the file's order: ReCyF's EE measures for an
 * essential entity, its EI measures for an important one, all of them while the status is unknown (each with its
 * tags), none for an establishment NIS2 does not concern; every measure of a framework without EE/EI tags.
 */
export function measuresForStatus(mapping: FrameworkMapping, status: Nis2Status): FrameworkMeasure[] {
  return mapping.measures.filter((measure) => measureApplicability(measure, status) !== 'reference');
}

/**
 * How one linked item reads for the coverage:
 * `scored` (a value from 0 to 1), `unknown` (« je ne sais pas », 0), `not-applicable` (left out), `unanswered`, or
 * `not-asked` (no given assessment holds the item, or its questionnaire does not ask it of this establishment).
 */
export type LinkOutcome = 'scored' | 'unknown' | 'not-applicable' | 'unanswered' | 'not-asked';

export interface LinkCoverage {
  link: MeasureLink;
  /** Whether it counts toward the measure (`covers` or `partial`). */
  counts: boolean;
  outcome: LinkOutcome;
  /** 0 to 1 when scored or unknown; undefined otherwise. */
  value: number | undefined;
  /** The questionnaire the item was read in, when one holds it. */
  questionnaire: { id: string; version: string } | undefined;
  /** The item as that questionnaire version words it. */
  item: QuestionnaireItem | undefined;
}

export interface MeasureCoverage {
  measure: FrameworkMeasure;
  applicability: MeasureApplicability;
  state: MeasureState;
  /** Weighted mean of the counting links' values (rule 4), 0 to 1; undefined unless met, partly met or not met. */
  value: number | undefined;
  /** Every link, counting or not, as read in the assessments (one entry per assessment holding the item). */
  links: LinkCoverage[];
}

export interface CoverageTotals {
  /** Measures in each state. */
  counts: Record<MeasureState, number>;
  /** Measures counted: all but the not-applicable ones. */
  total: number;
}

export interface GroupCoverage {
  group: FrameworkGroup;
  /** Over the measures that apply or are to confirm (see {@link measureApplicability}), in this group or below it. */
  totals: CoverageTotals;
  /** Over every measure of the group and below, whatever the status. */
  wholeTotals: CoverageTotals;
}

export interface ItemMeasure {
  measure: FrameworkMeasure;
  link: MeasureLink;
}

export interface FrameworkCoverage {
  /** Which framework and version were read (a result says which version it read; issue 17). */
  framework: string;
  version: string;
  status: Nis2Status;
  asOf: string;
  /** The questionnaire versions the answers were read in, sorted. */
  questionnaires: { id: string; version: string }[];
  /** Every measure of the mapping, in the file's order, each with its applicability. */
  measures: MeasureCoverage[];
  /** Every group, in the file's order. */
  groups: GroupCoverage[];
  /** Over the measures that apply or are to confirm. */
  overall: CoverageTotals;
  /** Over every measure, whatever the status (the framework as reference). */
  whole: CoverageTotals;
  /** For each linked item id, the measures it is linked to (from an item back to the measures). */
  measuresByItem: ReadonlyMap<string, ItemMeasure[]>;
}

export interface CoverageOptions {
  /** The date targets are read at (ISO), as for scoreAssessment. */
  asOf: string;
  /** The establishment's NIS2 status; `unknown` when not given. */
  status?: Nis2Status;
}

/** How much a counting link weighs in a measure's value (rule 4). */
export const linkWeights: Readonly<Record<Exclude<LinkStrength, 'related'>, number>> = { covers: 2, partial: 1 };

const EPSILON = 1e-9;

/** From an item back to the measures it is linked to, in the file's order (for navigating both ways). */
export function measuresByItem(mapping: FrameworkMapping): ReadonlyMap<string, ItemMeasure[]> {
  const byItem = new Map<string, ItemMeasure[]>();
  for (const measure of mapping.measures) {
    for (const link of measure.links) {
      const list = byItem.get(link.item) ?? [];
      list.push({ measure, link });
      byItem.set(link.item, list);
    }
  }
  return byItem;
}

interface IndexedAssessment {
  assessment: AnsweredAssessment;
  items: ReadonlyMap<string, QuestionnaireItem>;
  asked: ReadonlySet<string>;
}

function indexAssessments(assessments: readonly AnsweredAssessment[]): IndexedAssessment[] {
  return assessments.map((assessment) => {
    const { questionnaire, audiences } = assessment;
    return {
      assessment,
      items: new Map(questionnaire.items.map((item) => [item.id, item])),
      asked: new Set(
        questionnaire.items.filter((item) => item.appliesTo.some((a) => audiences.includes(a))).map((i) => i.id),
      ),
    };
  });
}

const outcomeRank: Record<LinkOutcome, number> = {
  scored: 0,
  unknown: 1,
  'not-applicable': 2,
  unanswered: 3,
  'not-asked': 4,
};

/** One entry per assessment that holds the item, in a canonical order (so the input order does not matter). */
function readLink(link: MeasureLink, indexed: readonly IndexedAssessment[], asOf: string): LinkCoverage[] {
  const counts = link.strength !== 'related';
  const entries: LinkCoverage[] = [];
  for (const { assessment, items, asked } of indexed) {
    const item = items.get(link.item);
    if (!item) continue;
    const questionnaire = { id: assessment.questionnaire.id, version: assessment.questionnaire.version };
    if (!asked.has(item.id)) {
      entries.push({ link, counts, outcome: 'not-asked', value: undefined, questionnaire, item });
      continue;
    }
    const score = scoreItem(item, assessment.answers[item.id], asOf);
    entries.push({ link, counts, outcome: score.outcome, value: score.value, questionnaire, item });
  }
  if (entries.length === 0)
    return [{ link, counts, outcome: 'not-asked', value: undefined, questionnaire: undefined, item: undefined }];
  return entries.sort(
    (a, b) =>
      (a.questionnaire?.id ?? '').localeCompare(b.questionnaire?.id ?? '') ||
      (a.questionnaire?.version ?? '').localeCompare(b.questionnaire?.version ?? '', 'en', { numeric: true }) ||
      outcomeRank[a.outcome] - outcomeRank[b.outcome] ||
      (a.value ?? -1) - (b.value ?? -1),
  );
}

/** A measure's state and value from its links as read (rules 1 to 4 above). */
export function measureState(links: readonly LinkCoverage[]): { state: MeasureState; value: number | undefined } {
  const counting = links.filter((l) => l.counts);
  if (counting.length === 0) return { state: 'not-covered', value: undefined };
  // Links no assessment asks of the establishment can bring nothing: they decide neither way.
  const asked = counting.filter((l) => l.outcome !== 'not-asked');
  if (asked.length > 0 && asked.every((l) => l.outcome === 'not-applicable'))
    return { state: 'not-applicable', value: undefined };
  let earned = 0;
  let possible = 0;
  let coveringAnswered = false;
  for (const l of counting) {
    if (l.value === undefined || l.link.strength === 'related') continue;
    const weight = linkWeights[l.link.strength];
    earned += weight * l.value;
    possible += weight;
    if (l.link.strength === 'covers') coveringAnswered = true;
  }
  if (possible === 0) return { state: 'not-assessed', value: undefined };
  const value = Math.min(1, Math.max(0, earned / possible));
  if (value >= 1 - EPSILON) return { state: coveringAnswered ? 'met' : 'partly-met', value };
  if (value <= EPSILON) return { state: 'not-met', value };
  return { state: 'partly-met', value };
}

function emptyCounts(): Record<MeasureState, number> {
  return { met: 0, 'partly-met': 0, 'not-met': 0, 'not-assessed': 0, 'not-covered': 0, 'not-applicable': 0 };
}

/** Adds up measures by state; not-applicable ones are counted apart and left out of `total`. */
export function totalCoverage(measures: readonly Pick<MeasureCoverage, 'state'>[]): CoverageTotals {
  const counts = emptyCounts();
  for (const m of measures) counts[m.state] += 1;
  return { counts, total: measures.length - counts['not-applicable'] };
}

/** The group and every group below it. */
function groupAndDescendants(groups: readonly FrameworkGroup[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups) {
      if (g.parent !== undefined && found.has(g.parent) && !found.has(g.id)) {
        found.add(g.id);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * The coverage of one framework by the answers of an establishment's assessments of one campaign (one per
 * questionnaire: CaRE, HospiConnect or the ESMS path). See the rule at the top of this file.
 */
export function frameworkCoverage(
  mapping: FrameworkMapping,
  assessments: readonly AnsweredAssessment[],
  options: CoverageOptions,
): FrameworkCoverage {
  const status = options.status ?? 'unknown';
  const indexed = indexAssessments(assessments);
  const measures: MeasureCoverage[] = mapping.measures.map((measure) => {
    const links = measure.links.flatMap((link) => readLink(link, indexed, options.asOf));
    return { measure, applicability: measureApplicability(measure, status), ...measureState(links), links };
  });
  const selected = (list: readonly MeasureCoverage[]) => list.filter((m) => m.applicability !== 'reference');
  const groups = mapping.groups.map((group) => {
    const ids = groupAndDescendants(mapping.groups, group.id);
    const inGroup = measures.filter((m) => ids.has(m.measure.group));
    return { group, totals: totalCoverage(selected(inGroup)), wholeTotals: totalCoverage(inGroup) };
  });
  const questionnaires = [
    ...new Map(
      assessments.map(({ questionnaire: q }) => [`${q.id}@${q.version}`, { id: q.id, version: q.version }]),
    ).values(),
  ].sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version, 'en', { numeric: true }));
  return {
    framework: mapping.framework,
    version: mapping.version,
    status,
    asOf: options.asOf,
    questionnaires,
    measures,
    groups,
    overall: totalCoverage(selected(measures)),
    whole: totalCoverage(measures),
    measuresByItem: measuresByItem(mapping),
  };
}
