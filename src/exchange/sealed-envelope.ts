import type { z } from 'zod';
import { parseStrictJson } from '../domain/strict-json';
import { canonicalJson, computeExportDigest, fromHex, sha256HexOfText } from './canonical-digest';
import { toBase64Url } from './base64url';
import { migrateToCurrent, type ExportMigration } from './migrations';
import { keyFingerprint, verifyDigestSignature, type ExportSigner } from './signing';
import { DEFAULT_MAX_JSON_BYTES, formatIssuePath } from './validate-export';

/**
 * The envelope every file exchanged between installations shares (docs/export-format.md, "Digest and signature"):
 * `format`, `formatVersion`, the content, `integrity` (SHA-256 of the RFC 8785 canonical JSON of the rest) and
 * `signature` (ECDSA P-256 / SHA-256 of that digest). Sealing and opening are written once here for the delegation
 * files (issue 19), in the order the export's validation follows (validate-export.ts): size, UTF-8 and strict JSON,
 * format and version (with the format's named migrations), schema, digest, signature. What is particular to a kind
 * of file — the questionnaire it names, the file it answers — is checked by its own validation afterwards.
 */

export type EnvelopeRefusalCode =
  | 'too-large'
  | 'not-json'
  | 'lone-surrogate'
  | 'invalid'
  | 'wrong-format'
  | 'newer-format'
  | 'digest-mismatch'
  | 'bad-signature'
  | 'unsigned';

export interface EnvelopeRefusal {
  ok: false;
  code: EnvelopeRefusalCode;
  /** Where in the file: a field path such as items[3].itemId. */
  path?: string;
  detail?: string;
  /** With `wrong-format`: the `format` the file says it is, when it says one. */
  foundFormat?: string;
}

export interface OpenedEnvelope<T> {
  ok: true;
  envelope: T;
  /** The verified digest (hex). */
  digest: string;
  /** The fingerprint of the key that signed the file, when it is signed (verified). */
  keyFingerprint?: string;
  migratedFrom?: number;
  migrations?: string[];
}

export interface EnvelopeKind<T> {
  format: string;
  version: number;
  /** The schema of the sealed envelope, at the current version. */
  schema: z.ZodType<T>;
  migrations: readonly ExportMigration[];
  requireSignature: boolean;
  maxBytes?: number;
}

function refuse(code: EnvelopeRefusalCode, path?: string, detail?: string): EnvelopeRefusal {
  return { ok: false, code, ...(path ? { path } : {}), ...(detail !== undefined ? { detail } : {}) };
}

/** Reads and checks one sealed file. Never throws. */
export async function openSealedEnvelope<T extends { signature?: unknown }>(
  data: Uint8Array | string,
  kind: EnvelopeKind<T>,
): Promise<OpenedEnvelope<T> | EnvelopeRefusal> {
  try {
    const max = kind.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
    const size = typeof data === 'string' ? data.length : data.byteLength;
    if (size > max) return refuse('too-large', undefined, `${size} > ${max}`);
    let text: string;
    if (typeof data === 'string') text = data.startsWith('\ufeff') ? data.slice(1) : data;
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(data);
      } catch {
        return refuse('not-json', undefined, 'not UTF-8');
      }
    }
    const read = parseStrictJson(text);
    if (!read.ok) {
      if (read.problem === 'syntax') return refuse('not-json', undefined, read.detail);
      return refuse(
        read.problem === 'lone-surrogate' ? 'lone-surrogate' : 'invalid',
        formatIssuePath(read.path),
        read.detail,
      );
    }
    const raw = read.value;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('wrong-format', 'format');
    const record = raw as Record<string, unknown>;
    if (record.format !== kind.format)
      return {
        ...refuse('wrong-format', 'format'),
        ...(typeof record.format === 'string' ? { foundFormat: record.format.slice(0, 100) } : {}),
      };
    const version = record.formatVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      return refuse('invalid', 'formatVersion', 'not a format version');
    if (version > kind.version) return refuse('newer-format', 'formatVersion', `${version} > ${kind.version}`);
    const migrated = migrateToCurrent(record, version, kind.migrations, kind.version);
    if (!migrated.ok) return refuse('invalid', 'formatVersion', `no migration from version ${migrated.missingFrom}`);

    const parsed = kind.schema.safeParse(migrated.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const extra = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1})` : '';
      // A member the format does not know is named itself, not only the object holding it.
      const where = issue?.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue?.path;
      return refuse('invalid', where ? formatIssuePath(where) : undefined, `${issue?.message ?? ''}${extra}`);
    }
    const envelope = parsed.data;

    // The digest covers the file as it was written (its own version, before any migration).
    const digest = await computeExportDigest(record);
    const claimed = (migrated.value.integrity as { digest?: unknown } | undefined)?.digest;
    if (digest !== claimed) return refuse('digest-mismatch', 'integrity.digest');

    let fingerprint: string | undefined;
    const signature = envelope.signature as
      { publicKeyJwk: Parameters<typeof keyFingerprint>[0]; keyFingerprint: string; value: string } | undefined;
    if (signature) {
      fingerprint = await keyFingerprint(signature.publicKeyJwk);
      if (fingerprint !== signature.keyFingerprint) return refuse('bad-signature', 'signature.keyFingerprint');
      if (!(await verifyDigestSignature(signature.publicKeyJwk, digest, signature.value)))
        return refuse('bad-signature', 'signature.value');
    } else if (kind.requireSignature) {
      return refuse('unsigned', 'signature');
    }
    return {
      ok: true,
      envelope,
      digest,
      ...(fingerprint !== undefined ? { keyFingerprint: fingerprint } : {}),
      ...(migrated.applied.length > 0 ? { migratedFrom: version, migrations: migrated.applied } : {}),
    };
  } catch (error) {
    return refuse('invalid', undefined, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

/**
 * Adds the integrity digest and, with a signer, the signature. Checks the envelope against its schema first: a file
 * the other side could not read is never written; the error names the first bad member.
 */
export async function sealEnvelope<T>(
  envelope: object,
  unsealedSchema: z.ZodType,
  sealedSchema: z.ZodType<T>,
  signer: ExportSigner | undefined,
): Promise<T> {
  // A JSON round trip leaves exactly what the file will hold (no undefined members, plain objects only).
  const plain = JSON.parse(JSON.stringify(envelope)) as Record<string, unknown>;
  const checked = unsealedSchema.safeParse(plain);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TypeError(`envelope invalid at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const { integrity: _i, signature: _s, ...unsealed } = plain;
  const digest = await sha256HexOfText(canonicalJson(unsealed));
  return sealedSchema.parse({
    ...unsealed,
    integrity: { algorithm: 'SHA-256', canonicalization: 'RFC8785', digest },
    ...(signer
      ? {
          signature: {
            algorithm: 'ECDSA-P256-SHA256',
            publicKeyJwk: signer.publicKeyJwk,
            keyFingerprint: signer.keyFingerprint,
            value: toBase64Url(await signer.sign(fromHex(digest))),
          },
        }
      : {}),
  });
}

/** The bytes of an exchanged file: indented for a human reader; the digest covers the canonical form. */
export function serializeEnvelope(envelope: unknown): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
