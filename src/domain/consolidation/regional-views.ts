import { aggregateBudgets, defaultBudgetTargets, type BudgetRatios, type BudgetTargets } from '../budget/budget-ratios';
import type { BudgetInputs } from '../budget/budget-record';
import type { EstablishmentCategory, Sector } from '../establishment/establishment';
import type { ConsolidatedRow } from './consolidate';
import { describeDistribution, type Distribution } from './quantiles';

/**
 * The regional views of a consolidation: what the auditor's dashboard shows and what the regional and benchmark
 * reports print (peers.md §4 items 13 and 14). Every function is pure and takes the rows of one selection: one
 * questionnaire and one campaign, so that each establishment counts once and its scores compare with like.
 */

// ---------------------------------------------------------------------------------------------------------------
// Selection and filters

export interface Selection {
  questionnaireId: string;
  campaignYear: number;
}

export interface RowFilters {
  category?: EstablishmentCategory | undefined;
  sector?: Sector | undefined;
  /** A GHT name; the empty string selects the establishments outside any GHT. */
  ghtName?: string | undefined;
  department?: string | undefined;
}

export interface SelectionSummary extends Selection {
  count: number;
}

/** The questionnaire × campaign pairs present, the latest campaign first, then by questionnaire id. */
export function listSelections(rows: readonly ConsolidatedRow[]): SelectionSummary[] {
  const counts = new Map<string, SelectionSummary>();
  for (const row of rows) {
    const key = `${row.campaignYear}|${row.questionnaireId}`;
    const known = counts.get(key);
    if (known) known.count += 1;
    else counts.set(key, { questionnaireId: row.questionnaireId, campaignYear: row.campaignYear, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) => b.campaignYear - a.campaignYear || compareText(a.questionnaireId, b.questionnaireId),
  );
}

export function selectRows(
  rows: readonly ConsolidatedRow[],
  selection: Selection,
  filters: RowFilters = {},
): ConsolidatedRow[] {
  return rows.filter(
    (r) =>
      r.questionnaireId === selection.questionnaireId &&
      r.campaignYear === selection.campaignYear &&
      (filters.category === undefined || r.category === filters.category) &&
      (filters.sector === undefined || r.sector === filters.sector) &&
      (filters.ghtName === undefined || (r.ghtName ?? '') === filters.ghtName) &&
      (filters.department === undefined || r.department === filters.department),
  );
}

export interface FilterOptions {
  categories: EstablishmentCategory[];
  sectors: Sector[];
  /** GHT names, with '' first when some establishments belong to none. */
  ghtNames: string[];
  departments: string[];
}

/** The values the filters can take among these rows, sorted. */
export function listFilterOptions(rows: readonly ConsolidatedRow[]): FilterOptions {
  const categories = new Set<EstablishmentCategory>();
  const sectors = new Set<Sector>();
  const ghts = new Set<string>();
  const departments = new Set<string>();
  for (const r of rows) {
    categories.add(r.category);
    sectors.add(r.sector);
    ghts.add(r.ghtName ?? '');
    departments.add(r.department);
  }
  return {
    categories: [...categories].sort(compareText),
    sectors: [...sectors].sort(compareText),
    ghtNames: [...ghts].sort(compareText),
    departments: [...departments].sort(compareText),
  };
}

/**
 * The domain columns: the preferred order (the questionnaire's, when the caller has it) for the domains it lists,
 * then any other domain in the order the rows give them, rows taken by key so the order never depends on input order.
 */
export function listDomainIds(rows: readonly ConsolidatedRow[], preferred: readonly string[] = []): string[] {
  const present = new Set<string>();
  const fromRows: string[] = [];
  for (const row of [...rows].sort((a, b) => compareText(a.key, b.key))) {
    for (const id of row.domainIds) {
      if (!present.has(id)) {
        present.add(id);
        fromRows.push(id);
      }
    }
  }
  const ordered = preferred.filter((id) => present.has(id));
  const listed = new Set(ordered);
  return [...ordered, ...fromRows.filter((id) => !listed.has(id))];
}

/** Code-unit order: the same on every machine and in every locale (the interface sorts names in French itself). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Heat map

/**
 * Colour bands of a 0–100 score on the heat map. No programme sets such thresholds: these are the app's own reading,
 * in steps of 20 points below 80 (shown in the legend, and every cell also prints its number: colour is never the only
 * carrier of the information, RGAA 3.1).
 */
export const heatBands = ['none', 'very-low', 'low', 'medium', 'good', 'high'] as const;
export type HeatBand = (typeof heatBands)[number];
export const heatBandFloors: Readonly<Record<Exclude<HeatBand, 'none'>, number>> = {
  'very-low': 0,
  low: 20,
  medium: 40,
  good: 60,
  high: 80,
};

export function heatBandOf(score: number | undefined | null): HeatBand {
  if (score === undefined || score === null || !Number.isFinite(score)) return 'none';
  if (score >= heatBandFloors.high) return 'high';
  if (score >= heatBandFloors.good) return 'good';
  if (score >= heatBandFloors.medium) return 'medium';
  if (score >= heatBandFloors.low) return 'low';
  return 'very-low';
}

export type SortDirection = 'ascending' | 'descending';
/** A heat map column: the name, the FINESS, the category, the overall score or a domain's score. */
export type HeatMapColumn =
  | { kind: 'name' }
  | { kind: 'finess' }
  | { kind: 'category' }
  | { kind: 'overall' }
  | { kind: 'domain'; domainId: string };

export interface HeatMapRow {
  row: ConsolidatedRow;
  overall: number | undefined;
  /** One cell per domain column, 0 to 100; undefined when the domain does not apply or has no score. */
  cells: (number | undefined)[];
}

export interface HeatMap {
  domainIds: string[];
  rows: HeatMapRow[];
}

export function domainScoreOf(row: ConsolidatedRow, domainId: string): number | undefined {
  return row.domainScores[domainId] ?? undefined;
}

/**
 * Establishments × domains, sorted by a column. Missing scores sort last in both directions (an empty cell is not a
 * low score); ties are broken by name, then by key, so that the order is total.
 */
export function buildHeatMap(
  rows: readonly ConsolidatedRow[],
  domainIds: readonly string[],
  sort: { column: HeatMapColumn; direction: SortDirection } = {
    column: { kind: 'name' },
    direction: 'ascending',
  },
  collate: (a: string, b: string) => number = compareText,
): HeatMap {
  const lines: HeatMapRow[] = rows.map((row) => ({
    row,
    overall: row.score,
    cells: domainIds.map((id) => domainScoreOf(row, id)),
  }));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: HeatMapRow, b: HeatMapRow) => collate(a.row.name, b.row.name) || compareText(a.row.key, b.row.key);
  const numeric = (value: (l: HeatMapRow) => number | undefined) => (a: HeatMapRow, b: HeatMapRow) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined && vb === undefined) return byName(a, b);
    if (va === undefined) return 1;
    if (vb === undefined) return -1;
    return sign * (va - vb) || byName(a, b);
  };
  const column = sort.column;
  let compare: (a: HeatMapRow, b: HeatMapRow) => number;
  switch (column.kind) {
    case 'name':
      compare = (a, b) => sign * byName(a, b);
      break;
    case 'finess':
      compare = (a, b) => sign * compareText(a.row.key, b.row.key);
      break;
    case 'category':
      compare = (a, b) => sign * compareText(a.row.category, b.row.category) || byName(a, b);
      break;
    case 'overall':
      compare = numeric((l) => l.overall);
      break;
    case 'domain': {
      const index = domainIds.indexOf(column.domainId);
      compare = numeric((l) => l.cells[index]);
      break;
    }
  }
  return { domainIds: [...domainIds], rows: lines.sort(compare) };
}

