import { computeBudgetRatios, defaultBudgetTargets } from '../budget/budget-ratios';
import type { BudgetInputs } from '../budget/budget-record';
import type { EstablishmentCategory, Sector } from '../establishment/establishment';
import { figuresAreDeclared } from '../sharing-level';
import type { SubmissionInput, SubmittedMfa } from './submission-input';

/**
 * Regional consolidation of export files, one file at a time (design §4, Auditor workspace and Command line).
 *
 * The accumulator keeps one small row per establishment × questionnaire × campaign and never the files themselves,
 * so that the command line can fold 40,000 files with memory that grows only by a row (a few hundred bytes) per
 * establishment, and the app can fold the files stored in IndexedDB with a cursor (design §8).
 *
 * When two files describe the same establishment × questionnaire × campaign, the one exported last is kept (as the
 * import does); on the same export instant, the one with the greater integrity digest, so that the result never
 * depends on the order the files are read in (tested as a property).
 */

export interface ConsolidatedBudget {
  year: number;
  /** The figures, when the sharing level includes them: regional ratios are ratios of their sums. */
  inputs: BudgetInputs | undefined;
  /** IT share of operating charges, 0 to 1. */
  itShare: number | undefined;
  /** Cybersecurity share of IT operating charges, 0 to 1. */
  cyberShare: number | undefined;
}

export type ConsolidatedMfa = SubmittedMfa;

export interface ConsolidatedRow {
  /** FINESS (EG when given, else EJ) | questionnaire | campaign: one row per key. */
  key: string;
  finessEj: string;
  finessEg: string | undefined;
  name: string;
  category: EstablishmentCategory;
  sector: Sector;
  department: string;
  ghtName: string | undefined;
  isGhtSupport: boolean;
  beds: number | undefined;
  staff: number | undefined;
  questionnaireId: string;
  questionnaireVersion: string;
  campaignYear: number;
  exportedAt: string;
  sharingLevel: string;
  /**
   * The figures are the establishment's declaration, not recomputed from answers (a statistics-level file): shown as
   * « déclaré », and left out when the auditor asks (leaveOutDeclared).
   */
  declared: boolean;
  /** The date the scores were computed at. */
  asOf: string;
  /** Overall score 0 to 100, completeness 0 to 1. */
  score: number | undefined;
  completeness: number | undefined;
  answered: number;
  applicable: number;
  unknown: number;
  notApplicable: number;
  /** Score 0 to 100 of each domain that applies (null: it applies but nothing in it is scored yet). */
  domainScores: Readonly<Record<string, number | null>>;
  /** Domain ids in the order of the file (the questionnaire's order). */
  domainIds: readonly string[];
  /** Unmet critical items; undefined when the file does not say (a sharing level may leave them out). */
  criticalGaps: readonly string[] | undefined;
  budget: ConsolidatedBudget | undefined;
  mfa: ConsolidatedMfa | undefined;
  /** Integrity digest of the file kept (tie-breaker and trace). */
  digest: string;
}

export interface ConsolidationAccumulator {
  readonly rows: Map<string, ConsolidatedRow>;
  /** Files folded in, duplicates included. */
  filesAdded: number;
  /** One copy of each id string, so that 40,000 rows share their domain and item ids rather than hold their own. */
  readonly strings: Map<string, string>;
}

export interface Consolidation {
  /** Sorted by key, so that the same files give the same result. */
  rows: ConsolidatedRow[];
  filesAdded: number;
  /** Files left out because a later export of the same establishment × questionnaire × campaign was kept. */
  duplicates: number;
}

export function createConsolidation(): ConsolidationAccumulator {
  return { rows: new Map(), filesAdded: 0, strings: new Map() };
}

/** The key of a submission: the geographic FINESS when given (one site), else the legal one. */
export function submissionKey(input: Pick<SubmissionInput, 'establishment' | 'content'>): string {
  const finess = input.establishment.finessEg ?? input.establishment.finessEj;
  return `${finess}|${input.content.questionnaire.id}|${input.content.campaignYear}`;
}

/** Whether a file exported at `a` supersedes one exported at `b`: later export wins, then the greater digest. */
export function supersedes(a: Pick<ConsolidatedRow, 'exportedAt' | 'digest'>, b: typeof a): boolean {
  const ta = Date.parse(a.exportedAt);
  const tb = Date.parse(b.exportedAt);
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return ta > tb;
  if (!Number.isFinite(ta) || !Number.isFinite(tb)) {
    if (a.exportedAt !== b.exportedAt) return a.exportedAt > b.exportedAt;
  }
  return a.digest > b.digest;
}

