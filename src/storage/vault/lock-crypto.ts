import { StorageError } from '../storage-error';

/**
 * The cryptography of the optional passphrase lock, with WebCrypto only (issue 9).
 *
 * Key hierarchy: a random AES-GCM-256 data key (DEK) encrypts the records; a key-encryption key (KEK) derived from
 * the passphrase with PBKDF2-HMAC-SHA256 wraps the DEK (AES-GCM wrapKey, 12-byte IV). What is stored, the envelope,
 * holds the salt, the iteration count, the wrapped DEK and its IV, the algorithm names and a version; never the
 * passphrase nor a key in clear. Changing the passphrase unwraps the DEK with the old KEK and wraps it with a new
 * one: the records sealed with the DEK stay as they are.
 *
 * Iterations: 600,000 for PBKDF2-HMAC-SHA256, the OWASP Password Storage Cheat Sheet figure (2023, from NIST
 * SP 800-132's "as large as feasible" and current GPU cracking rates). An envelope with fewer is refused when read,
 * so that data altered to a weaker setting is not opened as if it were protected.
 *
 * Sealed values are AES-GCM with a fresh random 12-byte IV per write (NIST SP 800-38D §8.2.2: random IVs keep the
 * collision risk negligible far beyond this app's writes) and additional authenticated data naming the table and the
 * record (and the item for an answer), so that a blob copied onto another record fails to open.
 */
export const PBKDF2_ITERATIONS = 600_000;
/** Refusing more than this keeps an altered envelope from freezing the page in PBKDF2 for minutes. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
/** Long enough for a phrase of a few words; no strength meter (NIST SP 800-63B §5.1.1.2 asks for length, not rules). */
export const PASSPHRASE_MIN_LENGTH = 12;
export const LOCK_ENVELOPE_VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** A 256-bit key wrapped with AES-GCM: 32 bytes and the 16-byte tag. */
const WRAPPED_KEY_BYTES = 48;

export interface LockEnvelope {
  version: typeof LOCK_ENVELOPE_VERSION;
  /** Names this data key: it changes only when the lock is turned off and on again, not with the passphrase. */
  keyId: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: ArrayBuffer };
  wrap: { name: 'AES-GCM'; iv: ArrayBuffer; wrappedKey: ArrayBuffer };
  cipher: { name: 'AES-GCM'; length: 256 };
  createdAt: number;
  changedAt: number;
}

/** One AES-GCM ciphertext (tag included) and its IV. */
export interface SealedBox {
  iv: ArrayBuffer;
  data: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The passphrase as it is derived: Unicode NFC, so that « é » typed as one character or as e + accent (keyboards and
 * systems differ) opens the same data.
 */
function normalized(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Characters as a person counts them (grapheme clusters: « é » is one, however it was typed), not UTF-16 units. */
export function passphraseLength(passphrase: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(passphrase)) count++;
  return count;
}

export function assertPassphraseLength(passphrase: string): void {
  if (passphraseLength(passphrase) < PASSPHRASE_MIN_LENGTH) throw new StorageError('passphrase-too-short');
}

function randomBytes(length: number): ArrayBuffer {
  return crypto.getRandomValues(new Uint8Array(length)).buffer;
}

function dekAad(keyId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`care-autodiag/lock/v${LOCK_ENVELOPE_VERSION}/dek/${keyId}`);
}

async function deriveKek(passphrase: string, salt: ArrayBuffer, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(normalized(passphrase)), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function wrapDek(
  dek: CryptoKey,
  passphrase: string,
  keyId: string,
): Promise<{ kdf: LockEnvelope['kdf']; wrap: LockEnvelope['wrap']; kek: CryptoKey }> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const kek = await deriveKek(passphrase, salt, PBKDF2_ITERATIONS);
  const wrappedKey = await crypto.subtle.wrapKey('raw', dek, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: dekAad(keyId),
  });
  return {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt },
    wrap: { name: 'AES-GCM', iv, wrappedKey },
    kek,
  };
}

function unwrapDek(envelope: LockEnvelope, kek: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    envelope.wrap.wrappedKey,
    kek,
    { name: 'AES-GCM', iv: envelope.wrap.iv, additionalData: dekAad(envelope.keyId) },
    { name: 'AES-GCM', length: 256 },
    extractable,
    ['encrypt', 'decrypt'],
  );
}

/**
 * A new lock: a fresh data key wrapped under the passphrase. The key returned for this session is not extractable:
 * the DEK is generated extractable only so that it can be wrapped, then unwrapped again as a non-extractable key.
 */
export async function createLock(
  passphrase: string,
  now: number = Date.now(),
): Promise<{ envelope: LockEnvelope; key: CryptoKey }> {
  assertPassphraseLength(passphrase);
  const keyId = crypto.randomUUID();
  const dek = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const { kdf, wrap, kek } = await wrapDek(dek, passphrase, keyId);
  const envelope: LockEnvelope = {
    version: LOCK_ENVELOPE_VERSION,
    keyId,
    kdf,
    wrap,
    cipher: { name: 'AES-GCM', length: 256 },
    createdAt: now,
    changedAt: now,
  };
  return { envelope, key: await unwrapDek(envelope, kek, false) };
}

