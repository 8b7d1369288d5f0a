import { z } from 'zod';
import { parseStrictJson } from '../strict-json';
import type { KeyDecisions } from './key-trust';

/**
 * The known-keys file of the command line (`verify` and `consolidate --known-keys <file>`): the keys remembered for
 * each FINESS and the auditor's decisions about them, the command line's counterpart of the app's trustedKeys store
 * (src/domain/trust/key-trust.ts). JSON, written by the command line and editable by hand:
 *
 *   {
 *     "format": "care-autodiag/known-keys",
 *     "formatVersion": 1,
 *     "keys": [
 *       { "finess": "010780914", "fingerprint": "<64 hex>", "firstSeenAt": "2026-03-02T09:00:00.000Z",
 *         "previous": [], "rejected": [] }
 *     ]
 *   }
 *
 * Read strictly (untrusted input is data, design principle 6): a member the format does not have, a duplicate
 * member name, a fingerprint that is not 64 lowercase hexadecimal digits or a FINESS twice refuses the whole file,
 * with the path of the field at fault, so that a typing mistake never silently trusts or forgets a key.
 */

export const KNOWN_KEYS_FORMAT = 'care-autodiag/known-keys';
export const KNOWN_KEYS_FORMAT_VERSION = 1;

const fingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/, 'fingerprint');

const knownKeySchema = z.strictObject({
  finess: z.string().regex(/^(\d{9}|2[AB]\d{7})$/, 'finess'),
  fingerprint: fingerprintSchema,
  firstSeenAt: z.iso.datetime({ offset: true }),
  previous: z.array(fingerprintSchema).optional(),
  rejected: z.array(fingerprintSchema).optional(),
});

const knownKeysFileSchema = z.strictObject({
  format: z.literal(KNOWN_KEYS_FORMAT),
  formatVersion: z.literal(KNOWN_KEYS_FORMAT_VERSION),
  keys: z.array(knownKeySchema),
});

export interface KnownKey extends KeyDecisions {
  finess: string;
  firstSeenAt: string;
  previous?: string[] | undefined;
  rejected?: string[] | undefined;
}

export type KnownKeysRead = { ok: true; keys: Map<string, KnownKey> } | { ok: false; path: string; detail: string };

/** A path as a reader follows it: `keys[3].fingerprint`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** Reads the text of a known-keys file; refuses it whole, naming the field, when anything in it is wrong. */
export function readKnownKeys(text: string): KnownKeysRead {
  const json = parseStrictJson(text.startsWith('\ufeff') ? text.slice(1) : text);
  if (!json.ok) return { ok: false, path: pathText(json.path) || '$', detail: json.detail };
  const parsed = knownKeysFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, path: pathText(issue?.path ?? []) || 'format', detail: issue?.message ?? 'invalid' };
  }
  const keys = new Map<string, KnownKey>();
  for (const [index, key] of parsed.data.keys.entries()) {
    if (keys.has(key.finess)) return { ok: false, path: `keys[${index}].finess`, detail: 'duplicate' };
    keys.set(key.finess, key);
  }
  return { ok: true, keys };
}

/** The text of a known-keys file, sorted by FINESS so that two runs over the same files write the same bytes. */
export function writeKnownKeys(keys: Iterable<KnownKey>): string {
  const sorted = [...keys].sort((a, b) => (a.finess < b.finess ? -1 : a.finess > b.finess ? 1 : 0));
  const file = {
    format: KNOWN_KEYS_FORMAT,
    formatVersion: KNOWN_KEYS_FORMAT_VERSION,
    keys: sorted.map((k) => ({
      finess: k.finess,
      fingerprint: k.fingerprint,
      firstSeenAt: k.firstSeenAt,
      ...(k.previous?.length ? { previous: k.previous } : {}),
      ...(k.rejected?.length ? { rejected: k.rejected } : {}),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
