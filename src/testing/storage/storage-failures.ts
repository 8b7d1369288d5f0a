import { vi } from 'vitest';
import type { CareDatabase } from '../../storage/care-database';
import { StorageError, type StorageErrorCode } from '../../storage/storage-error';

/**
 * A failure as the storage layer reports it, for tests of components that show one (the save indicator): the
 * components layer itself never imports storage (eslint.config.js, design §5), only receives what it threw.
 */
export function storageFailure(code: StorageErrorCode): StorageError {
  return new StorageError(code);
}

/**
 * Makes the next write of a record into the table fail as IndexedDB fails (a DOMException of that name, e.g. a full
 * disk: QuotaExceededError), inside the real transaction; the writes after it succeed. Restored by
 * vi.restoreAllMocks().
 */
export function failNextPut(table: CareDatabase['assessments'], domExceptionName: string) {
  return vi.spyOn(table, 'put').mockRejectedValueOnce(new DOMException('The write failed.', domExceptionName));
}