/**
 * The data key of an envelope, or 'wrong-passphrase' (AES-GCM authentication of the wrapped key fails: nothing else
 * tells a wrong passphrase from a right one). Only the passphrase change asks for an extractable key.
 */
export async function openLock(
  envelope: LockEnvelope,
  passphrase: string,
  options: { extractable?: boolean } = {},
): Promise<CryptoKey> {
  const checked = readLockEnvelope(envelope);
  const kek = await deriveKek(passphrase, checked.kdf.salt, checked.kdf.iterations);
  try {
    return await unwrapDek(checked, kek, options.extractable ?? false);
  } catch {
    throw new StorageError('wrong-passphrase');
  }
}

/**
 * The same data key wrapped under a new passphrase (new salt, new IV): the only thing a passphrase change writes.
 * Returns the new envelope and a non-extractable key for the session.
 */
export async function rewrapLock(
  envelope: LockEnvelope,
  oldPassphrase: string,
  newPassphrase: string,
  now: number = Date.now(),
): Promise<{ envelope: LockEnvelope; key: CryptoKey }> {
  assertPassphraseLength(newPassphrase);
  const dek = await openLock(envelope, oldPassphrase, { extractable: true });
  const { kdf, wrap, kek } = await wrapDek(dek, newPassphrase, envelope.keyId);
  const next: LockEnvelope = { ...envelope, kdf, wrap, changedAt: now };
  return { envelope: next, key: await unwrapDek(next, kek, false) };
}

function isBuffer(value: unknown, length?: number): value is ArrayBuffer {
  return value instanceof ArrayBuffer && (length === undefined || value.byteLength === length);
}

/**
 * Checks an envelope read from storage (it is data, and could have been altered): shape, algorithm names and an
 * iteration count of at least {@link PBKDF2_ITERATIONS}. Hand-written rather than zod: it loads with the first screen.
 */
export function readLockEnvelope(value: unknown): LockEnvelope {
  const invalid = (why: string) => new StorageError('lock-settings-invalid', why);
  const record = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  if (typeof value !== 'object' || value === null) throw invalid('not an object');
  const e = record(value);
  const kdf = record(e.kdf);
  const wrap = record(e.wrap);
  const cipher = record(e.cipher);
  if (e.version !== LOCK_ENVELOPE_VERSION) throw invalid(`version ${String(e.version)}`);
  if (typeof e.keyId !== 'string' || e.keyId === '') throw invalid('keyId');
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') throw invalid('kdf');
  const iterations = kdf.iterations;
  if (
    typeof iterations !== 'number' ||
    !Number.isInteger(iterations) ||
    iterations < PBKDF2_ITERATIONS ||
    iterations > PBKDF2_MAX_ITERATIONS
  )
    throw invalid(`iterations ${String(iterations)}`);
  if (!isBuffer(kdf.salt) || kdf.salt.byteLength < SALT_BYTES) throw invalid('salt');
  if (wrap.name !== 'AES-GCM' || !isBuffer(wrap.iv, IV_BYTES) || !isBuffer(wrap.wrappedKey, WRAPPED_KEY_BYTES))
    throw invalid('wrap');
  if (cipher.name !== 'AES-GCM' || cipher.length !== 256) throw invalid('cipher');
  if (typeof e.createdAt !== 'number' || typeof e.changedAt !== 'number') throw invalid('dates');
  return value as LockEnvelope;
}

/** Whether a value stored in a record is a sealed box (rather than clear data). */
export function isSealedBox(value: unknown): value is SealedBox {
  if (typeof value !== 'object' || value === null) return false;
  const box = value as Partial<SealedBox>;
  return isBuffer(box.iv, IV_BYTES) && isBuffer(box.data);
}

export async function sealBytes(key: CryptoKey, aad: string, bytes: BufferSource): Promise<SealedBox> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(aad) }, key, bytes);
  return { iv, data };
}

export async function openBytes(key: CryptoKey, aad: string, box: SealedBox): Promise<ArrayBuffer> {
  try {
    return await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: box.iv, additionalData: encoder.encode(aad) },
      key,
      box.data,
    );
  } catch {
    throw new StorageError('sealed-data-unreadable', aad);
  }
}

export function sealJson(key: CryptoKey, aad: string, value: unknown): Promise<SealedBox> {
  return sealBytes(key, aad, encoder.encode(JSON.stringify(value)));
}

export async function openJson(key: CryptoKey, aad: string, box: SealedBox): Promise<unknown> {
  const bytes = await openBytes(key, aad, box);
  return JSON.parse(decoder.decode(bytes)) as unknown;
}
