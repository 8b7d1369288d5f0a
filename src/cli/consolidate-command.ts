import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  addSubmission,
  createConsolidation,
  finishConsolidation,
  type Consolidation,
  type ConsolidatedRow,
} from '../domain/consolidation/consolidate';
import {
  consolidatedCsvRecords,
  CSV_BOM,
  decodeCsvBytes,
  parseCsv,
  serializeCsvRecords,
} from '../domain/consolidation/consolidated-csv';
import { matchExpected, readExpectedList, type ExpectedList } from '../domain/consolidation/expected-list';
import { describeDistribution } from '../domain/consolidation/quantiles';
import { listSelections, selectRows } from '../domain/consolidation/regional-views';
import { parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import type { ExportErrorCode } from '../exchange/export-error';
import {
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_ZIP_BYTES,
  validateExportFile,
  type ExportValidation,
} from '../exchange/validate-export';
import { nodeFontLoader } from '../report/pdf/fonts-node';
import { renderRegionalPdf } from '../report/regional/render-regional';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand, type CliLanguage } from './cli-context';
import { describeRefusal } from './export-messages';
import { expandFileArguments, type FileArgument } from './files';

/**
 * `care-autodiag consolidate <files or folders…> [--csv <out.csv>] [--pdf <out.pdf>] [--expected <list.csv>] [--require-signature]
 * [--max-bytes <n>] [--concurrency <n>]`
 *
 * Consolidates a campaign's export files as the auditor workspace does, with the same code
 * (src/domain/consolidation): each file is read, validated (src/exchange/validate-export.ts) and folded into a
 * compact row, then dropped. At most `--concurrency` files are held at once, so memory grows only by a row per
 * establishment, not by file (a national campaign is 40,000 files: design §8). The order files finish in does not
 * matter: the consolidation does not depend on it (tested as a property).
 *
 * Prints the rejected files and a summary; exit code 0 when it ran (even with rejected files), 1 when an output could
 * not be written, 2 for a wrong command line (unknown option, missing path, unreadable expected list).
 *
 * Outputs are a list ({@link consolidationOutputs}): each adds an option (`--csv <file>`) and writes one file from the
 * finished consolidation: the consolidated CSV (`--csv`) and the regional PDF (`--pdf`).
 */

export interface RejectedInput {
  display: string;
  code: ExportErrorCode;
  path?: string;
  detail?: string;
}

/** What every output of the command receives once all files are folded. */
export interface ConsolidationRun {
  consolidation: Consolidation;
  rejected: RejectedInput[];
  expected: ExpectedList | undefined;
  filesRead: number;
  durationMs: number;
  language: CliLanguage;
}

export interface ConsolidationOutput {
  /** The option's name without dashes; its value is the path to write. */
  option: string;
  usage: Record<CliLanguage, string>;
  write(run: ConsolidationRun, path: string): Promise<void>;
}

const CSV_CHUNK = 1000;

/** Writes records to a file a thousand at a time, waiting when the disk is behind: the table never exists whole. */
export async function writeCsvFile(path: string, records: Iterable<string[]>): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const write = async (text: string) => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  await write(CSV_BOM);
  let chunk: string[][] = [];
  for (const record of records) {
    chunk.push(record);
    if (chunk.length === CSV_CHUNK) {
      await write(serializeCsvRecords(chunk));
      chunk = [];
    }
  }
  await write(serializeCsvRecords(chunk));
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
}

/** The consolidated CSV, byte for byte the file the app downloads (src/domain/consolidation/consolidated-csv.ts). */
export const csvOutput: ConsolidationOutput = {
  option: 'csv',
  usage: { fr: '--csv <fichier.csv>', en: '--csv <file.csv>' },
  write(run, path) {
    const options = run.expected ? { expected: run.expected.entries } : {};
    return writeCsvFile(path, consolidatedCsvRecords(run.consolidation.rows, options));
  },
};

const questionnaireDir = new URL('../../questionnaires/', import.meta.url);

