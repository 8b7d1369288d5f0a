import { isStorageErrorCode, type StorageErrorCode } from '../../storage/storage-error';
import type { StoreResult } from '../../storage/submission-repository';
import type { BatchValidation, ImportProgress, ImportSummary, ValidFile } from './import-protocol';

/**
 * The import loop, on the page's thread but doing only light work there (design §8: no main-thread task over
 * 200 ms). Files go in batches to the validation workers, several batches in flight so that every worker is busy;
 * batches are then stored in their order, one IndexedDB transaction each (storeSubmissions), so that a later file of
 * the same campaign sees the earlier one and a stop or a failure never leaves a batch half-stored. Each step is its
 * own task: the structured clone of one batch's envelopes and one transaction's writes, a few milliseconds for 25
 * files. At most (workers + 1) validated batches wait in memory.
 */

export const DEFAULT_BATCH_SIZE = 25;

/** The progress of an import of `total` files before the first is read. */
export function emptyImportProgress(total: number): ImportProgress {
  return { total, done: 0, imported: 0, replaced: 0, keptNewer: 0, identical: 0, held: 0, rejected: 0 };
}

export interface ImportDriver<F> {
  /** One validation function per worker; batches are spread over them in turn. */
  validators: readonly ((files: readonly F[]) => Promise<BatchValidation>)[];
  /** Stores the valid files of one batch in one transaction, in order. */
  store: (files: readonly ValidFile[]) => Promise<StoreResult[]>;
  /** Called for each file once stored, with what storing did (to fold it into the consolidation). */
  onStored?: (file: ValidFile, result: StoreResult) => void;
  onProgress: (progress: ImportProgress) => void;
  /** Read before each batch is stored. */
  isCancelled: () => boolean;
  batchSize?: number;
  clock?: () => number;
  /** Lets the page run between two hand-overs to a worker (a new task); a macrotask by default. */
  yieldToPage?: () => Promise<void>;
}

/** A new task, so that each hand-over to a worker (reading, posting) starts apart from the previous one. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Stores the valid files of one batch. A transaction refused for lack of space is undone whole (nothing of it is
 * stored): the files are tried again in two halves, then halves of those, down to one file, so that what fits is
 * stored and the import stops at the first file that does not fit. Any other failure stops at once.
 */
async function storeInPieces(
  files: readonly ValidFile[],
  store: ImportDriver<unknown>['store'],
): Promise<{ results: StoreResult[]; error?: StorageErrorCode }> {
  try {
    return { results: await store(files) };
  } catch (error) {
    const raw = (error as { code?: unknown } | null)?.code;
    const code: StorageErrorCode = isStorageErrorCode(raw) ? raw : 'write-failed';
    if (code !== 'quota-exceeded' || files.length === 1) return { results: [], error: code };
    const half = Math.ceil(files.length / 2);
    const first = await storeInPieces(files.slice(0, half), store);
    if (first.error !== undefined) return first;
    const second = await storeInPieces(files.slice(half), store);
    return { results: [...first.results, ...second.results], ...(second.error ? { error: second.error } : {}) };
  }
}

export async function runImport<F>(files: readonly F[], driver: ImportDriver<F>): Promise<ImportSummary> {
  const clock = driver.clock ?? (() => performance.now());
  const started = clock();
  const size = Math.max(1, driver.batchSize ?? DEFAULT_BATCH_SIZE);
  const batches: F[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const summary: ImportSummary = {
    ...emptyImportProgress(files.length),
    cancelled: false,
    rejectedFiles: [],
    keyChanged: [],
    unsigned: 0,
    durationMs: 0,
  };
  const workers = Math.max(1, driver.validators.length);
  const inFlight = new Map<number, Promise<BatchValidation>>();
  const yieldToPage = driver.yieldToPage ?? nextTask;
  const launch = async (index: number) => {
    const batch = batches[index];
    const validate = driver.validators[index % workers];
    if (!batch || !validate || inFlight.has(index)) return;
    await yieldToPage();
    inFlight.set(index, validate(batch));
  };
  const report = () => {
    const { total, done, imported, replaced, keptNewer, identical, held, rejected } = summary;
    driver.onProgress({ total, done, imported, replaced, keptNewer, identical, held, rejected });
  };

  for (let index = 0; index < batches.length; index += 1) {
    for (let ahead = index; ahead <= index + workers; ahead += 1) await launch(ahead);
    const pending = inFlight.get(index);
    inFlight.delete(index);
    if (!pending) break;
    const validation = await pending;
    if (driver.isCancelled()) {
      summary.cancelled = true;
      break;
    }
    summary.rejected += validation.rejected.length;
    summary.rejectedFiles.push(...validation.rejected);
    if (validation.valid.length > 0) {
      const stored = await storeInPieces(validation.valid, driver.store);
      stored.results.forEach((result, i) => {
        const file = validation.valid[i];
        if (!file) return;
        if (result.outcome === 'imported') summary.imported += 1;
        else if (result.outcome === 'replaced-older') summary.replaced += 1;
        else if (result.outcome === 'identical') summary.identical += 1;
        else if (result.outcome === 'held') summary.held += 1;
        else summary.keptNewer += 1;
        if (result.keyChange === 'unsigned') summary.unsigned += 1;
        if (result.keyChange === 'changed' || result.keyChange === 'rejected') {
          const e = file.envelope.establishment;
          summary.keyChanged.push({
            fileName: file.fileName,
            finess: e.finessEg ?? e.finessEj,
            trust: result.keyChange,
            held: result.outcome === 'held',
          });
        }
        driver.onStored?.(file, result);
      });
      if (stored.error !== undefined) {
        // Files from the one that did not fit on are not stored; the batches after it are never read.
        summary.storageError = stored.error;
        summary.notStored = validation.valid.length - stored.results.length;
        summary.notRead = batches.slice(index + 1).reduce((count, batch) => count + batch.length, 0);
        summary.done += batches[index]?.length ?? 0;
        report();
        break;
      }
    }
    summary.done += batches[index]?.length ?? 0;
    report();
  }
  // Validations started ahead of a stop or a failure are left to finish and dropped.
  for (const pending of inFlight.values()) pending.catch(() => undefined);
  summary.durationMs = clock() - started;
  return summary;
}
