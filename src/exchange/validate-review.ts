import { parseStrictJson } from '../domain/strict-json';
import { computeExportDigest } from './canonical-digest';
import { FUTURE_TOLERANCE_MS } from './check-dates';
import { EXPORT_FORMAT } from './export-format';
import { migrateToCurrent, type ExportMigration } from './migrations';
import type { ReviewErrorCode } from './review-error';
import {
  REVIEW_FORMAT,
  REVIEW_FORMAT_VERSION,
  reviewEnvelopeSchema,
  type ReviewEnvelope,
  type ReviewSubmission,
} from './review-format';
import { findShippedVersion, type ShippedQuestionnaires } from './shipped-questionnaires';
import { keyFingerprint, verifyDigestSignature } from './signing';
import { DEFAULT_MAX_JSON_BYTES, formatIssuePath } from './validate-export';

/**
 * Import validation of a review file (docs/review-format.md, "Import"), as strict as an export's (validate-export.ts)
 * and in the same order; each check refuses the file with a code, the field path and a detail, never throwing:
 *
 *  1. size, before anything is read (too-large);
 *  2. UTF-8 and strict JSON: no name twice, no "__proto__", nesting ≤ 64, no lone surrogate (not-json, invalid,
 *     lone-surrogate; src/domain/strict-json.ts);
 *  3. `format` (export-not-review, not-a-review) and `formatVersion`: newer refused (newer-format), older migrated
 *     by the named migrations of {@link reviewMigrations};
 *  4. the zod schema of the current version (invalid), a marked item listed twice included;
 *  5. the SHA-256 digest of the canonical JSON, on the file as written (digest-mismatch);
 *  6. the signature and the key's fingerprint (bad-signature), or its absence when required (unsigned);
 *  7. the questionnaire version named, shipped by this build, and each marked item one of its items
 *     (unknown-questionnaire, newer-questionnaire, unknown-item);
 *  8. the dates: not in the future, not before the export answered (future-date, dates-disagree);
 *  9. with `submissions`, the export answered: one of them by digest (unknown-submission), and described as it is
 *     (submission-mismatch).
 *
 * Pure apart from WebCrypto: it runs in the app, in Node and in tests; nothing is written here.
 */

/** Migrations of review files from older format versions: none yet (version 1 is the first). Same rules as exports. */
export const reviewMigrations: readonly ExportMigration[] = [];

export interface ValidatedReview {
  ok: true;
  fileName: string;
  envelope: ReviewEnvelope;
  /** The verified digest (hex). */
  digest: string;
  /** The fingerprint of the key that signed the file, when it is signed (verified). */
  keyFingerprint?: string;
  migratedFrom?: number;
  migrations?: string[];
}

export interface RejectedReview {
  ok: false;
  fileName: string;
  code: ReviewErrorCode;
  /** Where in the file: a field path such as items[3].itemId. */
  path?: string;
  /** A technical detail, for the command line and support. */
  detail?: string;
}

export type ReviewValidation = ValidatedReview | RejectedReview;

export interface ValidateReviewOptions {
  /** The questionnaires this build ships, which the marked items are read against. */
  questionnaires: ShippedQuestionnaires;
  /** Largest file accepted, checked before reading: 16 MiB unless given. */
  maxBytes?: number;
  requireSignature?: boolean;
  /**
   * The exports the review may answer (this installation's exports, or the one submission named on the command
   * line): the review must name one of them by digest and say of it what it is. Unchecked when absent.
   */
  submissions?: readonly ReviewSubmission[];
  /** For tests: another migration chain. */
  migrations?: readonly ExportMigration[];
  /** The time the review date is compared with (ms since epoch); now unless given. */
  now?: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first member of `submission` that differs from the export of that digest, if any. */
export function submissionDifference(found: ReviewSubmission, expected: ReviewSubmission): string | undefined {
  const members = ['finess', 'questionnaireId', 'questionnaireVersion', 'campaignYear', 'exportedAt'] as const;
  for (const member of members) if (found[member] !== expected[member]) return member;
  const a = found.snapshot;
  const b = expected.snapshot;
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined || b === undefined) return 'snapshot';
  if (a.id !== b.id) return 'snapshot.id';
  if (a.frozenAt !== b.frozenAt) return 'snapshot.frozenAt';
  if (a.digest !== b.digest) return 'snapshot.digest';
  return undefined;
}

