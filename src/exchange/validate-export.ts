import { unzipSync } from 'fflate';
import { audiencesOf } from '../domain/establishment/establishment';
import { parseStrictJson } from '../domain/strict-json';
import { checkAnswers } from './check-answers';
import { checkDates } from './check-dates';
import { computeExportDigest, toHex } from './canonical-digest';
import { declaredFiguresOf, type DeclaredFigure } from './declared-figures';
import type { ExportErrorCode } from './export-error';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  exportEnvelopeSchema,
  exportIssueMessages,
  type ExportEnvelope,
} from './export-format';
import { migrateToCurrent, migrations as defaultMigrations, type ExportMigration } from './migrations';
import { recomputeFigures } from './recompute-figures';
import type { ContentRefusal } from './content-refusal';
import {
  findShippedQuestionnaire,
  type QuestionnaireIndex,
  type ShippedQuestionnaires,
} from './shipped-questionnaires';
import { keyFingerprint, verifyDigestSignature } from './signing';

/**
 * Import validation of an export file (design principle 6: untrusted input is data). Checks, in order, each one
 * refusing the file with a code, the field path and a detail, and never throwing whatever the bytes:
 *
 *  1. size, before anything is read (too-large);
 *  2. the zip container when the file is one: readable, export.json present, sizes announced within limits
 *     (not-a-zip, too-large); no entry but export.json and evidence/…, no unsafe or repeated name (zip-entry);
 *  3. UTF-8 and JSON (not-json); a member name twice in one object, a "__proto__", "constructor" or "prototype"
 *     member, or nesting deeper than 64 levels (invalid), a lone surrogate (lone-surrogate; src/domain/strict-json.ts);
 *  4. `format` (not-an-export) and `formatVersion`: newer refused (newer-format), older migrated (migrations.ts);
 *  5. the zod schema of the current version, sharing-level rules included (invalid, justification-missing);
 *  6. the SHA-256 digest of the canonical JSON, computed on the file as signed (digest-mismatch);
 *  7. the signature and the key's fingerprint (bad-signature), or its absence when required (unsigned);
 *  8. in a zip, every evidence file against the manifest (evidence-mismatch);
 *  9. the questionnaire: shipped by this build, the same content (unknown-questionnaire, newer-questionnaire,
 *     questionnaire-mismatch; shipped-questionnaires.ts);
 * 10. the dates: not in the future, in agreement with each other (future-date, dates-disagree; check-dates.ts);
 *     the items listed as changed since a review, items of the questionnaire (unknown-item);
 * 11. each answer against its item (unknown-item, item-not-applicable, answer-type, unknown-choice, out-of-range;
 *     check-answers.ts);
 * 12. every figure the content can give, recomputed (figure-mismatch; recompute-figures.ts); the others are
 *     listed as declared (declared-figures.ts).
 *
 * Pure apart from WebCrypto: no DOM, no storage, so it runs in a Web Worker, in Node and in tests alike. Nothing is
 * written here; storing a validated file is the caller's next, separate step.
 */

export const DEFAULT_MAX_JSON_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_ZIP_BYTES = 512 * 1024 * 1024;
export const EXPORT_JSON_ENTRY = 'export.json';
export const EVIDENCE_FOLDER = 'evidence/';

export interface ValidatedExport {
  ok: true;
  fileName: string;
  envelope: ExportEnvelope;
  /** The verified digest (hex), the same for two copies of one file. */
  digest: string;
  /** The fingerprint of the key that signed the file, when it is signed (verified). */
  keyFingerprint?: string;
  /** The file's own format version when it was migrated to the current one. */
  migratedFrom?: number;
  /** Names of the migrations applied, in order. */
  migrations?: string[];
  container: 'json' | 'zip';
  /** Evidence files of a zip, keyed by SHA-256 (only with `keepEvidenceFiles`). */
  evidenceFiles?: Record<string, Uint8Array>;
  /** How many evidence files a zip held (all checked). */
  evidenceFileCount?: number;
  /**
   * The groups of figures taken as the establishment declared them, because the file does not hold what they are
   * computed from (the statistics level); every other figure was recomputed and matched. Empty when nothing is
   * declared. See declared-figures.ts and docs/export-format.md.
   */
  declaredFigures: DeclaredFigure[];
}

