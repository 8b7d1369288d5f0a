import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { groupFingerprint } from '../domain/fingerprint';
import { buildReviewEnvelope, reviewSubmissionOf, sealReview, serializeReview } from '../exchange/build-review';
import {
  reviewOutcomes,
  reviewReliances,
  type ReviewItem,
  type ReviewItemStatus,
  type ReviewOutcome,
  type ReviewReliance,
} from '../exchange/review-format';
import { publicJwkOf, keyFingerprint, type ExportSigner } from '../exchange/signing';
import { validateExportFile } from '../exchange/validate-export';
import { validateReviewFile } from '../exchange/validate-review';
import { describeCommandLineError, describeReviewRejection } from '../texts/describe-error';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from './cli-context';
import { refusalLine } from './export-messages';
import { parseCommandLine } from './parse-command-line';
import { questionnaireFiles } from './questionnaire-files';

/**
 * `care-autodiag review <submission.json> --from <marks.csv> --out <review.json> --reviewer <name>
 *  --organisation <organisation> --outcome accepted|to-complete --reliance high|moderate|low --reason <text>
 *  [--key <private-key.jwk>]`
 *
 * For the auditor who reviews in a spreadsheet (issue 18): the export is checked as `verify` checks it, the marks are
 * read from a CSV of three columns — item id; status; comment — (a first line of headings is skipped; `;` or `,`;
 * statuses in English, `accepted`, `to-complete`, `refused`, or in French, « acceptée », « à compléter »,
 * « refusée »), and a signed review file is written (docs/review-format.md), then checked against the export before
 * the command says OK. An unknown item, a status it does not know or an item marked twice is refused with its line
 * number, and nothing is written.
 *
 * The signature: with `--key`, the ECDSA P-256 private key in that JWK file; without it, a new key, whose private
 * part is written beside the review (`<out>.key.jwk`) so that the next reviews are signed by the same key.
 */

const statusWords: Record<string, ReviewItemStatus> = {
  accepted: 'accepted',
  acceptee: 'accepted',
  accepte: 'accepted',
  'to-complete': 'to-complete',
  'a completer': 'to-complete',
  'a-completer': 'to-complete',
  refused: 'refused',
  refusee: 'refused',
  refuse: 'refused',
};

/** « À compléter » → "a completer": accents, case and surrounding spaces do not matter. */
function normalizedWord(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type MarksReading = { ok: true; items: ReviewItem[] } | { ok: false; line: number; problem: MarksProblem };
export type MarksProblem = 'unknown-item' | 'unknown-status' | 'item-twice' | 'comment-too-long';

/** The marks of a CSV, in the questionnaire's order (`itemOrder`), or the first line that cannot be read. */
export function readMarksCsv(text: string, itemOrder: readonly string[]): MarksReading {
  const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: 'greedy', delimiter: '' }).data;
  const known = new Set(itemOrder);
  const marks = new Map<string, ReviewItem>();
  for (const [index, row] of rows.entries()) {
    const line = index + 1;
    const [rawId = '', rawStatus = '', rawComment = ''] = row.map((cell) => cell.trim());
    // A first line of headings (« item ; statut ; commentaire ») is not a mark.
    if (index === 0 && !known.has(rawId) && statusWords[normalizedWord(rawStatus)] === undefined) continue;
    if (!known.has(rawId)) return { ok: false, line, problem: 'unknown-item' };
    const status = statusWords[normalizedWord(rawStatus)];
    if (!status) return { ok: false, line, problem: 'unknown-status' };
    if (marks.has(rawId)) return { ok: false, line, problem: 'item-twice' };
    if (rawComment.length > 2000) return { ok: false, line, problem: 'comment-too-long' };
    marks.set(rawId, { itemId: rawId, status, ...(rawComment ? { comment: rawComment } : {}) });
  }
  return { ok: true, items: itemOrder.flatMap((id) => marks.get(id) ?? []) };
}