// ---------------------------------------------------------------------------------------------------------------
// Distributions

export const groupings = ['region', 'category', 'sector', 'ght', 'department'] as const;
export type Grouping = (typeof groupings)[number];

/** The group a row belongs to: '' for the region as a whole, and for "no GHT". */
export function groupOf(row: ConsolidatedRow, grouping: Grouping): string {
  switch (grouping) {
    case 'region':
      return '';
    case 'category':
      return row.category;
    case 'sector':
      return row.sector;
    case 'ght':
      return row.ghtName ?? '';
    case 'department':
      return row.department;
  }
}

export interface GroupDistributions {
  group: string;
  /** Establishments in the group. */
  count: number;
  overall: Distribution | undefined;
  /** Per domain id; undefined when no establishment of the group has a score there. */
  domains: Record<string, Distribution | undefined>;
}

function partition(rows: readonly ConsolidatedRow[], grouping: Grouping): Map<string, ConsolidatedRow[]> {
  const groups = new Map<string, ConsolidatedRow[]>();
  for (const row of rows) {
    const group = groupOf(row, grouping);
    const list = groups.get(group);
    if (list) list.push(row);
    else groups.set(group, [row]);
  }
  return groups;
}

/** Count, median and quartiles (quantiles.ts, Hyndman & Fan 7) of the overall and domain scores, per group. */
export function summarizeDistributions(
  rows: readonly ConsolidatedRow[],
  domainIds: readonly string[],
  grouping: Grouping,
): GroupDistributions[] {
  return [...partition(rows, grouping)]
    .sort(([a], [b]) => compareText(a, b))
    .map(([group, members]) => ({
      group,
      count: members.length,
      overall: describeDistribution(members.map((r) => r.score)),
      domains: Object.fromEntries(
        domainIds.map((id) => [id, describeDistribution(members.map((r) => domainScoreOf(r, id)))]),
      ),
    }));
}

