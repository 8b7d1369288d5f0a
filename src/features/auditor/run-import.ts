import { isStorageErrorCode } from '../../storage/storage-error';
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

export async function runImport<F>(files: readonly F[], driver: ImportDriver<F>): Promise<ImportSummary> {
  const clock = driver.clock ?? (() => performance.now());
  const started = clock();
  const size = Math.max(1, driver.batchSize ?? DEFAULT_BATCH_SIZE);
  const batches: F[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const summary: ImportSummary = {
    total: files.length,
    done: 0,
    imported: 0,
    replaced: 0,
    keptNewer: 0,
    rejected: 0,
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
    const { total, done, imported, replaced, keptNewer, rejected } = summary;
    driver.onProgress({ total, done, imported, replaced, keptNewer, rejected });
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
      let results: StoreResult[];
      try {
        results = await driver.store(validation.valid);
      } catch (error) {
        // The batch's transaction is undone as a whole: none of its files is stored, nor any file after it.
        const code = (error as { code?: unknown } | null)?.code;
        summary.storageError = isStorageErrorCode(code) ? code : 'write-failed';
        summary.notStored =
          validation.valid.length + batches.slice(index + 1).reduce((count, batch) => count + batch.length, 0);
        break;
      }
      results.forEach((result, i) => {
        const file = validation.valid[i];
        if (!file) return;
        if (result.outcome === 'imported') summary.imported += 1;
        else if (result.outcome === 'replaced-older') summary.replaced += 1;
        else summary.keptNewer += 1;
        if (result.keyChange === 'unsigned') summary.unsigned += 1;
        if (result.keyChange === 'changed') {
          const e = file.envelope.establishment;
          summary.keyChanged.push({ fileName: file.fileName, finess: e.finessEg ?? e.finessEj });
        }
        driver.onStored?.(file, result);
      });
    }
    summary.done += batches[index]?.length ?? 0;
    report();
  }
  // Validations started ahead of a stop or a failure are left to finish and dropped.
  for (const pending of inFlight.values()) pending.catch(() => undefined);
  summary.durationMs = clock() - started;
  return summary;
}