/** A signer from a private JWK file, or a new key written beside the review. */
async function signerFor(
  keyPath: string | undefined,
  out: string,
  context: CliContext,
): Promise<ExportSigner | undefined> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  let privateJwk: JsonWebKey;
  if (keyPath) {
    try {
      privateJwk = JSON.parse(await readFile(resolve(context.cwd, keyPath), 'utf8')) as JsonWebKey;
    } catch {
      context.err(context.t('cli.review.badKey', { file: keyPath }));
      return undefined;
    }
  } else {
    const pair = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const keyFile = `${out}.key.jwk`;
    await writeFile(resolve(context.cwd, keyFile), `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
    context.err(context.t('cli.review.newKey', { file: keyFile }));
  }
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('jwk', privateJwk, algorithm, false, ['sign']);
  } catch {
    context.err(context.t('cli.review.badKey', { file: keyPath ?? '' }));
    return undefined;
  }
  const publicKeyJwk = publicJwkOf(privateJwk);
  return {
    publicKeyJwk,
    keyFingerprint: await keyFingerprint(publicKeyJwk),
    sign: async (message) =>
      new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, message)),
  };
}

export const reviewCommand: CliCommand = {
  name: 'review',
  summary: 'cli.review.summary',
  async run(args, context) {
    const { t } = context;
    const usage = t('cli.review.usage');
    const command = parseCommandLine(
      args,
      {
        from: { type: 'string' },
        out: { type: 'string' },
        reviewer: { type: 'string' },
        organisation: { type: 'string' },
        outcome: { type: 'string' },
        reliance: { type: 'string' },
        reason: { type: 'string' },
        key: { type: 'string' },
      },
      usage,
      context,
    );
    if (command.exit !== undefined) return command.exit;
    const { values, positionals } = command;
    const { from, out, reviewer, organisation, outcome, reliance, reason } = values;
    if (
      positionals.length !== 1 ||
      !from ||
      !out ||
      !reviewer?.trim() ||
      !organisation?.trim() ||
      !reason?.trim() ||
      !(reviewOutcomes as readonly string[]).includes(outcome ?? '') ||
      !(reviewReliances as readonly string[]).includes(reliance ?? '')
    ) {
      context.err(usage);
      return EXIT_USAGE;
    }
    const submissionPath = positionals[0] ?? '';

    const questionnaires = questionnaireFiles();
    let submissionBytes: Uint8Array;
    let csv: string;
    try {
      submissionBytes = new Uint8Array(await readFile(resolve(context.cwd, submissionPath)));
      csv = await readFile(resolve(context.cwd, from), 'utf8');
    } catch (error) {
      const file = error instanceof Error && 'path' in error ? String(error.path) : submissionPath;
      context.out(t('cli.refused', { file, reason: describeCommandLineError(t, 'file-not-found') }));
      return EXIT_FAILED;
    }
    const submission = await validateExportFile(submissionBytes, submissionPath, { questionnaires });
    if (!submission.ok) {
      context.out(refusalLine(context, submissionPath, submission));
      return EXIT_FAILED;
    }
    const { questionnaire } = submission.envelope.content;
    const shipped = await questionnaires.load(questionnaire.id, questionnaire.version);
    const marks = readMarksCsv(
      csv,
      shipped.questionnaire.items.map((item) => item.id),
    );
    if (!marks.ok) {
      context.out(t('cli.refused', { file: from, reason: t(`cli.review.csv.${marks.problem}`, { line: marks.line }) }));
      return EXIT_FAILED;
    }

    const signer = await signerFor(values.key, out, context);
    if (!signer) return EXIT_FAILED;
    const review = await sealReview(
      buildReviewEnvelope({
        submission: reviewSubmissionOf(submission.envelope),
        reviewer: { name: reviewer.trim(), organisation: organisation.trim() },
        opinion: {
          outcome: outcome as ReviewOutcome,
          reliance: reliance as ReviewReliance,
          reason: reason.trim(),
        },
        items: marks.items,
        appVersion: submission.envelope.app.version,
        reviewedAt: new Date().toISOString(),
      }),
      signer,
    );
    const text = serializeReview(review);
    // The review is read back as the establishment's app will read it, against the export it answers.
    const checked = await validateReviewFile(text, out, {
      questionnaires,
      submissions: [reviewSubmissionOf(submission.envelope)],
    });
    if (!checked.ok) {
      context.out(t('cli.refused', { file: out, reason: describeReviewRejection(t, checked) }));
      return EXIT_FAILED;
    }
    try {
      await writeFile(resolve(context.cwd, out), text);
    } catch (error) {
      context.err(
        describeCommandLineError(t, 'write-failed', {
          file: out,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
      return EXIT_FAILED;
    }
    context.out(
      t('cli.ok', {
        file: out,
        details: t('cli.review.written', {
          count: marks.items.length,
          outcome: t(`review.outcome.${review.opinion.outcome}`),
          fingerprint: groupFingerprint(signer.keyFingerprint),
        }),
      }),
    );
    return EXIT_OK;
  },
};
