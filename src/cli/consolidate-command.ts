import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  addSubmission,
  createConsolidation,
  finishConsolidation,
  leaveOutDeclared,
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
import { contentLookup, type ContentLookup } from '../domain/questionnaire/content-lookup';
import { parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import type { Questionnaire } from '../domain/questionnaire/questionnaire-schema';
import type { ExportErrorCode } from '../exchange/export-error';
import { nodeFontLoader } from '../report/pdf/fonts-node';
import { renderRegionalPdf } from '../report/regional/render-regional';
import type { Language } from '../domain/localized-text';
import { describeCommandLineError, describeExpectedIssue, describeExportRejection } from '../texts/describe-error';
import { formatNumber } from '../texts/format';
import { consolidatedCsvLabels, isCsvColumnChoice, type CsvColumnChoice } from '../texts/consolidated-csv-labels';
import { createTranslator, type TextKey, type Translate } from '../texts/translator';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand } from './cli-context';
import { refusalLine } from './export-messages';
import { expandFileArguments, type FileArgument } from './files';
import { KnownKeys } from './known-keys';
import { parseCommandLine, positiveInteger } from './parse-command-line';
import { questionnaireFiles } from './questionnaire-files';
import { defaultThreadCount, inThreadValidator, threadedValidator } from './validation-pool';
import { saveKnownKeys } from './verify-command';
import { groupFingerprint } from '../domain/fingerprint';
import { submissionFiness } from '../exchange/export-format';

/**
 * `care-autodiag consolidate <files or folders…> [--csv <out.csv>] [--pdf <out.pdf>] [--columns labels|codes]
 * [--expected <list.csv>]
 * [--known-keys <keys.json>] [--refuse-changed-keys] [--leave-out-declared] [--require-signature] [--max-bytes <n>]
 * [--concurrency <n>] [--threads <n>]`
 *
 * Figures of statistics-level files are declared, not recomputed: the CSV says so in its `chiffres` column and the
 * regional PDF marks them; `--leave-out-declared` leaves those rows out of every output.
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
 * With `--known-keys` (src/cli/known-keys.ts), a file signed by a key the auditor refused is left out, and a file
 * signed by a key other than the one known for its FINESS is flagged, or left out with `--refuse-changed-keys`; the
 * keys seen for the first time are written to that file at the end.
 *
 * Outputs are a list ({@link consolidationOutputs}): each adds an option (`--csv <file>`) and writes one file from the
 * finished consolidation: the consolidated CSV (`--csv`) and the regional PDF (`--pdf`).
 */

export interface RejectedInput {
  display: string;
  code: ExportErrorCode;
  path?: string;
  detail?: string;
  /** The FINESS the refused file names, unverified (src/exchange/claimed-finess.ts), for the CSV's `refus` column. */
  claimedFiness?: string[];
}

/** A valid file left out for its key: refused by the auditor, or changed with `--refuse-changed-keys`. */
export interface KeyRefusedInput {
  display: string;
  finess: string;
  reason: 'changed' | 'rejected';
  fingerprint: string;
}

/** What every output of the command receives once all files are folded. */
export interface ConsolidationRun {
  consolidation: Consolidation;
  rejected: RejectedInput[];
  /** Valid files left out for their signing key. */
  keyRefused: KeyRefusedInput[];
  /** The consolidated CSV's columns: in words for a reader (default), or the stable codes. */
  columns: CsvColumnChoice;
  expected: ExpectedList | undefined;
  filesRead: number;
  durationMs: number;
  language: Language;
}