/**
 * Titles of questionnaires and domains and the questions of items, from the questionnaire files this build ships
 * (questionnaires/<id>/<version>.json) for the versions the rows name; a file it cannot read leaves the ids printed.
 */
async function loadTitles(rows: readonly ConsolidatedRow[], language: CliLanguage) {
  const titles = new Map<string, string>();
  const domains = new Map<string, string>();
  const orders = new Map<string, string[]>();
  const questions = new Map<string, string>();
  const versions = [...new Set(rows.map((r) => `${r.questionnaireId}/${r.questionnaireVersion}`))].sort();
  for (const version of versions) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(new URL(`${version}.json`, questionnaireDir), 'utf8'));
    } catch {
      continue;
    }
    const parsed = parseQuestionnaire(raw, `${version}.json`);
    if (!parsed.ok) continue;
    const q = parsed.questionnaire;
    titles.set(q.id, q.title[language]);
    orders.set(
      q.id,
      q.domains.map((d) => d.id),
    );
    for (const d of q.domains) domains.set(`${q.id}|${d.id}`, d.title[language]);
    for (const item of q.items) questions.set(item.id, item.question[language]);
  }
  return {
    questionnaireTitle: (id: string) => titles.get(id) ?? id,
    domainTitle: (questionnaireId: string, domainId: string) =>
      domains.get(`${questionnaireId}|${domainId}`) ?? domainId,
    domainOrder: (id: string) => orders.get(id) ?? [],
    question: (itemId: string) => questions.get(itemId),
  };
}

/** The regional PDF (src/report/regional), rendered from the finished consolidation: the files are long gone. */
export const pdfOutput: ConsolidationOutput = {
  option: 'pdf',
  usage: { fr: '--pdf <fichier.pdf>', en: '--pdf <file.pdf>' },
  async write(run, path) {
    const pdf = renderRegionalPdf(run.consolidation, {
      fonts: await nodeFontLoader(),
      language: run.language,
      ...(run.expected ? { expected: run.expected.entries } : {}),
      ...(await loadTitles(run.consolidation.rows, run.language)),
    });
    await writeFile(path, pdf.bytes);
  },
};

/** Every output of `consolidate`, in the order they are written. */
export const consolidationOutputs: ConsolidationOutput[] = [csvOutput, pdfOutput];

const DEFAULT_CONCURRENCY = 8;
const PROGRESS_EVERY = 5000;

