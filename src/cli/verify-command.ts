import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { submissionFiness } from '../exchange/export-format';
import type { ShippedQuestionnaires } from '../exchange/shipped-questionnaires';
import { groupFingerprint } from '../domain/fingerprint';
import {
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_ZIP_BYTES,
  validateExportFile,
  type ExportValidation,
} from '../exchange/validate-export';
import { describeCommandLineError } from '../texts/describe-error';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from './cli-context';
import { refusalLine } from './export-messages';
import { expandFileArguments, forEachInOrder, type ExpandedArgument } from './files';
import { parseCommandLine, positiveInteger } from './parse-command-line';
import { questionnaireFiles } from './questionnaire-files';

/**
 * `care-autodiag verify [--require-signature] [--json] [--max-bytes <n>] <files or folders…>`
 *
 * Checks export files exactly as the app's import does (src/exchange/validate-export.ts) and prints one line per
 * file: OK with what the file is and the fingerprint of its key, or REFUSED with why and what to do. Exit code 0
 * when every file is valid, 1 otherwise, 2 for a wrong command line. Nothing is written anywhere.
 */

type Outcome = { file: ExpandedArgument; result: ExportValidation };

function lineOf(context: CliContext, { file, result }: Outcome): string {
  const { t } = context;
  if (!result.ok) return refusalLine(context, file.display, result);
  const { envelope } = result;
  const { questionnaire, campaignYear } = envelope.content;
  const parts = [
    `FINESS ${submissionFiness(envelope.establishment)}`,
    envelope.establishment.name,
    `${questionnaire.id} ${questionnaire.version}`,
    t('cli.verify.campaign', { year: campaignYear }),
    t(`cli.verify.levels.${envelope.sharingLevel}`),
    result.keyFingerprint
      ? t('cli.verify.key', { fingerprint: groupFingerprint(result.keyFingerprint) })
      : t('cli.verify.unsigned'),
    ...(result.migratedFrom !== undefined ? [t('cli.verify.migrated', { version: result.migratedFrom })] : []),
  ];
  return t('cli.ok', { file: file.display, details: parts.join(' · ') });
}

function jsonLineOf({ file, result }: Outcome): string {
  if (!result.ok) {
    const { ok, code, path, detail } = result;
    return JSON.stringify({ file: file.display, ok, code, path, detail });
  }
  const { envelope } = result;
  return JSON.stringify({
    file: file.display,
    ok: true,
    finess: submissionFiness(envelope.establishment),
    name: envelope.establishment.name,
    questionnaire: envelope.content.questionnaire,
    campaignYear: envelope.content.campaignYear,
    sharingLevel: envelope.sharingLevel,
    exportedAt: envelope.exportedAt,
    digest: result.digest,
    keyFingerprint: result.keyFingerprint,
    migratedFrom: result.migratedFrom,
  });
}

async function check(
  file: ExpandedArgument,
  maxBytes: number | undefined,
  requireSignature: boolean,
  questionnaires: ShippedQuestionnaires,
) {
  const fileName = file.display;
  if ('missing' in file) return { ok: false as const, fileName, code: 'not-json' as const, detail: 'missing' };
  // The size is checked before the file is read (a folder may hold anything).
  const limit =
    maxBytes ?? (extname(file.path).toLowerCase() === '.zip' ? DEFAULT_MAX_ZIP_BYTES : DEFAULT_MAX_JSON_BYTES);
  if (file.size > limit) return { ok: false as const, fileName, code: 'too-large' as const, detail: String(file.size) };
  const bytes = new Uint8Array(await readFile(file.path));
  return validateExportFile(bytes, fileName, {
    questionnaires,
    requireSignature,
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  });
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'cli.verify.summary',
  async run(args, context) {
    const { t } = context;
    const usage = t('cli.verify.usage');
    const command = parseCommandLine(
      args,
      {
        'require-signature': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'max-bytes': { type: 'string' },
      },
      usage,
      context,
    );
    if (command.exit !== undefined) return command.exit;
    const { values, positionals } = command;
    const maxBytes = positiveInteger(values['max-bytes']);
    if (Number.isNaN(maxBytes) || positionals.length === 0) {
      context.err(usage);
      return EXIT_USAGE;
    }
    const files = await expandFileArguments(positionals, context.cwd);
    if (files.length === 0) {
      context.err(t('cli.verify.noFiles'));
      return EXIT_FAILED;
    }
    let valid = 0;
    // Each questionnaire is read and hashed once, for every file that names it.
    const questionnaires = questionnaireFiles();
    await forEachInOrder(
      files,
      8,
      async (file) => ({ file, result: await check(file, maxBytes, values['require-signature'], questionnaires) }),
      (outcome) => {
        if (outcome.result.ok) valid += 1;
        if (values.json) context.out(jsonLineOf(outcome));
        else if ('missing' in outcome.file)
          context.out(
            t('cli.refused', { file: outcome.file.display, reason: describeCommandLineError(t, 'file-not-found') }),
          );
        else context.out(lineOf(context, outcome));
      },
    );
    context.err(t('cli.verify.total', { total: files.length, valid, refused: files.length - valid }));
    return valid === files.length ? EXIT_OK : EXIT_FAILED;
  },
};