export interface ConsolidationOutput {
  /** The option's name without dashes; its value is the path to write. */
  option: string;
  /** How `--help` shows the option and its value. */
  usage: TextKey;
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

/**
 * Why files were refused, by the FINESS they name, in the words the app's expected list uses: a refused file (its
 * FINESS read without any check) or a valid file left out for its key.
 */
export function refusalsByFiness(run: Pick<ConsolidationRun, 'rejected' | 'keyRefused'>, t: Translate) {
  const refusals = new Map<string, string[]>();
  const add = (finess: string, reason: string) => refusals.set(finess, [...(refusals.get(finess) ?? []), reason]);
  for (const r of run.rejected)
    for (const finess of r.claimedFiness ?? [])
      add(
        finess,
        `${describeExportRejection(t, { fileName: r.display, code: r.code, path: r.path })} (${t('auditor.expected.claimed')})`,
      );
  for (const r of run.keyRefused)
    add(r.finess, t(`cli.consolidate.reasons.${r.reason}`, { fingerprint: groupFingerprint(r.fingerprint) }));
  return refusals;
}

/**
 * The consolidated CSV, byte for byte the file the app downloads (src/domain/consolidation/consolidated-csv.ts): its
 * columns and coded values in words in the command's language, or the stable codes with `--columns codes`.
 */
export const csvOutput: ConsolidationOutput = {
  option: 'csv',
  usage: 'cli.consolidate.csvOption',
  async write(run, path) {
    const t = createTranslator(run.language);
    const { rows } = run.consolidation;
    const labels =
      run.columns === 'labels'
        ? consolidatedCsvLabels(t, await loadTitles(rows, run.language), [
            ...new Set(rows.map((r) => r.questionnaireId)),
          ])
        : undefined;
    return writeCsvFile(
      path,
      consolidatedCsvRecords(rows, {
        ...(run.expected ? { expected: run.expected.entries } : {}),
        refusals: refusalsByFiness(run, t),
        ...(labels ? { labels } : {}),
      }),
    );
  },
};

const questionnaireDir = new URL('../../questionnaires/', import.meta.url);

/**
 * Titles of questionnaires and domains and the questions of items, from the questionnaire files this build ships
 * (questionnaires/<id>/<version>.json) for the versions the rows name, oldest first; a file it cannot read leaves the
 * ids printed.
 */
async function loadTitles(rows: readonly ConsolidatedRow[], language: Language): Promise<ContentLookup> {
  const questionnaires: Questionnaire[] = [];
  const versions = [...new Set(rows.map((r) => `${r.questionnaireId}/${r.questionnaireVersion}`))].sort();
  for (const version of versions) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(new URL(`${version}.json`, questionnaireDir), 'utf8'));
    } catch {
      continue;
    }
    const parsed = parseQuestionnaire(raw, `${version}.json`);
    if (parsed.ok) questionnaires.push(parsed.questionnaire);
  }
  return contentLookup(questionnaires, language);
}