const text = {
  fr: {
    usage: (outputs: string) =>
      `usage\u00a0: care-autodiag consolidate <fichiers ou dossiers…> ${outputs} [--expected <liste.csv>] ` +
      '[--require-signature] [--max-bytes <octets>] [--concurrency <n>]',
    noOutput: 'indiquez au moins un fichier de sortie.',
    missing: (path: string) => `introuvable\u00a0: ${path}`,
    expectedUnreadable: (path: string) => `liste des attendus illisible\u00a0: ${path}`,
    expectedNoFiness: 'la liste des attendus n’a pas de colonne «\u00a0finess\u00a0».',
    expectedIssues: (n: number) => `liste des attendus\u00a0: ${n} ligne(s) à vérifier (FINESS invalide ou en double).`,
    noFiles: 'aucun fichier d’export (.json, .zip) trouvé.',
    progress: (done: number, total: number) => `… ${done} / ${total} fichiers`,
    refused: 'REFUSÉ',
    summary: (read: number, kept: number, duplicates: number, rejected: number, seconds: string) =>
      `${read} fichier(s) lu(s) en ${seconds} s\u00a0: ${kept} retenu(s), ${duplicates} remplacé(s) par un export plus ` +
      `récent du même établissement, ${rejected} refusé(s).`,
    selection: (q: string, year: number, n: number, median: string) =>
      `  ${q} ${year}\u00a0: ${n} établissement(s), score global médian ${median}`,
    expected: (total: number, submitted: number, missing: number, unexpected: number) =>
      `attendus\u00a0: ${total}, dont ${submitted} avec au moins un fichier\u00a0; ${missing} manquant(s), ` +
      `${unexpected} fichier(s) hors liste.`,
    written: (path: string) => `écrit\u00a0: ${path}`,
    writeFailed: (path: string, reason: string) => `écriture impossible de ${path}\u00a0: ${reason}`,
  },
  en: {
    usage: (outputs: string) =>
      `usage: care-autodiag consolidate <files or folders…> ${outputs} [--expected <list.csv>] ` +
      '[--require-signature] [--max-bytes <bytes>] [--concurrency <n>]',
    noOutput: 'give at least one output file.',
    missing: (path: string) => `not found: ${path}`,
    expectedUnreadable: (path: string) => `unreadable list of expected establishments: ${path}`,
    expectedNoFiness: 'the list of expected establishments has no "finess" column.',
    expectedIssues: (n: number) =>
      `list of expected establishments: ${n} row(s) to check (invalid or repeated FINESS).`,
    noFiles: 'no export file (.json, .zip) found.',
    progress: (done: number, total: number) => `… ${done} / ${total} files`,
    refused: 'REFUSED',
    summary: (read: number, kept: number, duplicates: number, rejected: number, seconds: string) =>
      `${read} file(s) read in ${seconds} s: ${kept} kept, ${duplicates} superseded by a more recent export of the ` +
      `same establishment, ${rejected} rejected.`,
    selection: (q: string, year: number, n: number, median: string) =>
      `  ${q} ${year}: ${n} establishment(s), median overall score ${median}`,
    expected: (total: number, submitted: number, missing: number, unexpected: number) =>
      `expected: ${total}, ${submitted} with at least one file; ${missing} missing, ${unexpected} file(s) not on the list.`,
    written: (path: string) => `written: ${path}`,
    writeFailed: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
  },
};

async function validateInput(
  file: FileArgument,
  maxBytes: number | undefined,
  requireSignature: boolean,
): Promise<ExportValidation> {
  // The size is checked before reading: a folder may hold anything.
  const limit =
    maxBytes ?? (extname(file.path).toLowerCase() === '.zip' ? DEFAULT_MAX_ZIP_BYTES : DEFAULT_MAX_JSON_BYTES);
  if (file.size > limit) return { ok: false, fileName: file.display, code: 'too-large', detail: String(file.size) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file.path));
  } catch (error) {
    return { ok: false, fileName: file.display, code: 'not-json', detail: (error as Error).message };
  }
  return validateExportFile(bytes, file.display, {
    requireSignature,
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  });
}

/**
 * Runs `work` over the items with at most `limit` in flight and hands each result over as soon as it is ready, in
 * whatever order: nothing waits for a slower neighbour, so at most `limit` results exist at any time.
 */
