import Papa from 'papaparse';
import type { ConsolidatedRow } from './consolidate';
import { matchExpected, type ExpectedEstablishment } from './expected-list';
import { listDomainIds } from './regional-views';
import type { ReviewState } from '../review/review-draft';
import { revealBidiControls } from '../visible-text';

/**
 * The consolidated CSV, the same from the app and from the command line: one header row, then one row per file kept
 * (establishment × questionnaire × campaign), then, when an expected list is given, one row per establishment that
 * sent nothing. Semicolon separators, decimal commas and a UTF-8 byte-order mark, which French Excel needs to read
 * accents and columns (design §4, Reports); any cell starting with = + - @ or a tab is neutralised by papaparse's
 * `escapeFormulae` (OWASP, "CSV Injection"), since names come from files the auditor did not write. For the same
 * reason the names (establishment, GHT, department, and those of the expected list) show their bidirectional control
 * characters as ‹U+202E› (src/domain/visible-text.ts), as the screens and the PDFs do.
 *
 * Columns, by their stable codes (`--columns codes` on the command line, « codes » in the app, so that a script built on
 * them keeps working); by default the header and the coded values are written for a reader, in French unless asked
 * otherwise (issue 16: src/texts/consolidated-csv-labels.ts gives the words, {@link CsvLabels}):
 *   statut                  soumis | manquant (expected, no file) | refuse (expected, its file refused) |
 *                           hors_liste (a file, not in the expected list)
 *   finess_ej, finess_eg, nom, categorie, secteur, departement, ght, support_ght (oui/non), lits_places, effectifs
 *   questionnaire, version, campagne, exporte_le, niveau_partage, calcule_le
 *   score_global            0–100, one decimal;  completude  0–100 %
 *   items_applicables, items_repondus, ne_sait_pas, non_applicables
 *   score_<domaine>         one column per domain (union over the files, questionnaire order first)
 *   ecarts_critiques_nombre, ecarts_critiques (item ids separated by spaces)
 *   budget_annee, part_si_exploitation_pct, part_cyber_si_pct
 *   mfa_applications_sensibles, mfa_applications_conformes, mfa_comptes, mfa_comptes_double_facteur
 *   chiffres                recalcules (from the file's answers) | declares (a statistics-level file: the figures
 *                           are the establishment's declaration, nothing to recompute them from); last, so that the
 *                           columns before it keep their place
 *   refus                   why a file of that establishment was refused (issue 14: the import's refusal naming the
 *                           file and the field, or the signing key held back), as the caller words it; on a kept row,
 *                           a later file of it was refused or held back
 *   examen, examen_envoi_precedent
 *                           only from the app, which keeps the auditor's reviews (issue 18): non_examine | en_cours |
 *                           accepte | a_completer (the outcome of the last review exported), and oui when that review
 *                           answered an older file of the establishment than the one kept; after every other column
 */

export const csvStatuses = {
  submitted: 'soumis',
  missing: 'manquant',
  refused: 'refuse',
  unexpected: 'hors_liste',
} as const;

const fixedHeader = [
  'statut',
  'finess_ej',
  'finess_eg',
  'nom',
  'categorie',
  'secteur',
  'departement',
  'ght',
  'support_ght',
  'lits_places',
  'effectifs',
  'questionnaire',
  'version',
  'campagne',
  'exporte_le',
  'niveau_partage',
  'calcule_le',
  'score_global',
  'completude',
  'items_applicables',
  'items_repondus',
  'ne_sait_pas',
  'non_applicables',
] as const;

const trailingHeader = [
  'ecarts_critiques_nombre',
  'ecarts_critiques',
  'budget_annee',
  'part_si_exploitation_pct',
  'part_cyber_si_pct',
  'mfa_applications_sensibles',
  'mfa_applications_conformes',
  'mfa_comptes',
  'mfa_comptes_double_facteur',
  'chiffres',
  'refus',
] as const;