// ---------------------------------------------------------------------------------------------------------------
// Budget

export interface ScatterPoint {
  key: string;
  name: string;
  category: EstablishmentCategory;
  /** IT share of operating charges, 0 to 1. */
  itShare: number;
  /** Cybersecurity share of IT, 0 to 1. */
  cyberShare: number;
}

/** One point per establishment that has both ratios, in key order. */
export function listScatterPoints(rows: readonly ConsolidatedRow[]): ScatterPoint[] {
  const points: ScatterPoint[] = [];
  for (const row of rows) {
    const itShare = row.budget?.itShare;
    const cyberShare = row.budget?.cyberShare;
    if (itShare === undefined || cyberShare === undefined) continue;
    points.push({ key: row.key, name: row.name, category: row.category, itShare, cyberShare });
  }
  return points.sort((a, b) => compareText(a.key, b.key));
}

export interface RegionBudget {
  /** Establishments that gave a budget (figures or ratios). */
  withBudget: number;
  /** Establishments that gave the figures, over which the ratios of sums are computed. */
  withFigures: number;
  /** Ratios of sums (aggregateBudgets), never means of ratios (design §4). */
  ratios: BudgetRatios;
}

export function summarizeBudgets(
  rows: readonly ConsolidatedRow[],
  targets: BudgetTargets = defaultBudgetTargets,
): RegionBudget {
  const inputs: BudgetInputs[] = [];
  let withBudget = 0;
  for (const row of rows) {
    if (!row.budget) continue;
    withBudget += 1;
    if (row.budget.inputs) inputs.push(row.budget.inputs);
  }
  return { withBudget, withFigures: inputs.length, ratios: aggregateBudgets(inputs, targets) };
}

// ---------------------------------------------------------------------------------------------------------------
// Two-factor authentication (HospiConnect)

export interface MfaTotals {
  /** Establishments whose file carries the inventory's figures. */
  establishments: number;
  sensitiveCount: number;
  compliantCount: number;
  /** Σ compliant / Σ sensitive applications: a ratio of sums. */
  compliantShare: number | undefined;
  users: number;
  usersWithTwoFactors: number;
  /** Σ users with two factors / Σ users: a ratio of sums, so a large hospital weighs as its users do. */
  usersShare: number | undefined;
}

export function totalMfa(rows: readonly ConsolidatedRow[]): MfaTotals {
  let establishments = 0;
  let sensitiveCount = 0;
  let compliantCount = 0;
  let users = 0;
  let usersWithTwoFactors = 0;
  for (const row of rows) {
    if (!row.mfa) continue;
    establishments += 1;
    sensitiveCount += row.mfa.sensitiveCount;
    compliantCount += row.mfa.compliantCount;
    users += row.mfa.users;
    usersWithTwoFactors += row.mfa.usersWithTwoFactors;
  }
  return {
    establishments,
    sensitiveCount,
    compliantCount,
    compliantShare: sensitiveCount > 0 ? compliantCount / sensitiveCount : undefined,
    users,
    usersWithTwoFactors,
    usersShare: users > 0 ? usersWithTwoFactors / users : undefined,
  };
}

