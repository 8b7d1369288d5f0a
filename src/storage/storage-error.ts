/** Storage failures as typed codes; the interface turns each into a sentence (src/texts/describe-error.ts). */
export const storageErrorCodes = [
  'data-newer-than-app',
  'quota-exceeded',
  'database-closed',
  'write-failed',
  'not-found',
  'assessment-exists',
  'invalid-record',
  /** The passphrase lock is on and this tab holds no key: nothing can be read or written until it is unlocked. */
  'locked',
  'wrong-passphrase',
  'passphrase-too-short',
  /** A sealed record failed AES-GCM authentication: altered, moved to another record, or damaged. */
  'sealed-data-unreadable',
  /** The lock's stored parameters are malformed or weaker than the minimum (PBKDF2 under 600,000 iterations). */
  'lock-settings-invalid',
] as const;
export type StorageErrorCode = (typeof storageErrorCodes)[number];

export function isStorageErrorCode(value: unknown): value is StorageErrorCode {
  return typeof value === 'string' && (storageErrorCodes as readonly string[]).includes(value);
}

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** Maps what IndexedDB or Dexie threw onto a code, keeping the original message as detail. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
    return new StorageError('quota-exceeded', message);
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError')
    return new StorageError('database-closed', message);
  return new StorageError('write-failed', message);
}
