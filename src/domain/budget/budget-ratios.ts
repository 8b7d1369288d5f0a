import { z } from 'zod';
import type { BudgetInputs, BudgetRecord } from './budget-record';

/**
 * Budget ratios of an establishment, a GHT or a region: the share of operating charges spent on IT, the share of IT
 * spent on cybersecurity, the same on an operating + capital basis and net of external funding, the gap in euros to
 * each target, and the security share of IT staff. Formulas: domain reference, part C; every ratio is recomputed
 * from the stored inputs, never stored itself.
 */

export type BudgetField = keyof BudgetInputs;

/** Every input, in the order of the form and of exports (domain reference part C, bud.in.01 to bud.in.12). */
export const budgetFields = [
  'totalOperatingCharges',
  'itOperatingCharges',
  'itStaffCharges',
  'totalCapex',
  'itCapex',
  'cyberOperating',
  'cyberCapex',
  'externalCyberFunding',
  'itFte',
  'securityFte',
  'workstations',
  'bedsAndPlaces',
] as const satisfies readonly BudgetField[];

export type BudgetFieldKind = 'euros' | 'fte' | 'count';
export const budgetFieldKinds: Record<BudgetField, BudgetFieldKind> = {
  totalOperatingCharges: 'euros',
  itOperatingCharges: 'euros',
  itStaffCharges: 'euros',
  totalCapex: 'euros',
  itCapex: 'euros',
  cyberOperating: 'euros',
  cyberCapex: 'euros',
  externalCyberFunding: 'euros',
  itFte: 'fte',
  securityFte: 'fte',
  workstations: 'count',
  bedsAndPlaces: 'count',
};

// ---------------------------------------------------------------------------------------------------------------
// Targets and anchors

/** Targets as fractions (0.02 = 2 %). Settings with defaults, which every establishment of the device may change. */
export interface BudgetTargets {
  itShare: number;
  cyberShare: number;
}

/**
 * « D'ici 2027, les établissements consacreront 2 % de leur budget au numérique, dont 10 % à la cybersécurité »: the
 * objective of the 2023–2027 digital-health roadmap as the specialised press reported it (APM news, 25 May 2023;
 * domain reference §3.2) [secondary source: the roadmap's own sentence was not found]. The 10 % is also the highest
 * level (« optimal ») of ANSSI's maturity test on budget: a cyber budget of at least 10 % of the IT budget [official].
 * The sentence says « les établissements »: no target specific to the medico-social sector was found, so an ESMS is
 * read against the same targets. Defaults the user can change.
 */
export const defaultBudgetTargets: BudgetTargets = { itShare: 0.02, cyberShare: 0.1 };

export const budgetTargetsSchema = z
  .object({
    itShare: z.number().gt(0).max(1),
    cyberShare: z.number().gt(0).max(1),
  })
  .strict();

/** Reads stored targets; anything unreadable gives the defaults rather than a broken screen. */
export function readBudgetTargets(value: unknown): BudgetTargets {
  const parsed = budgetTargetsSchema.safeParse(value);
  return parsed.success ? parsed.data : defaultBudgetTargets;
}

/**
 * The reference points below the targets, which set the at-risk thresholds and explain how far below a share is
 * (domain reference §3.1); they are not targets:
 * - observedItShare: Cour des comptes, January 2025: on average 1.69 % (≈ 1.7 %) of the operating budget of health
 *   establishments goes to IT, a mean the Court itself judges insufficient [secondary source];
 * - cyberAtRisk: the FSSI of the social ministries: "below 5-6 % of the IT budget spent on security you are at risk"
 *   [secondary], the floor of the 5 % to 10 % asked by the 2021 national plan [secondary].
 */
