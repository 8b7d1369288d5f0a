/** Storage failures as typed codes; the interface turns each into a sentence (src/i18n/describe-error.ts). */
export type StorageErrorCode =
  | 'data-newer-than-app'
  | 'quota-exceeded'
  | 'database-closed'
  | 'write-failed'
  | 'not-found'
  | 'assessment-exists'
  | 'invalid-record';

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