/** The regional PDF (src/report/regional), rendered from the finished consolidation: the files are long gone. */
export const pdfOutput: ConsolidationOutput = {
  option: 'pdf',
  usage: 'cli.consolidate.pdfOption',
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

/** A median score or a duration, with at most one decimal, or a dash. */
function formatFigure(value: number | undefined, language: Language): string {
  return value === undefined ? '—' : formatNumber(value, language, 1);
}

export const consolidateCommand: CliCommand = {
  name: 'consolidate',
  summary: 'cli.consolidate.summary',
  async run(args, context) {
    const { t } = context;
    const outputs = consolidationOutputs;
    const usage = t('cli.consolidate.usage', { outputs: outputs.map((o) => `[${t(o.usage)}]`).join(' ') });
    const command = parseCommandLine(
      args,
      {
        ...Object.fromEntries(outputs.map((o) => [o.option, { type: 'string' as const }])),
        expected: { type: 'string' },
        'known-keys': { type: 'string' },
        'refuse-changed-keys': { type: 'boolean', default: false },
        'leave-out-declared': { type: 'boolean', default: false },
        columns: { type: 'string', default: 'labels' },
        'require-signature': { type: 'boolean', default: false },
        'max-bytes': { type: 'string' },
        concurrency: { type: 'string' },
        threads: { type: 'string' },
      },
      usage,
      context,
    );
    if (command.exit !== undefined) return command.exit;
    const { values, positionals } = command;
    const chosen = outputs.flatMap((o) => {
      // The outputs' options are declared from the list, so their values are read by name.
      const path = (values as Record<string, unknown>)[o.option];
      return typeof path === 'string' ? [{ output: o, path: resolve(context.cwd, path) }] : [];
    });
    const maxBytes = positiveInteger(values['max-bytes']);
    const concurrency = positiveInteger(values.concurrency) ?? DEFAULT_CONCURRENCY;
    const threads = positiveInteger(values.threads);
    if (positionals.length === 0 || Number.isNaN(maxBytes) || Number.isNaN(concurrency) || Number.isNaN(threads)) {
      context.err(usage);
      return EXIT_USAGE;
    }
    if (chosen.length === 0) {
      context.err(t('cli.consolidate.noOutput'));
      context.err(usage);
      return EXIT_USAGE;
    }
    const columns = values.columns;
    if (!isCsvColumnChoice(columns)) {
      context.err(t('cli.consolidate.columnsInvalid', { value: columns }));
      context.err(usage);
      return EXIT_USAGE;
    }

    let expected: ExpectedList | undefined;
    if (typeof values.expected === 'string') {
      const path = resolve(context.cwd, values.expected);
      try {
        expected = readExpectedList(parseCsv(decodeCsvBytes(new Uint8Array(await readFile(path)))));
      } catch {
        context.err(describeCommandLineError(t, 'expected-list-unreadable', { file: values.expected }));
        return EXIT_USAGE;
      }
      const unreadable = expected.issues.find((i) => i.code === 'no-finess-column' || i.code === 'empty-file');
      if (unreadable) {
        context.err(
          t('cli.consolidate.expectedRefused', {
            file: values.expected,
            reason: describeExpectedIssue(t, unreadable.code),
          }),
        );
        return EXIT_USAGE;
      }
      const problems = expected.issues.filter((i) => i.code === 'finess-invalid' || i.code === 'duplicate');
      if (problems.length > 0) context.err(t('cli.consolidate.expectedIssues', { rows: problems.length }));
    }

    const knownKeys =
      values['known-keys'] === undefined ? undefined : await KnownKeys.open(values['known-keys'], context);
    if (values['known-keys'] !== undefined && !knownKeys) return EXIT_USAGE;

    const files = await expandFileArguments(positionals, context.cwd);
    const missing = files.filter((f) => 'missing' in f);
    if (missing.length > 0) {
      for (const f of missing) context.err(t('cli.consolidate.missing', { file: f.display }));
      return EXIT_USAGE;
    }
    const inputs = files.filter((f): f is FileArgument => !('missing' in f));
    if (inputs.length === 0) context.err(t('cli.consolidate.noFiles'));

    // Each questionnaire is read and hashed once per thread, for every file that names it.
    const inputOptions = { maxBytes, requireSignature: values['require-signature'] };
    const threadCount = threads ?? defaultThreadCount(inputs.length);
    const validator =
      threadCount > 1
        ? await threadedValidator(threadCount, inputOptions, questionnaireFiles())
        : inThreadValidator(inputOptions, questionnaireFiles());
    const started = performance.now();
    const acc = createConsolidation();
    const rejected: RejectedInput[] = [];
    const keyRefused: KeyRefusedInput[] = [];
    const keyChanged: string[] = [];
    let read = 0;
    try {
      await forEachAsReady(
        inputs,
        concurrency * threadCount,
        (file) => validator.validate(file),
        ({ validation: result, claimedFiness }, file) => {
          read += 1;
          if (result.ok) {
            const finess = submissionFiness(result.envelope.establishment);
            const fingerprint = result.keyFingerprint;
            const trust = knownKeys?.judge(finess, fingerprint);
            const leftOut = trust === 'rejected' || (trust === 'changed' && values['refuse-changed-keys']);
            if (leftOut && fingerprint !== undefined) {
              keyRefused.push({ display: file.display, finess, reason: trust, fingerprint });
            } else {
              if (trust === 'changed' && fingerprint !== undefined)
                keyChanged.push(
                  t('cli.consolidate.keyChanged', {
                    file: file.display,
                    finess,
                    known: groupFingerprint(knownKeys?.knownFingerprint(finess) ?? ''),
                    fingerprint: groupFingerprint(fingerprint),
                  }),
                );
              addSubmission(acc, { ...result.envelope, declaredFigures: result.declaredFigures });
            }
          } else {
            const { code, path, detail } = result;
            rejected.push({
              display: file.display,
              code,
              ...(path !== undefined ? { path } : {}),
              ...(detail !== undefined ? { detail } : {}),
              ...(claimedFiness.length > 0 ? { claimedFiness } : {}),
            });
          }
          if (read % PROGRESS_EVERY === 0)
            context.err(t('cli.consolidate.progress', { done: read, total: inputs.length }));
        },
      );
    } finally {
      // Live threads would keep the process running.
      await validator.close();
    }
    const folded = finishConsolidation(acc);
    // Statistics-level files carry declared figures only: the CSV marks them; --leave-out-declared drops them, as the
    // app's option does, from every output.
    const consolidation: Consolidation = values['leave-out-declared']
      ? { ...folded, rows: leaveOutDeclared(folded.rows) }
      : folded;
    if (values['leave-out-declared'])
      context.err(t('cli.consolidate.declaredLeftOut', { count: folded.rows.length - consolidation.rows.length }));
    const byDisplay = (a: { display: string }, b: { display: string }) =>
      a.display < b.display ? -1 : a.display > b.display ? 1 : 0;
    const run: ConsolidationRun = {
      consolidation,
      rejected: rejected.sort(byDisplay),
      keyRefused: keyRefused.sort(byDisplay),
      columns,
      expected,
      filesRead: read,
      durationMs: performance.now() - started,
      language: context.language,
    };

    for (const r of run.rejected) context.out(refusalLine(context, r.display, r));
    for (const r of run.keyRefused)
      context.out(
        t('cli.consolidate.keyRefused', {
          file: r.display,
          finess: r.finess,
          reason: t(`cli.consolidate.reasons.${r.reason}`, { fingerprint: groupFingerprint(r.fingerprint) }),
        }),
      );
    for (const line of keyChanged.sort()) context.out(line);
    context.out(
      t('cli.consolidate.total', {
        read,
        seconds: formatFigure(run.durationMs / 1000, context.language),
        kept: consolidation.rows.length,
        duplicates: consolidation.duplicates,
        rejected: rejected.length + keyRefused.length,
      }),
    );
    for (const s of listSelections(consolidation.rows)) {
      const median = describeDistribution(selectRows(consolidation.rows, s).map((r) => r.score))?.median;
      context.out(
        t('cli.consolidate.selection', {
          questionnaire: s.questionnaireId,
          year: s.campaignYear,
          establishments: s.count,
          median: formatFigure(median, context.language),
        }),
      );
    }
    if (expected) {
      const match = matchExpected(consolidation.rows, expected.entries);
      context.out(
        t('cli.consolidate.expected', {
          total: expected.entries.length,
          submitted: match.submitted,
          missing: match.missing.length,
          unexpected: match.unexpected.length,
        }),
      );
      // An expected establishment whose only files were refused, or left out for their key, has sent something.
      const refusals = refusalsByFiness(run, t);
      for (const e of match.missing) {
        const reasons = refusals.get(e.finess);
        if (reasons)
          context.out(t('cli.consolidate.refusedExpected', { finess: e.finess, reason: reasons.join(' — ') }));
      }
    }

    let failed = false;
    if (knownKeys) {
      for (const finess of knownKeys.conflicts()) context.err(t('cli.verify.keysConflict', { finess }));
      const added = await saveKnownKeys(knownKeys, context);
      if (added === undefined) failed = true;
      else if (added > 0) context.err(t('cli.verify.keysSaved', { count: added, file: values['known-keys'] ?? '' }));
    }
    for (const { output, path } of chosen) {
      try {
        await output.write(run, path);
        context.out(t('cli.consolidate.written', { file: path }));
      } catch (error) {
        failed = true;
        context.err(
          describeCommandLineError(t, 'write-failed', {
            file: path,
            reason: error instanceof Error ? error.message : String(error),
          }),
        );
      }
    }
    return failed ? EXIT_FAILED : EXIT_OK;
  },
};