export interface RejectedExport {
  ok: false;
  fileName: string;
  code: ExportErrorCode;
  /** Where in the file: a field path such as content.answers["care.gov.01"].comment, or a zip entry. */
  path?: string;
  /** A technical detail (the zod code, the size, the version found), for the command line and support. */
  detail?: string;
}

export type ExportValidation = ValidatedExport | RejectedExport;

export interface ValidateExportOptions {
  /** Largest file accepted, checked before reading: 16 MiB for JSON and 512 MiB for a zip unless given. */
  maxBytes?: number;
  /** Refuse unsigned files. */
  requireSignature?: boolean;
  /** Return the evidence files of a zip (they are always checked). */
  keepEvidenceFiles?: boolean;
  /** For tests: another migration chain. */
  migrations?: readonly ExportMigration[];
  /** The questionnaires this build ships, which the answers are read against (shipped-questionnaires.ts). */
  questionnaires: ShippedQuestionnaires;
  /** The time the export date is compared with (ms since epoch); now unless given (tests). */
  now?: number;
}

type PathSegment = PropertyKey;

/** A zod path as a reader can follow it: dots between plain names, brackets for indices and dotted keys. */
export function formatIssuePath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Step<T> = { ok: true; value: T } | RejectedExport;

interface Container {
  json: Uint8Array | string;
  kind: 'json' | 'zip';
  evidence: [string, Uint8Array][];
}

function openContainer(data: Uint8Array | string, fileName: string, maxJson: number, maxZip: number): Step<Container> {
  const reject = (code: ExportErrorCode, path?: string, detail?: string): RejectedExport => ({
    ok: false,
    fileName,
    code,
    ...(path !== undefined ? { path } : {}),
    ...(detail !== undefined ? { detail } : {}),
  });
  if (typeof data === 'string') {
    // A string of n UTF-16 units is at least n bytes of UTF-8. A byte-order mark is dropped, as TextDecoder does.
    if (data.length > maxJson) return reject('too-large', undefined, `${data.length} > ${maxJson}`);
    const json = data.startsWith('\ufeff') ? data.slice(1) : data;
    return { ok: true, value: { json, kind: 'json', evidence: [] } };
  }
  if (!isZip(data)) {
    if (data.byteLength > maxJson) return reject('too-large', undefined, `${data.byteLength} > ${maxJson}`);
    return { ok: true, value: { json: data, kind: 'json', evidence: [] } };
  }
  if (data.byteLength > maxZip) return reject('too-large', undefined, `${data.byteLength} > ${maxZip}`);
  let oversized: string | undefined;
  let refusedEntry: { name: string; why: string } | undefined;
  const names = new Set<string>();
  let announced = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, {
      // Sizes are read from the zip's directory before anything is inflated, so a zip bomb is refused unread.
      filter: (file) => {
        const why = zipEntryProblem(file.name, names);
        names.add(file.name);
        if (why) refusedEntry ??= { name: file.name, why };
        if (why || file.name.endsWith('/')) return false;
        announced += file.originalSize;
        const limit = file.name === EXPORT_JSON_ENTRY ? maxJson : maxZip;
        if (file.originalSize > limit || announced > maxZip) oversized ??= file.name;
        return oversized === undefined;
      },
    });
  } catch (error) {
    return reject('not-a-zip', undefined, error instanceof Error ? error.message : String(error));
  }
  if (refusedEntry !== undefined) return reject('zip-entry', refusedEntry.name, refusedEntry.why);
  if (oversized !== undefined) return reject('too-large', oversized);
  const json = entries[EXPORT_JSON_ENTRY];
  if (!json) return reject('not-a-zip', EXPORT_JSON_ENTRY, 'missing');
  const evidence = Object.entries(entries).filter(([name]) => name.startsWith(EVIDENCE_FOLDER));
  return { ok: true, value: { json, kind: 'zip', evidence } };
}

