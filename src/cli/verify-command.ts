import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { submissionFiness } from '../exchange/export-format';
import type { ShippedQuestionnaires } from '../exchange/shipped-questionnaires';
import { groupFingerprint } from '../domain/fingerprint';
import {
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_ZIP_BYTES,
  validateExportFile,
  type ExportValidation,
} from '../exchange/validate-export';
import { describeCommandLineError, describeReviewRejection } from '../texts/describe-error';
import { reviewSubmissionOf } from '../exchange/build-review';
import { REVIEW_FORMAT, type ReviewSubmission } from '../exchange/review-format';
import { validateReviewFile, type ReviewValidation } from '../exchange/validate-review';
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

type Outcome = {
  file: ExpandedArgument;
  result: ExportValidation;
  trust?: KeyTrust;
  known?: string;
  /** Set instead of an export's result when the file is a review file (issue 18). */
  review?: ReviewValidation;
};

/** A review file says so in its first bytes (`"format": "care-autodiag/review"`); an export is read as before. */
function isReviewFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return new RegExp(`"format"\\s*:\\s*"${REVIEW_FORMAT.replace('/', '\\/')}"`).test(head);
}

function reviewLineOf(context: CliContext, file: string, result: ReviewValidation): string {
  const { t } = context;
  if (!result.ok) {
    const sentence = describeReviewRejection(t, result);
    const reason =
      result.detail === undefined ? sentence : t('cli.withDetail', { reason: sentence, detail: result.detail });
    return t('cli.refused', { file, reason: `${result.code}: ${reason}` });
  }
  const { envelope } = result;
  const parts = [
    t('cli.verify.review', { name: envelope.reviewer.name, organisation: envelope.reviewer.organisation }),
    `FINESS ${envelope.submission.finess}`,
    `${envelope.submission.questionnaireId} ${envelope.submission.questionnaireVersion}`,
    t('cli.verify.campaign', { year: envelope.submission.campaignYear }),
    t(`review.outcome.${envelope.opinion.outcome}`),
    t('cli.verify.marks', { count: envelope.items.length }),
    result.keyFingerprint
      ? t('cli.verify.key', { fingerprint: groupFingerprint(result.keyFingerprint) })
      : t('cli.verify.unsigned'),
  ];
  return t('cli.ok', { file, details: parts.join(' · ') });
}

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

function jsonReviewLineOf(file: string, result: ReviewValidation): string {
  if (!result.ok) {
    const { ok, code, path, detail } = result;
    return JSON.stringify({ file, ok, kind: 'review', code, path, detail });
  }
  const { envelope } = result;
  return JSON.stringify({
    file,
    ok: true,
    kind: 'review',
    reviewer: envelope.reviewer,
    submission: envelope.submission,
    outcome: envelope.opinion.outcome,
    reliance: envelope.opinion.reliance,
    marks: envelope.items.length,
    digest: result.digest,
    keyFingerprint: result.keyFingerprint,
  });
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
  submission: ReviewSubmission | undefined,
): Promise<Pick<Outcome, 'result' | 'review'>> {
  const fileName = file.display;
  if ('missing' in file)
    return { result: { ok: false as const, fileName, code: 'not-json' as const, detail: 'missing' } };
  // The size is checked before the file is read (a folder may hold anything).
  const limit =
    maxBytes ?? (extname(file.path).toLowerCase() === '.zip' ? DEFAULT_MAX_ZIP_BYTES : DEFAULT_MAX_JSON_BYTES);
  if (file.size > limit)
    return { result: { ok: false as const, fileName, code: 'too-large' as const, detail: String(file.size) } };
  const bytes = new Uint8Array(await readFile(file.path));
  const options = { questionnaires, requireSignature, ...(maxBytes !== undefined ? { maxBytes } : {}) };
  if (isReviewFile(bytes)) {
    const review = await validateReviewFile(bytes, fileName, {
      ...options,
      ...(submission ? { submissions: [submission] } : {}),
    });
    return { result: { ok: false, fileName, code: 'not-an-export' }, review };
  }
  return { result: await validateExportFile(bytes, fileName, options) };
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
        submission: { type: 'string' },
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
    // With --submission, a review file must answer that export (by its digest, and saying of it what it is).
    let submission: ReviewSubmission | undefined;
    if (values.submission !== undefined) {
      const path = values.submission;
      const read = await readFile(resolve(context.cwd, path)).then(
        (bytes) => validateExportFile(new Uint8Array(bytes), path, { questionnaires }),
        () => undefined,
      );
      if (!read?.ok) {
        context.err(
          read
            ? refusalLine(context, path, read)
            : t('cli.refused', { file: path, reason: describeCommandLineError(t, 'file-not-found') }),
        );
        return EXIT_USAGE;
      }
      submission = reviewSubmissionOf(read.envelope);
    }
    await forEachInOrder(
      files,
      8,
      async (file): Promise<Outcome> => ({
        file,
        ...(await check(file, maxBytes, values['require-signature'], questionnaires, submission)),
      }),
      (outcome) => {
        if (knownKeys && outcome.result.ok) {
          const finess = submissionFiness(outcome.result.envelope.establishment);
          outcome.trust = knownKeys.judge(finess, outcome.result.keyFingerprint);
          const known = knownKeys.knownFingerprint(finess);
          if (known !== undefined) outcome.known = known;
        }
        if (outcome.review) {
          if (outcome.review.ok) valid += 1;
          context.out(
            values.json
              ? jsonReviewLineOf(outcome.file.display, outcome.review)
              : reviewLineOf(context, outcome.file.display, outcome.review),
          );
          return;
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
