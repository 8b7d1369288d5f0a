import { sha256Hex } from '../domain/hash';
import type { CareDatabase, InstallationKeyRow } from './care-database';
import { toStorageError } from './storage-error';

/**
 * This installation's signing key (ECDSA P-256), created once and kept in IndexedDB. The private key is created
 * non-extractable: IndexedDB stores the CryptoKey object itself, and no code, backup or export can read its bytes
 * (the backup leaves this table out). Export files are signed with it; its fingerprint is shown in the settings and
 * the export screen, and printed on the report, so that an auditor can check it by another channel.
 */

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * SHA-256 (hex) of the RFC 7638 thumbprint input {"crv","kty","x","y"}, members in that order and without spaces.
 * x and y are base64url, which JSON writes unescaped, so this string is also their RFC 8785 canonical JSON: the same
 * fingerprint as src/exchange/signing.ts computes when it checks a file (the export feature's tests compare them).
 */
export async function publicKeyFingerprint(jwk: { x: string; y: string }): Promise<string> {
  const input = `{"crv":"P-256","kty":"EC","x":${JSON.stringify(jwk.x)},"y":${JSON.stringify(jwk.y)}}`;
  return sha256Hex(new TextEncoder().encode(input));
}

export async function getSigningKey(db: CareDatabase): Promise<InstallationKeyRow | undefined> {
  return db.installationKeys.get('signing');
}

/**
 * The installation's key, created at the first call. Key generation is not an IndexedDB operation, so it happens
 * before the transaction; if another tab stored a key meanwhile, that one is kept and the new one dropped.
 */
export async function getOrCreateSigningKey(db: CareDatabase, now: number = Date.now()): Promise<InstallationKeyRow> {
  const existing = await getSigningKey(db);
  if (existing) return existing;
  db.assertWritable();
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new TypeError('P-256 public key without x or y');
  const row: InstallationKeyRow = {
    id: 'signing',
    privateKey: pair.privateKey,
    publicKeyJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
    fingerprint: await publicKeyFingerprint({ x: jwk.x, y: jwk.y }),
    createdAt: now,
  };
  try {
    return await db.transaction('rw', db.installationKeys, async () => {
      const stored = await db.installationKeys.get('signing');
      if (stored) return stored;
      await db.installationKeys.add(row);
      return row;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
