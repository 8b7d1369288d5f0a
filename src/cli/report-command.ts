import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseQuestionnaire } from '../domain/questionnaire/parse-questionnaire';
import { validateExportFile } from '../exchange/validate-export';
import { buildCsv, csvKinds } from '../report/csv';
import { nodeFontLoader } from '../report/pdf/fonts-node';
import { generateReportPdf } from '../report/pdf/generate-report';
import { reportModelFromExport } from '../report/report-from-export';
import { describeCommandLineError } from '../texts/describe-error';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand } from './cli-context';
import { refusalLine } from './export-messages';
import { parseCommandLine } from './parse-command-line';
import { questionnaireFiles } from './questionnaire-files';
import { newestMapping } from './mapping-files';
import { defaultFramework, isShippedFramework } from '../domain/frameworks/default-framework';
import { isNis2Status } from '../domain/establishment/establishment';

/**
 * `care-autodiag report <file> --out <pdf> [--csv <folder>] [--author <name>]
 *   [--framework recyf|anssi-hygiene|has-essms|none] [--nis2-status essential|important|not-concerned|unknown]`
 *
 * Prints the gap-analysis PDF of one export file with the very report code of the app (src/report), after checking
 * the file exactly as the app's import does. The questionnaire the file was answered against is read from
 * questionnaires/<id>/<version>.json. The report says in its completeness block what the file's sharing level left
 * out. Exit code 0 when the PDF is written, 1 when the file is refused or unreadable, 2 for a wrong command line.
 *
 * The report carries the annex of one framework (issue 17), read through its newest shipped mapping: `--framework`,
 * or by default ReCyF for an essential or important entity and the ANSSI hygiene guide otherwise. An export file does
 * not carry the establishment's NIS2 status (it stays on the establishment's device), so `--nis2-status` gives it;
 * without it the status is « pas encore connu » and the default is the hygiene guide. With `--csv`, the coverage
 * CSV is written beside the five others.
 */

const questionnaireDir = new URL('../../questionnaires/', import.meta.url);

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'cli.report.summary',
  async run(args, context) {
    const { t } = context;
    const usage = t('cli.report.usage');
    const command = parseCommandLine(
      args,
      {
        out: { type: 'string', short: 'o' },
        csv: { type: 'string' },
        author: { type: 'string' },
        framework: { type: 'string' },
        'nis2-status': { type: 'string' },
      },
      usage,
      context,
    );
    if (command.exit !== undefined) return command.exit;
    const { values, positionals } = command;
    const [input, ...extra] = positionals;
    const asked = values.framework;
    const status = values['nis2-status'] ?? 'unknown';
    if (
      input === undefined ||
      extra.length > 0 ||
      !values.out ||
      (asked !== undefined && asked !== 'none' && !isShippedFramework(asked)) ||
      !isNis2Status(status)
    ) {
      context.err(usage);
      return EXIT_USAGE;
    }
    const framework = asked === 'none' ? undefined : isShippedFramework(asked) ? asked : defaultFramework(status);
    const path = resolve(context.cwd, input);
    let bytes: Uint8Array;
    try {
      await stat(path);
      bytes = new Uint8Array(await readFile(path));
    } catch {
      context.err(t('cli.refused', { file: input, reason: describeCommandLineError(t, 'file-not-found') }));
      return EXIT_FAILED;
    }
    const result = await validateExportFile(bytes, basename(input), { questionnaires: questionnaireFiles() });
    if (!result.ok) {
      context.err(refusalLine(context, input, result));
      return EXIT_FAILED;
    }
    const { envelope } = result;
    const { id, version } = envelope.content.questionnaire;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(new URL(`${id}/${version}.json`, questionnaireDir), 'utf8'));
    } catch {
      context.err(describeCommandLineError(t, 'questionnaire-missing', { questionnaire: `${id} ${version}` }));
      return EXIT_FAILED;
    }
    const parsed = parseQuestionnaire(raw, `${id}/${version}.json`);
    if (!parsed.ok) {
      context.err(describeCommandLineError(t, 'questionnaire-missing', { questionnaire: `${id} ${version}` }));
      return EXIT_FAILED;
    }
    const mapping = framework ? await newestMapping(framework) : undefined;
    if (framework && !mapping) {
      // Asked by name, a missing mapping stops the command; the default one only leaves the annex out.
      context.err(describeCommandLineError(t, 'mapping-missing', { questionnaire: framework }));
      if (asked !== undefined) return EXIT_FAILED;
    }
    const model = reportModelFromExport(envelope, parsed.questionnaire, {
      language: context.language,
      author: values.author,
      frameworks: mapping ? [{ mapping, status }] : undefined,
    });
    const pdf = await generateReportPdf(model, nodeFontLoader);
    const out = resolve(context.cwd, values.out);
    await writeFile(out, pdf.bytes);
    context.out(t('cli.report.written', { file: values.out, pages: pdf.pageCount, bytes: pdf.bytes.length }));
    const c = model.completeness;
    context.err(t('report.completeness.counts', c.counts));
    if (!c.complete) context.err(t('cli.report.draft'));
    if (values.csv) {
      for (const kind of model.frameworks.length > 0 ? [...csvKinds, 'frameworks' as const] : csvKinds) {
        const csv = buildCsv(model, kind);
        const file = resolve(context.cwd, values.csv, csv.fileName);
        await writeFile(file, csv.text, 'utf8');
        context.out(t('cli.report.csv', { file, rows: csv.rows }));
      }
    }
    return EXIT_OK;
  },
};
