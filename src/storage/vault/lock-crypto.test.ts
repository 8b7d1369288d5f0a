// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { StorageError } from '../storage-error';
import {
  createLock,
  openJson,
  openLock,
  PBKDF2_ITERATIONS,
  passphraseLength,
  readLockEnvelope,
  rewrapLock,
  sealJson,
  type LockEnvelope,
} from './lock-crypto';

const passphrase = 'le chat dort sur le serveur';
const other = 'une autre phrase bien longue';

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof StorageError && e.code === code);
}

describe('the lock envelope', () => {
  it('records PBKDF2-SHA256 with at least 600,000 iterations, a 16-byte salt and the algorithm names', async () => {
    const { envelope } = await createLock(passphrase, 1000);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(envelope.kdf.salt.byteLength).toBe(16);
    expect(envelope.wrap.name).toBe('AES-GCM');
    expect(envelope.wrap.iv.byteLength).toBe(12);
    expect(envelope.cipher).toEqual({ name: 'AES-GCM', length: 256 });
    expect(envelope).toMatchObject({ version: 1, createdAt: 1000, changedAt: 1000 });
  });

  it('holds neither the passphrase nor the data key in clear', async () => {
    const { envelope } = await createLock(passphrase);
    const bytes = [envelope.kdf.salt, envelope.wrap.iv, envelope.wrap.wrappedKey].map((b) =>
      Buffer.from(b).toString('latin1'),
    );
    expect(JSON.stringify(envelope) + bytes.join('')).not.toContain('chat dort');
  });

  it('gives a session key that cannot be exported', async () => {
    const { envelope, key } = await createLock(passphrase);
    expect(key.extractable).toBe(false);
    expect((await openLock(envelope, passphrase)).extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('refuses an envelope with fewer than 600,000 iterations, even with the right passphrase', async () => {
    const { envelope } = await createLock(passphrase);
    const weak: LockEnvelope = { ...envelope, kdf: { ...envelope.kdf, iterations: 599_999 } };
    expect(() => readLockEnvelope(weak)).toThrow(StorageError);
    await expectCode(openLock(weak, passphrase), 'lock-settings-invalid');
  });

  it('refuses malformed envelopes', () => {
    for (const value of [null, 'x', {}, { version: 2 }]) {
      expect(() => readLockEnvelope(value)).toThrow(StorageError);
    }
  });

  it('refuses a passphrase shorter than 12 characters, counting accented letters once', async () => {
    await expectCode(createLock('court'), 'passphrase-too-short');
    expect(passphraseLength('e\u0301te\u0301 e\u0301te\u0301')).toBe(7);
    await expectCode(createLock('été été été'), 'passphrase-too-short');
  });
});

describe('sealing with the data key', () => {
  it('opens what it sealed, with the passphrase, after a reload (a new key from the envelope)', async () => {
    const { envelope, key } = await createLock(passphrase);
    const box = await sealJson(key, 'assessments/a1', { comment: 'PSSI non signée', value: 42 });
    const reopened = await openLock(envelope, passphrase);
    expect(await openJson(reopened, 'assessments/a1', box)).toEqual({ comment: 'PSSI non signée', value: 42 });
  });

  it('opens a passphrase typed with decomposed accents as the same passphrase', async () => {
    const composed = 'la clé est sous le paillasson';
    const { envelope } = await createLock(composed);
    await expect(openLock(envelope, composed.normalize('NFD'))).resolves.toBeDefined();
  });

  it('refuses a wrong passphrase', async () => {
    const { envelope } = await createLock(passphrase);
    await expectCode(openLock(envelope, other), 'wrong-passphrase');
    await expectCode(openLock(envelope, passphrase.toUpperCase()), 'wrong-passphrase');
  });

  it('uses a fresh IV for every write', async () => {
    const { key } = await createLock(passphrase);
    const first = await sealJson(key, 't/1', 'same');
    const second = await sealJson(key, 't/1', 'same');
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    expect(Buffer.from(first.data).equals(Buffer.from(second.data))).toBe(false);
  });

  it('binds a sealed value to its record: copied onto another record, it does not open', async () => {
    const { key } = await createLock(passphrase);
    const box = await sealJson(key, 'budgets/b1', { itOperatingCharges: 1_250_000 });
    await expectCode(openJson(key, 'budgets/b2', box), 'sealed-data-unreadable');
    await expectCode(openJson(key, 'actions/b1', box), 'sealed-data-unreadable');
  });

  it('detects a changed byte in the data or the IV', async () => {
    const { key } = await createLock(passphrase);
    const box = await sealJson(key, 'budgets/b1', { itOperatingCharges: 1_250_000 });
    const data = new Uint8Array(box.data.slice(0));
    data[3] = (data[3] ?? 0) ^ 1;
    await expectCode(openJson(key, 'budgets/b1', { iv: box.iv, data: data.buffer }), 'sealed-data-unreadable');
    const iv = new Uint8Array(box.iv.slice(0));
    iv[0] = (iv[0] ?? 0) ^ 0x80;
    await expectCode(openJson(key, 'budgets/b1', { iv: iv.buffer, data: box.data }), 'sealed-data-unreadable');
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the same data key: what was sealed before opens with the new passphrase only', async () => {
    const { envelope, key } = await createLock(passphrase, 1000);
    const box = await sealJson(key, 'evidence/e1', { name: 'audit-AD-2025.pdf' });
    const changed = await rewrapLock(envelope, passphrase, other, 2000);
    expect(changed.envelope).toMatchObject({ keyId: envelope.keyId, createdAt: 1000, changedAt: 2000 });
    expect(Buffer.from(changed.envelope.kdf.salt).equals(Buffer.from(envelope.kdf.salt))).toBe(false);
    expect(await openJson(changed.key, 'evidence/e1', box)).toEqual({ name: 'audit-AD-2025.pdf' });
    expect(await openJson(await openLock(changed.envelope, other), 'evidence/e1', box)).toEqual({
      name: 'audit-AD-2025.pdf',
    });
    await expectCode(openLock(changed.envelope, passphrase), 'wrong-passphrase');
  });

  it('refuses the change when the old passphrase is wrong or the new one too short', async () => {
    const { envelope } = await createLock(passphrase);
    await expectCode(rewrapLock(envelope, other, 'encore une autre phrase'), 'wrong-passphrase');
    await expectCode(rewrapLock(envelope, passphrase, 'court'), 'passphrase-too-short');
  });
});