/**
 * Why a zip entry is refused, if it is: a zip holds export.json and the evidence files under evidence/ (folders
 * there are harmless: archivers add them), nothing else; and no name that an unzip tool could write outside its
 * folder (`..`, an absolute path, a backslash, which Windows reads as a separator) or that hides another entry (the
 * same name twice: zip readers disagree on which one counts).
 */
function zipEntryProblem(name: string, seen: ReadonlySet<string>): string | undefined {
  if (seen.has(name)) return 'the same name twice';
  if (name.includes('\\')) return 'a backslash in the name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.split('/').some((segment) => segment === '..')) return 'a ".." in the path';
  if (name !== EXPORT_JSON_ENTRY && !name.startsWith(EVIDENCE_FOLDER))
    return 'neither export.json nor an evidence file';
  return undefined;
}

async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

async function validate(
  data: Uint8Array | string,
  fileName: string,
  options: ValidateExportOptions,
): Promise<ExportValidation> {
  const reject = (code: ExportErrorCode, path?: string, detail?: string): RejectedExport => ({
    ok: false,
    fileName,
    code,
    ...(path !== undefined ? { path } : {}),
    ...(detail !== undefined ? { detail } : {}),
  });
  const maxJson = options.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  const maxZip = options.maxBytes ?? DEFAULT_MAX_ZIP_BYTES;

  // 1–2. Size and container.
  const opened = openContainer(data, fileName, maxJson, maxZip);
  if (!opened.ok) return opened;
  const container = opened.value;

  // 3. UTF-8 (a byte-order mark is allowed and dropped) and JSON.
  let text: string;
  try {
    text =
      typeof container.json === 'string'
        ? container.json
        : new TextDecoder('utf-8', { fatal: true }).decode(container.json);
  } catch {
    return reject('not-json', undefined, 'not UTF-8');
  }
  // JSON.parse, refusing what it accepts silently: a name twice in one object (the digest's RFC 8785 requires
  // I-JSON), "__proto__"/"constructor"/"prototype" members, absurd nesting (src/domain/strict-json.ts).
  const read = parseStrictJson(text);
  if (!read.ok) {
    if (read.problem === 'syntax') return reject('not-json', undefined, read.detail);
    const code = read.problem === 'lone-surrogate' ? 'lone-surrogate' : 'invalid';
    return reject(code, formatIssuePath(read.path) || undefined, read.detail);
  }
  const raw = read.value;

  // 4. Format and version.
  if (!isPlainObject(raw) || raw.format !== EXPORT_FORMAT) return reject('not-an-export', 'format');
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return reject('invalid', 'formatVersion', 'not a format version');
  if (version > EXPORT_FORMAT_VERSION)
    return reject('newer-format', 'formatVersion', `${version} > ${EXPORT_FORMAT_VERSION}`);
  const migrated = migrateToCurrent(raw, version, options.migrations ?? defaultMigrations);
  if (!migrated.ok) return reject('invalid', 'formatVersion', `no migration from version ${migrated.missingFrom}`);

  // 5. Schema of the current version, sharing-level rules included.
  const parsed = exportEnvelopeSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const extra = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1})` : '';
    // A member the format does not know is named itself, not only the object holding it (or nothing at the root).
    const where = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue?.path;
    const missingJustification =
      issue?.message === exportIssueMessages.required && issue.path.at(-1) === 'justification';
    return reject(
      missingJustification ? 'justification-missing' : 'invalid',
      where ? formatIssuePath(where) || undefined : undefined,
      `${issue?.message ?? ''}${extra}`,
    );
  }
  const envelope = parsed.data;

  // 6. Digest, over the file as it was written (its own version, before any migration).
  const digest = await computeExportDigest(raw);
  if (digest !== envelope.integrity.digest) return reject('digest-mismatch', 'integrity.digest');

  // 7. Signature.
  let fingerprint: string | undefined;
  if (envelope.signature) {
    const { publicKeyJwk, keyFingerprint: claimed, value } = envelope.signature;
    fingerprint = await keyFingerprint(publicKeyJwk);
    if (fingerprint !== claimed) return reject('bad-signature', 'signature.keyFingerprint');
    if (!(await verifyDigestSignature(publicKeyJwk, digest, value))) return reject('bad-signature', 'signature.value');
  } else if (options.requireSignature) {
    return reject('unsigned', 'signature');
  }

  // 8. Evidence files of a zip: each must be in the manifest, and the manifest must be complete.
  let evidenceFiles: Record<string, Uint8Array> | undefined;
  if (container.kind === 'zip') {
    const manifest = envelope.content.evidence ?? [];
    const wanted = new Set(manifest.map((e) => e.sha256));
    const found: Record<string, Uint8Array> = {};
    for (const [name, bytes] of container.evidence) {
      const sha = await sha256OfBytes(bytes);
      if (!wanted.has(sha)) return reject('evidence-mismatch', name, 'not in content.evidence or altered');
      found[sha] = bytes;
    }
    const missing = manifest.findIndex((e) => found[e.sha256] === undefined);
    if (missing >= 0) return reject('evidence-mismatch', `content.evidence[${missing}]`, 'file missing from the zip');
    if (options.keepEvidenceFiles) evidenceFiles = found;
  }

  // 9–12. The content against the questionnaire it names, its dates, and its figures recomputed.
  const refusal = await checkContent(envelope, options);
  if (refusal) return reject(refusal.code, formatIssuePath(refusal.path), refusal.detail);

  return {
    ok: true,
    fileName,
    envelope,
    digest,
    ...(fingerprint !== undefined ? { keyFingerprint: fingerprint } : {}),
    ...(migrated.applied.length > 0 ? { migratedFrom: version, migrations: migrated.applied } : {}),
    container: container.kind,
    declaredFigures: declaredFiguresOf(envelope),
    ...(evidenceFiles ? { evidenceFiles } : {}),
    ...(container.kind === 'zip' ? { evidenceFileCount: container.evidence.length } : {}),
  };
}

/** Steps 9 to 12: the first refusal, or undefined when the content holds together. */
async function checkContent(envelope: ExportEnvelope, options: ValidateExportOptions) {
  const { content } = envelope;
  const found = await findShippedQuestionnaire(content.questionnaire, options.questionnaires);
  if (!found.ok) return found;
  const audiences = audiencesOf(envelope.establishment);
  return (
    checkDates(envelope, options.now ?? Date.now()) ??
    checkReviewChanges(content, found.index) ??
    (content.answers ? checkAnswers(content.answers, found.index, audiences, envelope.exportedAt) : undefined) ??
    recomputeFigures(content, found.index, audiences)
  );
}

/** The items a file says changed since a review must be items of its questionnaire (format version 2). */
function checkReviewChanges(content: ExportEnvelope['content'], index: QuestionnaireIndex): ContentRefusal | undefined {
  const ids = content.reviewChanges?.changedItemIds ?? [];
  const unknown = ids.findIndex((id) => !index.items.has(id));
  if (unknown >= 0)
    return {
      code: 'unknown-item',
      path: ['content', 'reviewChanges', 'changedItemIds', unknown],
      detail: `no item "${ids[unknown]}" in ${index.questionnaire.id} ${index.questionnaire.version}`,
    };
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0)
    return { code: 'invalid', path: ['content', 'reviewChanges', 'changedItemIds', twice], detail: 'listed twice' };
  return undefined;
}

/** Validates one export file (JSON or zip). Never throws: any failure is a {@link RejectedExport}. */
export async function validateExportFile(
  data: Uint8Array | string,
  fileName: string,
  options: ValidateExportOptions,
): Promise<ExportValidation> {
  try {
    return await validate(data, fileName, options);
  } catch (error) {
    // Anything unforeseen (a stack overflow on absurd nesting, a crypto failure) still refuses the file, named.
    return {
      ok: false,
      fileName,
      code: 'invalid',
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