export async function forEachAsReady<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  onResult: (result: R, item: T) => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      onResult(await work(item), item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

function formatScore(value: number | undefined, language: CliLanguage): string {
  if (value === undefined) return '—';
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

export const consolidateCommand: CliCommand = {
  name: 'consolidate',
  summary: {
    fr: 'consolide les fichiers d’une campagne en un CSV et un PDF régionaux, avec les établissements attendus manquants',
    en: 'consolidates a campaign’s files into a regional CSV and PDF, with the expected establishments that are missing',
  },
  async run(args, context) {
    const t = text[context.language];
    const outputs = consolidationOutputs;
    const usage = t.usage(outputs.map((o) => `[${o.usage[context.language]}]`).join(' '));
    let values: Record<string, string | boolean | undefined>;
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          ...Object.fromEntries(outputs.map((o) => [o.option, { type: 'string' as const }])),
          expected: { type: 'string' },
          'require-signature': { type: 'boolean', default: false },
          'max-bytes': { type: 'string' },
          concurrency: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      }));
    } catch (error) {
      context.err(error instanceof Error ? error.message : String(error));
      context.err(usage);
      return EXIT_USAGE;
    }
    if (values.help === true) {
      context.out(usage);
      return EXIT_OK;
    }
    const chosen = outputs.flatMap((o) => {
      const path = values[o.option];
      return typeof path === 'string' ? [{ output: o, path: resolve(context.cwd, path) }] : [];
    });
    const maxBytes = typeof values['max-bytes'] === 'string' ? Number(values['max-bytes']) : undefined;
    const concurrency = typeof values.concurrency === 'string' ? Number(values.concurrency) : DEFAULT_CONCURRENCY;
    if (
      positionals.length === 0 ||
      (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) ||
      !(Number.isInteger(concurrency) && concurrency > 0)
    ) {
      context.err(usage);
      return EXIT_USAGE;
    }
    if (chosen.length === 0) {
      context.err(t.noOutput);
      context.err(usage);
      return EXIT_USAGE;
    }

    let expected: ExpectedList | undefined;
    if (typeof values.expected === 'string') {
      const path = resolve(context.cwd, values.expected);
      try {
        expected = readExpectedList(parseCsv(decodeCsvBytes(new Uint8Array(await readFile(path)))));
      } catch {
        context.err(t.expectedUnreadable(values.expected));
        return EXIT_USAGE;
      }
      if (expected.issues.some((i) => i.code === 'no-finess-column' || i.code === 'empty-file')) {
        context.err(t.expectedNoFiness);
        return EXIT_USAGE;
      }
      const problems = expected.issues.filter((i) => i.code === 'finess-invalid' || i.code === 'duplicate');
      if (problems.length > 0) context.err(t.expectedIssues(problems.length));
    }

    const files = await expandFileArguments(positionals, context.cwd);
    const missing = files.filter((f) => 'missing' in f);
    if (missing.length > 0) {
      for (const f of missing) context.err(t.missing(f.display));
      return EXIT_USAGE;
    }
    const inputs = files.filter((f): f is FileArgument => !('missing' in f));
    if (inputs.length === 0) context.err(t.noFiles);

    const started = performance.now();
    const acc = createConsolidation();
    const rejected: RejectedInput[] = [];
    let read = 0;
    await forEachAsReady(
      inputs,
      concurrency,
      (file) => validateInput(file, maxBytes, values['require-signature'] === true),
      (result, file) => {
        read += 1;
        if (result.ok) addSubmission(acc, result.envelope);
        else {
          const { code, path, detail } = result;
          rejected.push({
            display: file.display,
            code,
            ...(path !== undefined ? { path } : {}),
            ...(detail !== undefined ? { detail } : {}),
          });
        }
        if (read % PROGRESS_EVERY === 0) context.err(t.progress(read, inputs.length));
      },
    );
    const consolidation = finishConsolidation(acc);
    const run: ConsolidationRun = {
      consolidation,
      rejected: rejected.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)),
      expected,
      filesRead: read,
      durationMs: performance.now() - started,
      language: context.language,
    };

    for (const r of run.rejected)
      context.out(`${t.refused} ${r.display} — ${r.code}: ${describeRefusal(context.language, r)}`);
    const seconds = formatScore(run.durationMs / 1000, context.language);
    context.out(t.summary(read, consolidation.rows.length, consolidation.duplicates, rejected.length, seconds));
    for (const s of listSelections(consolidation.rows)) {
      const median = describeDistribution(selectRows(consolidation.rows, s).map((r) => r.score))?.median;
      context.out(t.selection(s.questionnaireId, s.campaignYear, s.count, formatScore(median, context.language)));
    }
    if (expected) {
      const match = matchExpected(consolidation.rows, expected.entries);
      context.out(t.expected(expected.entries.length, match.submitted, match.missing.length, match.unexpected.length));
    }

    let failed = false;
    for (const { output, path } of chosen) {
      try {
        await output.write(run, path);
        context.out(t.written(path));
      } catch (error) {
        failed = true;
        context.err(t.writeFailed(path, error instanceof Error ? error.message : String(error)));
      }
    }
    return failed ? EXIT_FAILED : EXIT_OK;
  },
};