/** The totals per group (HospiConnect coverage by department, peers.md §4 item 13). */
export function totalMfaBy(
  rows: readonly ConsolidatedRow[],
  grouping: Grouping,
): { group: string; totals: MfaTotals }[] {
  return [...partition(rows, grouping)]
    .sort(([a], [b]) => compareText(a, b))
    .map(([group, members]) => ({ group, totals: totalMfa(members) }))
    .filter((g) => g.totals.establishments > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Critical gaps

export interface FrequentGap {
  itemId: string;
  /** Establishments where this critical item is unmet. */
  count: number;
  /** count / establishments that reported their critical gaps. */
  share: number;
}

export interface CriticalGapRanking {
  /** Establishments whose file lists its critical gaps. */
  reporting: number;
  gaps: FrequentGap[];
}

/** The critical items most often unmet, the most frequent first (ties by item id), at most `limit`. */
export function rankCriticalGaps(rows: readonly ConsolidatedRow[], limit = 10): CriticalGapRanking {
  const counts = new Map<string, number>();
  let reporting = 0;
  for (const row of rows) {
    if (!row.criticalGaps) continue;
    reporting += 1;
    for (const id of row.criticalGaps) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const gaps = [...counts]
    .map(([itemId, count]) => ({ itemId, count, share: count / reporting }))
    .sort((a, b) => b.count - a.count || compareText(a.itemId, b.itemId))
    .slice(0, Math.max(0, limit));
  return { reporting, gaps };
}

// ---------------------------------------------------------------------------------------------------------------
// Benchmark of one establishment (the per-establishment benchmark report)

/** Below this many establishments a group's figures are not shown to an establishment: they would reveal others'. */
export const MINIMUM_BENCHMARK_GROUP = 3;

export interface BenchmarkLine {
  /** undefined for the overall line. */
  domainId: string | undefined;
  score: number | undefined;
  /** The establishment's group (its category by default); undefined when the group is too small. */
  group: Distribution | undefined;
  region: Distribution | undefined;
}

export interface Benchmark {
  row: ConsolidatedRow;
  grouping: Grouping;
  group: string;
  groupCount: number;
  regionCount: number;
  overall: BenchmarkLine;
  domains: BenchmarkLine[];
}

/**
 * One establishment's scores against the anonymised medians and quartiles of its group and of the region, within
 * the rows of one selection (peers.md §4 item 14). Undefined when the key is not among the rows.
 */
export function benchmarkOf(
  rows: readonly ConsolidatedRow[],
  key: string,
  domainIds: readonly string[],
  grouping: Grouping = 'category',
  minimumGroup = MINIMUM_BENCHMARK_GROUP,
): Benchmark | undefined {
  const row = rows.find((r) => r.key === key);
  if (!row) return undefined;
  const group = groupOf(row, grouping);
  const members = rows.filter((r) => groupOf(r, grouping) === group);
  const shown = (d: Distribution | undefined) => (d !== undefined && d.count >= minimumGroup ? d : undefined);
  const line = (domainId: string | undefined, pick: (r: ConsolidatedRow) => number | undefined): BenchmarkLine => ({
    domainId,
    score: pick(row),
    group: shown(describeDistribution(members.map(pick))),
    region: shown(describeDistribution(rows.map(pick))),
  });
  return {
    row,
    grouping,
    group,
    groupCount: members.length,
    regionCount: rows.length,
    overall: line(undefined, (r) => r.score),
    domains: domainIds
      .filter((id) => row.domainScores[id] !== undefined)
      .map((id) => line(id, (r) => domainScoreOf(r, id))),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Everything of one selection at once (the regional report)

export interface RegionalSummary {
  selection: Selection;
  filters: RowFilters;
  /** The rows of the selection, filtered. */
  rows: ConsolidatedRow[];
  domainIds: string[];
  heatMap: HeatMap;
  /** Every establishment together, then per category. */
  region: GroupDistributions | undefined;
  byCategory: GroupDistributions[];
  scatter: ScatterPoint[];
  budget: RegionBudget;
  mfa: MfaTotals;
  mfaByDepartment: { group: string; totals: MfaTotals }[];
  criticalGaps: CriticalGapRanking;
}

/**
 * The figures of one questionnaire × campaign (optionally filtered), as the dashboard shows them: what a regional
 * report prints. `domainOrder` is the questionnaire's own order of domains, when the caller has it.
 */
export function summarizeRegion(
  allRows: readonly ConsolidatedRow[],
  selection: Selection,
  options: {
    filters?: RowFilters;
    domainOrder?: readonly string[];
    targets?: BudgetTargets;
    criticalGapLimit?: number;
  } = {},
): RegionalSummary {
  const filters = options.filters ?? {};
  const rows = selectRows(allRows, selection, filters);
  const domainIds = listDomainIds(rows, options.domainOrder);
  return {
    selection,
    filters,
    rows,
    domainIds,
    heatMap: buildHeatMap(rows, domainIds),
    region: summarizeDistributions(rows, domainIds, 'region')[0],
    byCategory: summarizeDistributions(rows, domainIds, 'category'),
    scatter: listScatterPoints(rows),
    budget: summarizeBudgets(rows, options.targets),
    mfa: totalMfa(rows),
    mfaByDepartment: totalMfaBy(rows, 'department'),
    criticalGaps: rankCriticalGaps(rows, options.criticalGapLimit),
  };
}
