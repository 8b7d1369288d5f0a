// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/hash';
import { CareDatabase, openCareDatabase } from './care-database';
import { getOrCreateSigningKey, getSigningKey, publicKeyFingerprint } from './signing-key-repository';
import { StorageError } from './storage-error';

const freshName = () => `test-${crypto.randomUUID()}`;

describe('the installation signing key', () => {
  it('is created once, stored, and the same afterwards (also from another connection)', async () => {
    const db = await openCareDatabase(freshName());
    expect(await getSigningKey(db)).toBeUndefined();
    const first = await getOrCreateSigningKey(db, 1000);
    const again = await getOrCreateSigningKey(db, 2000);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.createdAt).toBe(1000);
    const other = await new CareDatabase(db.name).installationKeys.get('signing');
    expect(other?.fingerprint).toBe(first.fingerprint);
    expect(other?.publicKeyJwk).toEqual(first.publicKeyJwk);
  });

  it('keeps a private key that cannot be exported, and signs with it', async () => {
    const db = await openCareDatabase(freshName());
    await getOrCreateSigningKey(db);
    const stored = await new CareDatabase(db.name).installationKeys.get('signing');
    if (!stored) throw new Error('no key');
    expect(stored.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored.privateKey)).rejects.toThrow();
    const message = new TextEncoder().encode('digest');
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, stored.privateKey, message);
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      stored.publicKeyJwk,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, message)).toBe(true);
  });

  it('has the RFC 7638 thumbprint of its public key as fingerprint', async () => {
    const db = await openCareDatabase(freshName());
    const key = await getOrCreateSigningKey(db);
    expect(Object.keys(key.publicKeyJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const { x = '', y = '' } = key.publicKeyJwk;
    const input = `{"crv":"P-256","kty":"EC","x":"${x}","y":"${y}"}`;
    expect(key.fingerprint).toBe(await sha256Hex(new TextEncoder().encode(input)));
    expect(await publicKeyFingerprint({ x, y })).toBe(key.fingerprint);
  });

  it('is not created in data opened read-only', async () => {
    const db = await openCareDatabase(freshName());
    db.access = 'read-only';
    await expect(getOrCreateSigningKey(db)).rejects.toSatisfy(
      (e) => e instanceof StorageError && e.code === 'data-newer-than-app',
    );
    expect(await db.installationKeys.count()).toBe(0);
  });
});
