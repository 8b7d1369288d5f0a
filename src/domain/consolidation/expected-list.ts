import { checkFiness } from '../establishment/finess';
import type { ConsolidatedRow } from './consolidate';
import { compareText } from './regional-views';

/**
 * The list of establishments an auditor expects a file from, read from a CSV, and who has not submitted.
 *
 * Format (documented in the app beside the import button): one header row, then one establishment per row, columns
 * separated by semicolons (commas are accepted too), UTF-8 with or without BOM:
 *
 *   finess;nom;categorie;ght;departement
 *   010780914;Centre hospitalier de Bourg;CH;GHT Bresse Haut-Bugey;01
 *
 * Only `finess` is required; the header is read without regard to case, accents, spaces, dashes or underscores, and a
 * few usual variants are accepted (see {@link headerAliases}). A FINESS may be juridique (EJ) or géographique (EG):
 * a file matches when either of its numbers is listed. Spreadsheets drop the leading zero of numbers from departments
 * 01 to 09: an eight-digit number is restored with its zero when that gives a valid key.
 */

/** The header of the documented format, shown in the app as the example. */
export const EXPECTED_LIST_HEADER = 'finess;nom;categorie;ght;departement';

export const expectedColumns = ['finess', 'name', 'category', 'ghtName', 'department'] as const;
export type ExpectedColumn = (typeof expectedColumns)[number];

/** Accepted header names, after normalisation (lower case, no accents, only letters and digits). */
export const headerAliases: Readonly<Record<ExpectedColumn, readonly string[]>> = {
  finess: [
    'finess',
    'nfiness',
    'nofiness',
    'numfiness',
    'numerofiness',
    'finessej',
    'finesseg',
    'finesset',
    'nofinessej',
    'nofinesset',
  ],
  name: ['nom', 'name', 'raisonsociale', 'etablissement', 'libelle', 'denomination', 'nometablissement'],
  category: ['categorie', 'category', 'cat', 'type', 'categorieetablissement'],
  ghtName: ['ght', 'nomght', 'groupement', 'ghtname'],
  department: ['departement', 'department', 'dept', 'dep', 'dpt', 'codedepartement'],
};

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface ExpectedEstablishment {
  finess: string;
  name: string | undefined;
  category: string | undefined;
  ghtName: string | undefined;
  department: string | undefined;
  /** Line of the file, 1 being the header. */
  line: number;
}

export const expectedListIssueCodes = [
  /** No column is named finess or one of its variants: nothing can be read. */
  'no-finess-column',
  'empty-file',
  'finess-invalid',
  'duplicate',
  /** An eight-digit number whose leading zero a spreadsheet had dropped; restored. */
  'leading-zero-restored',
] as const;
export type ExpectedListIssueCode = (typeof expectedListIssueCodes)[number];

export interface ExpectedListIssue {
  code: ExpectedListIssueCode;
  line: number;
  value?: string;
}

export interface ExpectedList {
  entries: ExpectedEstablishment[];
  /** Problems per line: lines with an error are left out, warnings are kept. */
  issues: ExpectedListIssue[];
  /** The columns recognised. */
  columns: ExpectedColumn[];
}

function readFiness(raw: string): { finess: string; restored: boolean } | undefined {
  const check = checkFiness(raw);
  if (check.status !== 'invalid') return { finess: check.normalized, restored: false };
  const digits = raw.replace(/[\s\u00a0\u202f.-]/g, '');
  if (/^\d{8}$/.test(digits)) {
    const padded = checkFiness(`0${digits}`);
    if (padded.status === 'valid') return { finess: padded.normalized, restored: true };
  }
  return undefined;
}

/** Reads the records of a CSV (the first being the header) into the expected establishments. */
export function readExpectedList(records: readonly (readonly string[])[]): ExpectedList {
  const header = records[0];
  if (!header || header.every((h) => h.trim() === ''))
    return { entries: [], issues: [{ code: 'empty-file', line: 1 }], columns: [] };
  const index = {} as Record<ExpectedColumn, number | undefined>;
  const normalized = header.map(normalizeHeader);
  for (const column of expectedColumns) {
    const at = normalized.findIndex((h) => headerAliases[column].includes(h));
    index[column] = at >= 0 ? at : undefined;
  }
  const columns = expectedColumns.filter((c) => index[c] !== undefined);
  if (index.finess === undefined) return { entries: [], issues: [{ code: 'no-finess-column', line: 1 }], columns };
  const entries: ExpectedEstablishment[] = [];
  const issues: ExpectedListIssue[] = [];
  const seen = new Set<string>();
  const cell = (record: readonly string[], column: ExpectedColumn) => {
    const at = index[column];
    const value = at === undefined ? undefined : record[at]?.trim();
    return value === '' ? undefined : value;
  };
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    if (record.every((c) => c.trim() === '')) return;
    const raw = cell(record, 'finess') ?? '';
    const read = readFiness(raw);
    if (!read) {
      issues.push({ code: 'finess-invalid', line, value: raw });
      return;
    }
    if (seen.has(read.finess)) {
      issues.push({ code: 'duplicate', line, value: read.finess });
      return;
    }
    if (read.restored) issues.push({ code: 'leading-zero-restored', line, value: read.finess });
    seen.add(read.finess);
    entries.push({
      finess: read.finess,
      name: cell(record, 'name'),
      category: cell(record, 'category'),
      ghtName: cell(record, 'ghtName'),
      department: cell(record, 'department'),
      line,
    });
  });
  return { entries, issues, columns };
}

export interface ExpectedMatch<E extends { finess: string } = ExpectedEstablishment> {
  /** Expected establishments with at least one file. */
  submitted: number;
  /** Expected establishments with no file, in the list's order. */
  missing: E[];
  /** Files from establishments the list does not name, in key order. */
  unexpected: ConsolidatedRow[];
}

/**
 * Who has not submitted: an expected FINESS is matched by a row whose FINESS EJ or EG it is. Pass the rows of one
 * campaign (all questionnaires): an establishment has submitted when it sent any file for that campaign.
 */
export function matchExpected<E extends { finess: string }>(
  rows: readonly ConsolidatedRow[],
  expected: readonly E[],
): ExpectedMatch<E> {
  const submittedFiness = new Set<string>();
  for (const row of rows) {
    submittedFiness.add(row.finessEj);
    if (row.finessEg) submittedFiness.add(row.finessEg);
  }
  const expectedFiness = new Set(expected.map((e) => e.finess));
  const missing = expected.filter((e) => !submittedFiness.has(e.finess));
  const unexpected = rows
    .filter((r) => !expectedFiness.has(r.finessEj) && !(r.finessEg !== undefined && expectedFiness.has(r.finessEg)))
    .sort((a, b) => compareText(a.key, b.key));
  return { submitted: expected.length - missing.length, missing, unexpected };
}

/**
 * What the expected list says of an establishment with no file kept (issue 14): « aucun fichier », or « fichier
 * refusé (raison) » when a file naming it was refused or is held back for its signing key. `refusals` maps a FINESS
 * (EJ or EG) to the reasons, as the caller words them.
 */
export type ExpectedStatus<R> = { kind: 'no-file' } | { kind: 'refused'; reasons: readonly R[] };

export function expectedStatus<R>(
  entry: { finess: string },
  refusals: ReadonlyMap<string, readonly R[]> | undefined,
): ExpectedStatus<R> {
  const reasons = refusals?.get(entry.finess);
  return reasons && reasons.length > 0 ? { kind: 'refused', reasons } : { kind: 'no-file' };
}
