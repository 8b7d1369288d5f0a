import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import { validateExportFile } from '../exchange/validate-export';
import { buildCsv, csvKinds } from '../report/csv';
import { nodeFontLoader } from '../report/pdf/fonts-node';
import { generateReportPdf } from '../report/pdf/generate-report';
import { reportModelFromExport } from '../report/report-from-export';
import { reportTexts } from '../report/report-texts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand } from './cli-context';
import { describeRefusal } from './export-messages';

/**
 * `care-autodiag report <file> --out <pdf> [--csv <folder>] [--author <name>]`
 *
 * Prints the gap-analysis PDF of one export file with the very report code of the app (src/report), after checking
 * the file exactly as the app's import does. The questionnaire the file was answered against is read from
 * questionnaires/<id>/<version>.json. The report says in its completeness block what the file's sharing level left
 * out. Exit code 0 when the PDF is written, 1 when the file is refused or unreadable, 2 for a wrong command line.
 */

const text = {
  fr: {
    usage: 'usage : care-autodiag report <fichier d’export> --out <rapport.pdf> [--csv <dossier>] [--author <nom>]',
    refused: 'REFUSÉ',
    missing: 'fichier introuvable.',
    noQuestionnaire: (id: string, version: string) =>
      `questionnaire ${id} ${version} introuvable : mettez à jour Autodiag CaRE pour imprimer ce fichier.`,
    written: (file: string, pages: number, bytes: number) =>
      `rapport écrit : ${file} (${pages} pages, ${bytes} octets)`,
    csv: (file: string, rows: number) => `CSV écrit : ${file} (${rows} lignes)`,
    draft: 'évaluation incomplète : le rapport est marqué « BROUILLON ».',
  },
  en: {
    usage: 'usage: care-autodiag report <export file> --out <report.pdf> [--csv <folder>] [--author <name>]',
    refused: 'REFUSED',
    missing: 'file not found.',
    noQuestionnaire: (id: string, version: string) =>
      `questionnaire ${id} ${version} not found: update Autodiag CaRE to print this file.`,
    written: (file: string, pages: number, bytes: number) => `report written: ${file} (${pages} pages, ${bytes} bytes)`,
    csv: (file: string, rows: number) => `CSV written: ${file} (${rows} rows)`,
    draft: 'incomplete assessment: the report is marked "DRAFT".',
  },
};

const questionnaireDir = new URL('../../questionnaires/', import.meta.url);

export const reportCommand: CliCommand = {
  name: 'report',
  summary: {
    fr: 'imprime le rapport PDF d’analyse des écarts d’un fichier d’export (et ses CSV)',
    en: 'prints the gap-analysis PDF report of an export file (and its CSVs)',
  },
  async run(args, context) {
    const t = text[context.language];
    let values;
    let positionals;
    try {
      ({ values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          out: { type: 'string', short: 'o' },
          csv: { type: 'string' },
          author: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      }));
    } catch (error) {
      context.err(error instanceof Error ? error.message : String(error));
      context.err(t.usage);
      return EXIT_USAGE;
    }
    if (values.help) {
      context.out(t.usage);
      return EXIT_OK;
    }
    const [input, ...extra] = positionals;
    if (input === undefined || extra.length > 0 || !values.out) {
      context.err(t.usage);
      return EXIT_USAGE;
    }
    const path = resolve(context.cwd, input);
    let bytes: Uint8Array;
    try {
      await stat(path);
      bytes = new Uint8Array(await readFile(path));
    } catch {
      context.err(`${t.refused} ${input} — ${t.missing}`);
      return EXIT_FAILED;
    }
    const result = await validateExportFile(bytes, basename(input));
    if (!result.ok) {
      context.err(`${t.refused} ${input} — ${result.code}: ${describeRefusal(context.language, result)}`);
      return EXIT_FAILED;
    }
    const { envelope } = result;
    const { id, version } = envelope.content.questionnaire;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(new URL(`${id}/${version}.json`, questionnaireDir), 'utf8'));
    } catch {
      context.err(t.noQuestionnaire(id, version));
      return EXIT_FAILED;
    }
    const parsed = parseQuestionnaire(raw, `${id}/${version}.json`);
    if (!parsed.ok) {
      context.err(t.noQuestionnaire(id, version));
      return EXIT_FAILED;
    }
    const model = reportModelFromExport(envelope, parsed.questionnaire, {
      language: context.language,
      author: values.author,
    });
    const pdf = await generateReportPdf(model, nodeFontLoader);
    const out = resolve(context.cwd, values.out);
    await writeFile(out, pdf.bytes);
    context.out(t.written(values.out, pdf.pageCount, pdf.bytes.length));
    const c = model.completeness;
    context.err(reportTexts[context.language].completeness.counts(c.counts));
    if (!c.complete) context.err(t.draft);
    if (values.csv) {
      for (const kind of csvKinds) {
        const csv = buildCsv(model, kind);
        const file = resolve(context.cwd, values.csv, csv.fileName);
        await writeFile(file, csv.text, 'utf8');
        context.out(t.csv(file, csv.rows));
      }
    }
    return EXIT_OK;
  },
};