/** The columns whose values are codes a reader gets in words: {@link CsvLabels.value} is asked only for these. */
export const codedCsvColumns = [
  'statut',
  'categorie',
  'secteur',
  'support_ght',
  'questionnaire',
  'niveau_partage',
  'chiffres',
  'examen',
  'examen_envoi_precedent',
] as const;
export type CodedCsvColumn = (typeof codedCsvColumns)[number];

/**
 * The words of the consolidated CSV for a reader: a column's name from its code (a domain score column is
 * `score_<domain id>`), and a coded value in words; undefined keeps the code, so a column or a value the words do
 * not know is never dropped.
 */
export interface CsvLabels {
  column(code: string): string | undefined;
  value(column: CodedCsvColumn, value: string): string | undefined;
}

export const csvFigures = { recomputed: 'recalcules', declared: 'declares' } as const;

/** The `examen` column's codes, by review state (src/domain/review/review-draft.ts). */
export const csvReviewStates: Readonly<Record<ReviewState, string>> = {
  'not-reviewed': 'non_examine',
  'in-review': 'en_cours',
  accepted: 'accepte',
  'to-complete': 'a_completer',
};

/** A number with a decimal comma and at most `digits` decimals, trailing zeros dropped; '' when there is none. */
export function csvNumber(value: number | undefined | null, digits = 1): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '';
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return String(Object.is(rounded, -0) ? 0 : rounded).replace('.', ',');
}

const reviewHeader = ['examen', 'examen_envoi_precedent'] as const;

function reviewCells(review: { state: ReviewState; olderSubmission: boolean } | undefined): string[] {
  const state = review?.state ?? 'not-reviewed';
  return [csvReviewStates[state], review?.olderSubmission ? 'oui' : 'non'];
}

const text = (value: string | undefined) => value ?? '';
/** A name from a file: its bidirectional controls made visible. */
const name = (value: string | undefined) => revealBidiControls(value ?? '');
const integer = (value: number | undefined) => (value === undefined ? '' : String(value));

export interface ConsolidatedCsvOptions {
  /** The domain order to prefer (the questionnaires' own), before any other domain found in the files. */
  domainOrder?: readonly string[];
  expected?: readonly ExpectedEstablishment[];
  /** Why files were refused, by the FINESS (EJ or EG) they name, worded for the reader (the `refus` column). */
  refusals?: ReadonlyMap<string, readonly string[]>;
  /** Column names and coded values for a reader; without, the stable codes. */
  labels?: CsvLabels;
  /** Where each row's review stands, by row key: adds the `examen` columns (the app only). */
  reviews?: ReadonlyMap<string, { state: ReviewState; olderSubmission: boolean }>;
}

/** A record of codes as the reader gets it: the coded columns' values in words. */
function labelRecord(
  record: string[],
  coded: readonly (readonly [number, CodedCsvColumn])[],
  labels: CsvLabels | undefined,
): string[] {
  if (!labels) return record;
  for (const [at, column] of coded) {
    const cell = record[at];
    if (cell !== undefined && cell !== '') record[at] = labels.value(column, cell) ?? cell;
  }
  return record;
}

/**
 * The records of the consolidated CSV, one at a time: the header, then one per row, then the missing establishments.
 * A generator, so that the command line writes 40,000 rows without building the whole table in memory.
 */
