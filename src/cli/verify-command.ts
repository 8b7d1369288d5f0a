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
import { KnownKeys } from './known-keys';
import type { KeyTrust } from '../domain/trust/key-trust';
import { parseCommandLine, positiveInteger } from './parse-command-line';
import { questionnaireFiles } from './questionnaire-files';

/**
 * `care-autodiag verify [--require-signature] [--known-keys <file>] [--json] [--max-bytes <n>] <files or folders…>`
 *
 * Checks export files exactly as the app's import does (src/exchange/validate-export.ts) and prints one line per
 * file: OK with what the file is and the fingerprint of its key, or REFUSED with why and what to do. Exit code 0
 * when every file is valid, 1 otherwise, 2 for a wrong command line (or an unusable known-keys file).
 *
 * With `--known-keys`, each signed file's key is judged against the keys remembered for its FINESS
 * (src/cli/known-keys.ts): a key seen for the first time is written to that file at the end, a different key is
 * flagged on the file's line (to be checked with the establishment), a refused one too. Nothing else is written.
 */

type Outcome = { file: ExpandedArgument; result: ExportValidation; trust?: KeyTrust; known?: string };

/** What the known-keys file says of a valid file's key, on its line; nothing when the key is the one known. */
function trustNote(context: CliContext, outcome: Outcome): string[] {
  const { t } = context;
  if (outcome.trust === 'changed')
    return [t('cli.verify.keyChanged', { known: groupFingerprint(outcome.known ?? '') })];
  if (outcome.trust === 'rejected') return [t('cli.verify.keyRejected')];
  if (outcome.trust === 'previous') return [t('cli.verify.keyPrevious')];
  return [];
}

function lineOf(context: CliContext, outcome: Outcome): string {
  const { t } = context;
  const { file, result } = outcome;
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
    ...trustNote(context, outcome),
  ];
  return t('cli.ok', { file: file.display, details: parts.join(' · ') });
}

function jsonLineOf({ file, result, trust }: Outcome): string {
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
    keyTrust: trust,
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

/** Writes the known-keys file back; undefined after saying why when it cannot be written. */
export async function saveKnownKeys(knownKeys: KnownKeys, context: CliContext): Promise<number | undefined> {
  try {
    return await knownKeys.save();
  } catch (error) {
    context.err(
      describeCommandLineError(context.t, 'write-failed', {
        file: knownKeys.path,
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
    return undefined;
  }
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
        'known-keys': { type: 'string' },
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
    const knownKeys =
      values['known-keys'] === undefined ? undefined : await KnownKeys.open(values['known-keys'], context);
    if (values['known-keys'] !== undefined && !knownKeys) return EXIT_USAGE;
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
      async (file): Promise<Outcome> => ({
        file,
        result: await check(file, maxBytes, values['require-signature'], questionnaires),
      }),
      (outcome) => {
        if (knownKeys && outcome.result.ok) {
          const finess = submissionFiness(outcome.result.envelope.establishment);
          outcome.trust = knownKeys.judge(finess, outcome.result.keyFingerprint);
          const known = knownKeys.knownFingerprint(finess);
          if (known !== undefined) outcome.known = known;
        }
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
    if (knownKeys) {
      for (const finess of knownKeys.conflicts()) context.err(t('cli.verify.keysConflict', { finess }));
      const added = await saveKnownKeys(knownKeys, context);
      if (added === undefined) return EXIT_FAILED;
      if (added > 0) context.err(t('cli.verify.keysSaved', { count: added, file: values['known-keys'] ?? '' }));
    }
    return valid === files.length ? EXIT_OK : EXIT_FAILED;
  },
};