async function validate(
  data: Uint8Array | string,
  fileName: string,
  options: ValidateReviewOptions,
): Promise<ReviewValidation> {
  const reject = (code: ReviewErrorCode, path?: string, detail?: string): RejectedReview => ({
    ok: false,
    fileName,
    code,
    ...(path !== undefined && path !== '' ? { path } : {}),
    ...(detail !== undefined ? { detail } : {}),
  });
  const max = options.maxBytes ?? DEFAULT_MAX_JSON_BYTES;

  // 1. Size, then 2. UTF-8 (a byte-order mark is allowed and dropped) and strict JSON.
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > max) return reject('too-large', undefined, `${size} > ${max}`);
  let text: string;
  if (typeof data === 'string') text = data.startsWith('\ufeff') ? data.slice(1) : data;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return reject('not-json', undefined, 'not UTF-8');
    }
  }
  const read = parseStrictJson(text);
  if (!read.ok) {
    if (read.problem === 'syntax') return reject('not-json', undefined, read.detail);
    return reject(
      read.problem === 'lone-surrogate' ? 'lone-surrogate' : 'invalid',
      formatIssuePath(read.path),
      read.detail,
    );
  }
  const raw = read.value;

  // 3. Format and version.
  if (!isPlainObject(raw)) return reject('not-a-review', 'format');
  if (raw.format === EXPORT_FORMAT) return reject('export-not-review', 'format');
  if (raw.format !== REVIEW_FORMAT) return reject('not-a-review', 'format');
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return reject('invalid', 'formatVersion', 'not a format version');
  if (version > REVIEW_FORMAT_VERSION)
    return reject('newer-format', 'formatVersion', `${version} > ${REVIEW_FORMAT_VERSION}`);
  const migrated = migrateToCurrent(raw, version, options.migrations ?? reviewMigrations, REVIEW_FORMAT_VERSION);
  if (!migrated.ok) return reject('invalid', 'formatVersion', `no migration from version ${migrated.missingFrom}`);

  // 4. Schema of the current version.
  const parsed = reviewEnvelopeSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const extra = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1})` : '';
    // A member the format does not know is named itself, not only the object holding it.
    const where = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue?.path;
    return reject('invalid', where ? formatIssuePath(where) : undefined, `${issue?.message ?? ''}${extra}`);
  }
  const envelope = parsed.data;

  // 5. Digest, over the file as it was written (its own version, before any migration).
  const digest = await computeExportDigest(raw);
  if (digest !== envelope.integrity.digest) return reject('digest-mismatch', 'integrity.digest');

  // 6. Signature.
  let fingerprint: string | undefined;
  if (envelope.signature) {
    const { publicKeyJwk, keyFingerprint: claimed, value } = envelope.signature;
    fingerprint = await keyFingerprint(publicKeyJwk);
    if (fingerprint !== claimed) return reject('bad-signature', 'signature.keyFingerprint');
    if (!(await verifyDigestSignature(publicKeyJwk, digest, value))) return reject('bad-signature', 'signature.value');
  } else if (options.requireSignature) {
    return reject('unsigned', 'signature');
  }

  // 7. The questionnaire version named, and each marked item one of its items.
  const { submission } = envelope;
  const found = await findShippedVersion(
    { id: submission.questionnaireId, version: submission.questionnaireVersion },
    options.questionnaires,
    { id: ['submission', 'questionnaireId'], version: ['submission', 'questionnaireVersion'] },
  );
  if (!found.ok) {
    const code = found.code === 'newer-questionnaire' ? 'newer-questionnaire' : 'unknown-questionnaire';
    return reject(code, formatIssuePath(found.path), found.detail);
  }
  const itemIds = new Set(found.shipped.questionnaire.items.map((item) => item.id));
  const unknown = envelope.items.findIndex((item) => !itemIds.has(item.itemId));
  if (unknown >= 0)
    return reject(
      'unknown-item',
      `items[${unknown}].itemId`,
      `no item "${envelope.items[unknown]?.itemId}" in ${submission.questionnaireId} ${submission.questionnaireVersion}`,
    );

  // 8. Dates: a review dated in the future, or before the export it answers, cannot be.
  const now = options.now ?? Date.now();
  const reviewedMs = Date.parse(envelope.reviewedAt);
  if (!(reviewedMs <= now + FUTURE_TOLERANCE_MS))
    return reject('future-date', 'reviewedAt', `${envelope.reviewedAt} is more than 24 h after now`);
  // The same 24 hours of tolerance: the two files come from two computers whose clocks may differ.
  if (!(reviewedMs + FUTURE_TOLERANCE_MS >= Date.parse(submission.exportedAt)))
    return reject(
      'dates-disagree',
      'reviewedAt',
      `${envelope.reviewedAt}, before the export of ${submission.exportedAt}`,
    );
  if (submission.snapshot && !(Date.parse(submission.snapshot.frozenAt) <= Date.parse(submission.exportedAt)))
    return reject('dates-disagree', 'submission.snapshot.frozenAt', 'frozen after the export');

  // 9. The export answered, when the caller knows which ones it may be.
  if (options.submissions) {
    const answered = options.submissions.find((s) => s.digest === submission.digest);
    if (!answered) return reject('unknown-submission', 'submission.digest', submission.digest);
    const differs = submissionDifference(submission, answered);
    if (differs) return reject('submission-mismatch', `submission.${differs}`);
  }

  return {
    ok: true,
    fileName,
    envelope,
    digest,
    ...(fingerprint !== undefined ? { keyFingerprint: fingerprint } : {}),
    ...(migrated.applied.length > 0 ? { migratedFrom: version, migrations: migrated.applied } : {}),
  };
}

/** Validates one review file. Never throws: any failure is a {@link RejectedReview}. */
export async function validateReviewFile(
  data: Uint8Array | string,
  fileName: string,
  options: ValidateReviewOptions,
): Promise<ReviewValidation> {
  try {
    return await validate(data, fileName, options);
  } catch (error) {
    return {
      ok: false,
      fileName,
      code: 'invalid',
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