export function* consolidatedCsvRecords(
  rows: readonly ConsolidatedRow[],
  options: ConsolidatedCsvOptions = {},
): Generator<string[]> {
  const domainIds = listDomainIds(rows, options.domainOrder);
  const { labels, refusals, reviews } = options;
  const header: string[] = [
    ...fixedHeader,
    ...domainIds.map((id) => `score_${id}`),
    ...trailingHeader,
    ...(reviews ? reviewHeader : []),
  ];
  yield labels ? header.map((code) => labels.column(code) ?? code) : header;
  const coded = codedCsvColumns.map((column) => [header.indexOf(column), column] as const);
  const refusedAt = header.indexOf('refus');
  // A reason names the refused file, whose name came with it: its bidirectional controls are shown too.
  const reasonsOf = (...finess: (string | undefined)[]) =>
    name([...new Set(finess.flatMap((f) => (f === undefined ? [] : (refusals?.get(f) ?? []))))].join(' — '));
  const match = options.expected ? matchExpected(rows, options.expected) : undefined;
  const unexpected = new Set(match?.unexpected.map((r) => r.key));
  for (const r of rows) {
    const record = [
      unexpected.has(r.key) ? csvStatuses.unexpected : csvStatuses.submitted,
      r.finessEj,
      text(r.finessEg),
      name(r.name),
      r.category,
      r.sector,
      name(r.department),
      name(r.ghtName),
      r.isGhtSupport ? 'oui' : 'non',
      integer(r.beds),
      integer(r.staff),
      r.questionnaireId,
      r.questionnaireVersion,
      String(r.campaignYear),
      r.exportedAt,
      r.sharingLevel,
      r.asOf,
      csvNumber(r.score),
      csvNumber(r.completeness === undefined ? undefined : r.completeness * 100),
      String(r.applicable),
      String(r.answered),
      String(r.unknown),
      String(r.notApplicable),
      ...domainIds.map((id) => csvNumber(r.domainScores[id])),
      r.criticalGaps === undefined ? '' : String(r.criticalGaps.length),
      r.criticalGaps === undefined ? '' : r.criticalGaps.join(' '),
      integer(r.budget?.year),
      csvNumber(r.budget?.itShare === undefined ? undefined : r.budget.itShare * 100, 2),
      csvNumber(r.budget?.cyberShare === undefined ? undefined : r.budget.cyberShare * 100, 2),
      integer(r.mfa?.sensitiveCount),
      integer(r.mfa?.compliantCount),
      integer(r.mfa?.users),
      integer(r.mfa?.usersWithTwoFactors),
      r.declared ? csvFigures.declared : csvFigures.recomputed,
      reasonsOf(r.finessEj, r.finessEg),
      ...(reviews ? reviewCells(reviews.get(r.key)) : []),
    ];
    yield labelRecord(record, coded, labels);
  }
  for (const e of match?.missing ?? []) {
    const line = header.map(() => '');
    const reasons = reasonsOf(e.finess);
    line[0] = reasons === '' ? csvStatuses.missing : csvStatuses.refused;
    line[1] = e.finess;
    line[3] = name(e.name);
    line[4] = name(e.category);
    line[6] = name(e.department);
    line[7] = name(e.ghtName);
    line[refusedAt] = reasons;
    yield labelRecord(line, coded, labels);
  }
}

/** The whole table of the consolidated CSV: the header, then the rows, every cell a string. */
export function consolidatedCsvTable(
  rows: readonly ConsolidatedRow[],
  options: ConsolidatedCsvOptions = {},
): string[][] {
  return [...consolidatedCsvRecords(rows, options)];
}

export const CSV_BOM = '\uFEFF';

/**
 * The start of a cell a spreadsheet would run. papaparse's own pattern for `escapeFormulae: true`,
 * /^[=+\-@\t\r].*$/, fails on a cell with a line break, so a name "=1+1\r\n…" went through unescaped (found by
 * tests/e2e/xss.spec.ts); the start of the cell is all that matters (as in src/report/csv.ts).
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Records as CSV lines for French spreadsheets: semicolons, CRLF after every record, formulas neutralised. Chunks
 * written one after the other make the same text as the whole table at once.
 */
export function serializeCsvRecords(records: readonly (readonly string[])[]): string {
  if (records.length === 0) return '';
  return (
    Papa.unparse(records as string[][], {
      delimiter: ';',
      newline: '\r\n',
      escapeFormulae: formulaStart,
      header: false,
    }) + '\r\n'
  );
}

/** A table as a CSV file's text: the UTF-8 byte-order mark, then {@link serializeCsvRecords}. */
export function serializeCsv(table: readonly (readonly string[])[]): string {
  return CSV_BOM + serializeCsvRecords(table);
}

/** Reads CSV text (BOM removed; the separator, semicolon or comma, detected) into records of strings. */
export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.startsWith(CSV_BOM) ? text.slice(1) : text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  return parsed.data;
}

/**
 * CSV bytes as text: UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else Windows-1252, the encoding in
 * which French Excel saves "CSV (séparateur : point-virgule)".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
