import type { ExportErrorCode } from '../../exchange/export-error';
import type { ValidatedExport } from '../../exchange/validate-export';
import type { StorageErrorCode } from '../../storage/storage-error';

/**
 * What the page and the validation worker (import.worker.ts) exchange through comlink, and the import's outcome.
 * Types only, so that the page's chunk does not pull in the worker's code (zod, canonical JSON, WebCrypto work).
 */

export interface RejectedFile {
  fileName: string;
  code: ExportErrorCode;
  path?: string;
  detail?: string;
}

/**
 * A validated file as the worker hands it over: the envelope and what was verified, no evidence bytes;
 * `declaredFigures` lists the figures that could not be recomputed from the file (src/exchange/declared-figures.ts).
 */
export type ValidFile = Pick<
  ValidatedExport,
  'ok' | 'fileName' | 'envelope' | 'digest' | 'keyFingerprint' | 'declaredFigures'
>;

export interface BatchValidation {
  valid: ValidFile[];
  rejected: RejectedFile[];
}

/** A file's name and bytes, read on the page and transferred (not copied) to the worker. */
export interface FileBytes {
  name: string;
  /** undefined when the file could not be read (moved, no permission): refused by name. */
  bytes: ArrayBuffer | undefined;
}

export interface ValidatorApi {
  /** Validates files (JSON, schema, digest, signature); never throws for a bad file. */
  validateBatch(files: readonly FileBytes[]): Promise<BatchValidation>;
}

export interface ImportProgress {
  total: number;
  /** Files read, validated and, when valid, stored. */
  done: number;
  imported: number;
  replaced: number;
  keptNewer: number;
  rejected: number;
}

export interface KeyChangedFile {
  fileName: string;
  finess: string;
}

export interface ImportSummary extends ImportProgress {
  /** Stopped by the user: files before the stop are stored, none after. */
  cancelled: boolean;
  rejectedFiles: RejectedFile[];
  /** Signed by another key than the one first seen for that FINESS: stored, to be checked with the sender. */
  keyChanged: KeyChangedFile[];
  unsigned: number;
  durationMs: number;
  /** Set when storing failed: the files of the failing batch and after are not stored. */
  storageError?: StorageErrorCode;
  /** With storageError: how many files were not stored (the failing batch's valid files and every later file). */
  notStored?: number;
}

/** Files a folder or a drop may hold that are export files: JSON or zip. */
export function isExportFileName(name: string): boolean {
  return /\.(json|zip)$/i.test(name);
}