function intern(acc: ConsolidationAccumulator, value: string): string {
  const known = acc.strings.get(value);
  if (known !== undefined) return known;
  acc.strings.set(value, value);
  return value;
}

const finiteOrUndefined = (v: number | undefined): number | undefined =>
  v !== undefined && Number.isFinite(v) ? v : undefined;

function budgetOf(budget: SubmissionInput['content']['budget']): ConsolidatedBudget | undefined {
  if (!budget) return undefined;
  const inputs = budget.inputs ? { ...budget.inputs } : undefined;
  // The ratios are recomputed from the figures when there are figures (never trust a stored ratio over its
  // inputs: domain reference part C); a "statistics" file may carry the ratios only.
  const computed = inputs ? computeBudgetRatios(inputs, defaultBudgetTargets) : undefined;
  return {
    year: budget.year,
    inputs,
    itShare: computed ? computed.itShareOfOperating.value : finiteOrUndefined(budget.ratios?.itShareOfOperating),
    cyberShare: computed ? computed.cyberShareOfIt.value : finiteOrUndefined(budget.ratios?.cyberShareOfIt),
  };
}

function mfaOf(mfa: SubmittedMfa | undefined): ConsolidatedMfa | undefined {
  if (!mfa) return undefined;
  return {
    sensitiveCount: mfa.sensitiveCount,
    compliantCount: mfa.compliantCount,
    users: mfa.users,
    usersWithTwoFactors: mfa.usersWithTwoFactors,
  };
}

/** The compact row of one file: everything the dashboard, the CSV and the reports need, nothing else. */
export function rowOf(input: SubmissionInput, strings?: (s: string) => string): ConsolidatedRow {
  const s = strings ?? ((v: string) => v);
  const { establishment: e, content: c } = input;
  const domainScores: Record<string, number | null> = {};
  const domainIds: string[] = [];
  for (const d of c.scores.domains) {
    const id = s(d.domainId);
    domainIds.push(id);
    domainScores[id] = finiteOrUndefined(d.score) ?? null;
  }
  return {
    key: submissionKey(input),
    finessEj: e.finessEj,
    finessEg: e.finessEg,
    name: e.name,
    category: e.category,
    sector: e.sector,
    department: s(e.department),
    ghtName: e.ghtName === undefined ? undefined : s(e.ghtName),
    isGhtSupport: e.isGhtSupport,
    beds: e.beds,
    staff: e.staff,
    questionnaireId: s(c.questionnaire.id),
    questionnaireVersion: s(c.questionnaire.version),
    campaignYear: c.campaignYear,
    exportedAt: input.exportedAt,
    sharingLevel: s(input.sharingLevel),
    declared:
      input.declaredFigures !== undefined ? input.declaredFigures.length > 0 : figuresAreDeclared(input.sharingLevel),
    asOf: s(c.scores.asOf),
    score: finiteOrUndefined(c.scores.overall.score),
    completeness: finiteOrUndefined(c.scores.overall.completeness),
    answered: c.scores.overall.answered,
    applicable: c.scores.overall.applicable,
    unknown: c.scores.overall.unknown,
    notApplicable: c.scores.overall.notApplicable,
    domainScores,
    domainIds,
    criticalGaps: c.criticalGaps ? [...new Set(c.criticalGaps)].map(s).sort() : undefined,
    budget: budgetOf(c.budget),
    mfa: mfaOf(c.mfa),
    digest: input.integrity?.digest ?? '',
  };
}

/** Folds one validated file into the accumulator; the file itself can be dropped afterwards. */
export function addSubmission(acc: ConsolidationAccumulator, input: SubmissionInput): void {
  acc.filesAdded += 1;
  const row = rowOf(input, (v) => intern(acc, v));
  const kept = acc.rows.get(row.key);
  if (kept === undefined || supersedes(row, kept)) acc.rows.set(row.key, row);
}

const byKey = (a: ConsolidatedRow, b: ConsolidatedRow) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function finishConsolidation(acc: ConsolidationAccumulator): Consolidation {
  const rows = [...acc.rows.values()].sort(byKey);
  return { rows, filesAdded: acc.filesAdded, duplicates: acc.filesAdded - rows.length };
}

/** Convenience for tests and small sets: the consolidation of a list of files. */
export function consolidate(inputs: Iterable<SubmissionInput>): Consolidation {
  const acc = createConsolidation();
  for (const input of inputs) addSubmission(acc, input);
  return finishConsolidation(acc);
}

/** The rows whose figures were recomputed from their files: those declared left out, when the auditor asks. */
export function leaveOutDeclared<R extends Pick<ConsolidatedRow, 'declared'>>(rows: readonly R[]): R[] {
  return rows.filter((row) => !row.declared);
}