export const budgetAnchors = {
  observedItShare: 0.017,
  cyberAtRisk: 0.05,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Ratios

/** Read against the target in force: « dans la cible » only at or above it (domain reference §3.2). */
export type RatioBand = 'at-risk' | 'below' | 'on-target';

/** How far below its target a share is: in percentage points, and in euros to add to its numerator. */
export interface Shortfall {
  points: number;
  euros: number;
}

/** A ratio as a fraction 0..1; undefined when a figure of its formula is missing or its denominator is zero. */
export interface Ratio {
  value: number | undefined;
  band: RatioBand | undefined;
  /** Set when a ratio with a target is below it. */
  shortfall?: Shortfall | undefined;
}

export interface BudgetRatios {
  itShareOfOperating: Ratio;
  cyberShareOfIt: Ratio;
  itShareTotal: Ratio;
  cyberShareTotal: Ratio;
  cyberShareNet: Ratio;
  securityStaffShare: Ratio;
  gapToItTargetEur: number | undefined;
  gapToCyberTargetEur: number | undefined;
}

export type RatioName = Exclude<keyof BudgetRatios, 'gapToItTargetEur' | 'gapToCyberTargetEur'>;
export const ratioNames = [
  'itShareOfOperating',
  'cyberShareOfIt',
  'itShareTotal',
  'cyberShareTotal',
  'cyberShareNet',
  'securityStaffShare',
] as const satisfies readonly RatioName[];

/** Which bands a ratio is read against: the IT-share anchors, the cyber-share anchors, or none (no reference). */
export type BandScale = 'it-share' | 'cyber-share' | 'none';

export interface RatioDefinition {
  numerator: readonly BudgetField[];
  /** Subtracted from the numerator (external funding), the result floored at zero. */
  minus?: readonly BudgetField[];
  denominator: readonly BudgetField[];
  scale: BandScale;
}

/**
 * The formulas of domain reference part C:
 *   itShareOfOperating = in02 / in01                       (the official historical indicator, ATIH/DGOS)
 *   cyberShareOfIt     = in06 / in02
 *   itShareTotal       = (in02 + in04) / (in01 + in05)      (alternative "total effort" definition)
 *   cyberShareTotal    = (in06 + in07) / (in02 + in04)
 *   cyberShareNet      = max(0, in06 + in07 − in08) / (in02 + in04)
 *   securityStaffShare = in10 / in09
 * A ratio needs every figure of its formula: a missing figure is unknown, not zero (type 0 when there is none).
 */
export const ratioDefinitions: Record<RatioName, RatioDefinition> = {
  itShareOfOperating: { numerator: ['itOperatingCharges'], denominator: ['totalOperatingCharges'], scale: 'it-share' },
  cyberShareOfIt: { numerator: ['cyberOperating'], denominator: ['itOperatingCharges'], scale: 'cyber-share' },
  itShareTotal: {
    numerator: ['itOperatingCharges', 'itCapex'],
    denominator: ['totalOperatingCharges', 'totalCapex'],
    scale: 'it-share',
  },
  cyberShareTotal: {
    numerator: ['cyberOperating', 'cyberCapex'],
    denominator: ['itOperatingCharges', 'itCapex'],
    scale: 'cyber-share',
  },
  cyberShareNet: {
    numerator: ['cyberOperating', 'cyberCapex'],
    minus: ['externalCyberFunding'],
    denominator: ['itOperatingCharges', 'itCapex'],
    scale: 'cyber-share',
  },
  securityStaffShare: { numerator: ['securityFte'], denominator: ['itFte'], scale: 'none' },
};

/** Every figure a ratio needs, in form order. */
export function fieldsOfRatio(name: RatioName): BudgetField[] {
  const d = ratioDefinitions[name];
  const used = new Set<BudgetField>([...d.numerator, ...(d.minus ?? []), ...d.denominator]);
  return budgetFields.filter((f) => used.has(f));
}

/** The figures of a ratio still missing from these inputs (to tell the user what to enter). */
export function missingFieldsOfRatio(inputs: BudgetInputs, name: RatioName): BudgetField[] {
  return fieldsOfRatio(name).filter((f) => inputs[f] === undefined);
}

/**
 * Bands of the IT share: below the observed national mean (≈ 1.7 %, Cour des comptes 2025) is "at risk"; from the
 * mean up to the target (2 % by default) "below"; at or above the target "on target". Lower bounds are inclusive.
 * If the target is set below the observed mean, the target takes the mean's place.
 */
export function itShareBand(value: number, targets: BudgetTargets): RatioBand {
  if (value < Math.min(budgetAnchors.observedItShare, targets.itShare)) return 'at-risk';
  if (value < targets.itShare) return 'below';
  return 'on-target';
}

/**
 * Bands of the cyber share of IT, read against the target in force (10 % by default; domain reference §3.2):
 *   < 5 %            at risk   (the FSSI judges a share below 5-6 % at risk; 5 % is the 2021 plan's floor)
 *   5 % to < target  below     (the card says how far, in points and in euros)
 *   ≥ target         on target
 * Lower bounds are inclusive. A share of 6 to 10 % (the FSSI's "ideal" range) is below a 10 % target, not on it.
 * A target set below 5 % lowers the at-risk threshold to the target.
 */
export function cyberShareBand(value: number, targets: BudgetTargets): RatioBand {
  const target = targets.cyberShare;
  if (value < Math.min(budgetAnchors.cyberAtRisk, target)) return 'at-risk';
  if (value < target) return 'below';
  return 'on-target';
}

/** The target a ratio is read against, if it has one. */
export function targetOfScale(scale: BandScale, targets: BudgetTargets): number | undefined {
  if (scale === 'it-share') return targets.itShare;
  if (scale === 'cyber-share') return targets.cyberShare;
  return undefined;
}

function bandOf(scale: BandScale, value: number, targets: BudgetTargets): RatioBand | undefined {
  if (scale === 'it-share') return itShareBand(value, targets);
  if (scale === 'cyber-share') return cyberShareBand(value, targets);
  return undefined;
}

const sumOf = (inputs: BudgetInputs, fields: readonly BudgetField[]) =>
  fields.reduce((total, f) => total + (inputs[f] ?? 0), 0);

/** Ratio of sums over the inputs that hold every figure of the formula (a single input is the case of one). */
function ratioOverInputs(list: readonly BudgetInputs[], name: RatioName, targets: BudgetTargets): Ratio {
  const definition = ratioDefinitions[name];
  const fields = fieldsOfRatio(name);
  const complete = list.filter((inputs) => fields.every((f) => inputs[f] !== undefined));
  if (complete.length === 0) return { value: undefined, band: undefined };
  let numerator = 0;
  let denominator = 0;
  for (const inputs of complete) {
    numerator += sumOf(inputs, definition.numerator) - sumOf(inputs, definition.minus ?? []);
    denominator += sumOf(inputs, definition.denominator);
  }
  // Funding received beyond this year's cyber spending pays for other years: the net effort is floored at zero.
  numerator = Math.max(0, numerator);
  if (!(denominator > 0)) return { value: undefined, band: undefined };
  const value = numerator / denominator;
  const band = bandOf(definition.scale, value, targets);
  const target = targetOfScale(definition.scale, targets);
  if (band === undefined || band === 'on-target' || target === undefined) return { value, band };
  return { value, band, shortfall: shortfallOf(value, target, target * denominator - numerator) };
}

const toCents = (euros: number) => Math.round(euros * 100) / 100;

/**
 * Below a target: the points missing (target − share, in percentage points) and the euros to add to the numerator
 * at the same denominator (target × denominator − numerator), rounded to the cent and never shown as nothing: a
 * share below its target always misses at least a cent.
 */
function shortfallOf(value: number, target: number, euros: number): Shortfall {
  return { points: (target - value) * 100, euros: Math.max(0.01, toCents(euros)) };
}

/**
 * Euros missing to reach a target share: max(0, target × base − spent), over the inputs that hold both figures.
 *   gapToItTargetEur    = max(0, itShare × in01 − in02)
 *   gapToCyberTargetEur = max(0, cyberShare × in02 − in06)    (on the operating basis, like the primary ratio)
 */
function gapOverInputs(
  list: readonly BudgetInputs[],
  base: BudgetField,
  spent: BudgetField,
  target: number,
): number | undefined {
  const complete = list.filter((inputs) => inputs[base] !== undefined && inputs[spent] !== undefined);
  if (complete.length === 0) return undefined;
  const baseSum = complete.reduce((total, inputs) => total + (inputs[base] ?? 0), 0);
  const spentSum = complete.reduce((total, inputs) => total + (inputs[spent] ?? 0), 0);
  // The same reading as the band: below the target (spent / base < target) always misses at least a cent.
  if (!(baseSum > 0) || spentSum / baseSum >= target) return 0;
  return Math.max(0.01, toCents(target * baseSum - spentSum));
}

function ratiosOver(list: readonly BudgetInputs[], targets: BudgetTargets): BudgetRatios {
  return {
    itShareOfOperating: ratioOverInputs(list, 'itShareOfOperating', targets),
    cyberShareOfIt: ratioOverInputs(list, 'cyberShareOfIt', targets),
    itShareTotal: ratioOverInputs(list, 'itShareTotal', targets),
    cyberShareTotal: ratioOverInputs(list, 'cyberShareTotal', targets),
    cyberShareNet: ratioOverInputs(list, 'cyberShareNet', targets),
    securityStaffShare: ratioOverInputs(list, 'securityStaffShare', targets),
    gapToItTargetEur: gapOverInputs(list, 'totalOperatingCharges', 'itOperatingCharges', targets.itShare),
    gapToCyberTargetEur: gapOverInputs(list, 'itOperatingCharges', 'cyberOperating', targets.cyberShare),
  };
}

/** The ratios of one establishment and year. Inputs are expected to pass {@link checkBudgetInputs}. */
export function computeBudgetRatios(inputs: BudgetInputs, targets: BudgetTargets): BudgetRatios {
  return ratiosOver([inputs], targets);
}

/**
 * The ratios of a GHT or a region: a ratio of sums (Σ numerators / Σ denominators), never a mean of ratios, so that
 * a large hospital weighs as much as its budget (design §4; domain reference part C). For each ratio only the
 * establishments that gave every figure of its formula are counted, so that numerator and denominator cover the same
 * establishments. The gaps are those of the summed budget.
 */
export function aggregateBudgets(inputs: BudgetInputs[], targets: BudgetTargets): BudgetRatios {
  return ratiosOver(inputs, targets);
}

/** The members' own gaps to a target, added up: what the members below it miss, whatever the others spend. */
export interface MemberGaps {
  /** Σ of each member's own gap, over the members that gave both figures; undefined when none did. */
  totalEur: number | undefined;
  /** Members that gave both figures, and those of them below the target. */
  counted: number;
  below: number;
}

export interface GroupGaps {
  it: MemberGaps;
  cyber: MemberGaps;
}

/**
 * A GHT's budget read twice (issue 15): the gap of the summed budget ({@link aggregateBudgets}) and the sum of its
 * members' own gaps. A member above the target lowers the first, never the second: 300 000 € spent beyond the target
 * by one hospital do not close the 200 000 € another one misses. The sum of the members' gaps is never below the gap
 * of the summed budget (max(0, ·) is subadditive), up to the rounding of each member to the cent.
 */
export function memberGaps(list: readonly BudgetInputs[], targets: BudgetTargets): GroupGaps {
  const of = (gap: (r: BudgetRatios) => number | undefined): MemberGaps => {
    const gaps = list
      .map((inputs) => gap(computeBudgetRatios(inputs, targets)))
      .filter((g): g is number => g !== undefined);
    return {
      totalEur: gaps.length === 0 ? undefined : toCents(gaps.reduce((a, b) => a + b, 0)),
      counted: gaps.length,
      below: gaps.filter((g) => g > 0).length,
    };
  };
  return { it: of((r) => r.gapToItTargetEur), cyber: of((r) => r.gapToCyberTargetEur) };
}

/** Sum of each input over a list (undefined where no input holds that figure): the GHT or region totals. */
export function sumBudgetInputs(list: readonly BudgetInputs[]): BudgetInputs {
  const total: BudgetInputs = {};
  for (const field of budgetFields) {
    const values = list.map((inputs) => inputs[field]).filter((v): v is number => v !== undefined);
    if (values.length > 0) total[field] = values.reduce((a, b) => a + b, 0);
  }
  return total;
}

/** Per-unit figures for benchmarks (domain reference part C, bud.in.11 and bud.in.12). */
export interface BudgetPerUnit {
  itSpendPerBed: number | undefined;
  cyberSpendPerWorkstation: number | undefined;
}

export function computePerUnit(inputs: BudgetInputs): BudgetPerUnit {
  const it = inputs.itOperatingCharges;
  const cyber = inputs.cyberOperating;
  const beds = inputs.bedsAndPlaces;
  const workstations = inputs.workstations;
  return {
    itSpendPerBed: it !== undefined && beds ? toCents(it / beds) : undefined,
    cyberSpendPerWorkstation: cyber !== undefined && workstations ? toCents(cyber / workstations) : undefined,
  };
}

/** One point of the trend chart: a year and its ratios. */
export interface BudgetTrendPoint {
  year: number;
  ratios: BudgetRatios;
}

/** The ratios of every year entered, oldest first (years without any figure are left out). */
export function budgetTrend(
  records: readonly Pick<BudgetRecord, 'year' | 'inputs'>[],
  targets: BudgetTargets,
): BudgetTrendPoint[] {
  return records
    .filter((r) => budgetFields.some((f) => r.inputs[f] !== undefined))
    .map((r) => ({ year: r.year, ratios: computeBudgetRatios(r.inputs, targets) }))
    .sort((a, b) => a.year - b.year);
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

/**
 * Refused figures (errors) cannot be true and are never stored; odd figures (warnings) are probably a typing or unit
 * mistake and are stored. Rules: domain reference part C ([INF]: in02 ≤ in01, in06 ≤ in02 (warn above 30 %),
 * in04 ≤ in05, in03 ≤ in02, non-negative), plus the same inclusions for capex and staff.
 */
export const budgetErrorCodes = [
  'not-a-number',
  'negative',
  'not-integer',
  'it-above-total',
  'it-staff-above-it',
  'it-capex-above-total-capex',
  'cyber-above-it',
  'cyber-capex-above-it-capex',
  'security-fte-above-it-fte',
] as const;
export const budgetWarningCodes = [
  'cyber-share-high',
  'it-share-high',
  'funding-above-cyber-spend',
  'total-looks-small',
] as const;
export type BudgetIssueCode = (typeof budgetErrorCodes)[number] | (typeof budgetWarningCodes)[number];

export interface BudgetIssue {
  /** The figure at fault: the one that cannot exceed the other. */
  field: BudgetField;
  code: BudgetIssueCode;
  /** The other figure of a comparison, so that the screen can flag both. */
  related?: BudgetField;
}

/** Above this share of IT spent on cyber, the figure is most likely a perimeter mistake (part C: warn above 30 %). */
export const CYBER_SHARE_WARNING = 0.3;
/** No health establishment is known above 10 % (banking is at 9 %, Cour des comptes): likely a unit mistake. */
export const IT_SHARE_WARNING = 0.1;
/** The smallest ESMS books more than this in a year: a smaller total was probably typed in thousands of euros. */
export const SMALL_TOTAL_WARNING = 100_000;

export function checkBudgetInputs(inputs: BudgetInputs): { errors: BudgetIssue[]; warnings: BudgetIssue[] } {
  const errors: BudgetIssue[] = [];
  const warnings: BudgetIssue[] = [];
  const finite = (f: BudgetField): number | undefined => {
    const v = inputs[f];
    return v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined;
  };
  for (const field of budgetFields) {
    const value = inputs[field];
    if (value === undefined) continue;
    if (!Number.isFinite(value)) errors.push({ field, code: 'not-a-number' });
    else if (value < 0) errors.push({ field, code: 'negative' });
    else if (budgetFieldKinds[field] === 'count' && !Number.isInteger(value))
      errors.push({ field, code: 'not-integer' });
  }
  const notAbove = (part: BudgetField, whole: BudgetField, code: BudgetIssueCode) => {
    const p = finite(part);
    const w = finite(whole);
    if (p !== undefined && w !== undefined && p > w) errors.push({ field: part, code, related: whole });
  };
  notAbove('itOperatingCharges', 'totalOperatingCharges', 'it-above-total');
  notAbove('itStaffCharges', 'itOperatingCharges', 'it-staff-above-it');
  notAbove('itCapex', 'totalCapex', 'it-capex-above-total-capex');
  notAbove('cyberOperating', 'itOperatingCharges', 'cyber-above-it');
  notAbove('cyberCapex', 'itCapex', 'cyber-capex-above-it-capex');
  notAbove('securityFte', 'itFte', 'security-fte-above-it-fte');

  const total = finite('totalOperatingCharges');
  const it = finite('itOperatingCharges');
  const cyber = finite('cyberOperating');
  const cyberCapex = finite('cyberCapex');
  const funding = finite('externalCyberFunding');
  if (it !== undefined && cyber !== undefined && it > 0 && cyber <= it && cyber > CYBER_SHARE_WARNING * it)
    warnings.push({ field: 'cyberOperating', code: 'cyber-share-high', related: 'itOperatingCharges' });
  if (total !== undefined && it !== undefined && total > 0 && it <= total && it > IT_SHARE_WARNING * total)
    warnings.push({ field: 'itOperatingCharges', code: 'it-share-high', related: 'totalOperatingCharges' });
  if (funding !== undefined && cyber !== undefined && funding > cyber + (cyberCapex ?? 0))
    warnings.push({ field: 'externalCyberFunding', code: 'funding-above-cyber-spend', related: 'cyberOperating' });
  if (total !== undefined && total > 0 && total < SMALL_TOTAL_WARNING)
    warnings.push({ field: 'totalOperatingCharges', code: 'total-looks-small' });
  return { errors, warnings };
}

/** The issues that concern a field, as the figure at fault or as the other figure of the comparison. */
export function issuesOfField(issues: readonly BudgetIssue[], field: BudgetField): BudgetIssue[] {
  return issues.filter((i) => i.field === field || i.related === field);
}
