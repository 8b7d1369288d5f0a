import { StorageError, type StorageErrorCode } from '../../storage/storage-error';

/**
 * A failure as the storage layer reports it, for tests of components that show one (the save indicator): the
 * components layer itself never imports storage (eslint.config.js, design §5), only receives what it threw.
 */
export function storageFailure(code: StorageErrorCode): StorageError {
  return new StorageError(code);
}
