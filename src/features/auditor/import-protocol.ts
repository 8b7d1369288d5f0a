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
  /**
   * The FINESS (EJ, EG) the refused file says it is from, when it can be read at all (unverified: the file was
   * refused), so that the expected list shows « fichier refusé (raison) » rather than « aucun fichier ».
   */
  claimedFiness?: string[];
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
  /** The very file already stored (same digest): nothing written. */
  identical: number;
  /** Signed by a key not accepted for its FINESS, not stored in place of a file signed by an accepted key. */
  held: number;
  rejected: number;
}

export interface KeyChangedFile {
  fileName: string;
  finess: string;
  /** Under review (changed) or refused by the auditor (rejected). */
  trust: 'changed' | 'rejected';
  /** Not stored (a file signed by an accepted key is kept for its campaign); otherwise stored, out of the figures. */
  held: boolean;
}

export interface ImportSummary extends ImportProgress {
  /** Stopped by the user: files before the stop are stored, none after. */
  cancelled: boolean;
  rejectedFiles: RejectedFile[];
  /** Signed by another key than the one accepted for that FINESS: out of the figures until the key is accepted. */
  keyChanged: KeyChangedFile[];
  unsigned: number;
  durationMs: number;
  /**
   * Set when storing failed. A refusal for lack of space is first retried in smaller batches, down to one file: what
   * fits is stored; the import stops at the first file that does not.
   */
  storageError?: StorageErrorCode;
  /** With storageError: valid files read and not stored (files never read are not counted here: see notRead). */
  notStored?: number;
  /** With storageError: files after the stop, never read. */
  notRead?: number;
}

/** Files a folder or a drop may hold that are export files: JSON or zip. */
export function isExportFileName(name: string): boolean {
  return /\.(json|zip)$/i.test(name);
}
