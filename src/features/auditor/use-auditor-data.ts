import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import {
  addSubmission,
  createConsolidation,
  finishConsolidation,
  type Consolidation,
  type ConsolidationAccumulator,
} from '../../domain/consolidation/consolidate';
import type { ExportEnvelope } from '../../exchange/export-format';
import type { CareDatabase } from '../../storage/care-database';
import { clearSubmissions, storeSubmissions } from '../../storage/submission-repository';
import { forEachSubmissionDocument } from '../../storage/use-repositories';
import type { FileBytes, ImportProgress, ImportSummary, ValidatorApi } from './import-protocol';
import { runImport } from './run-import';
import importWorkerUrl from 'virtual:worker-url/import';

/**
 * The auditor's data on the page: the consolidation of the stored files, and the import that adds to them.
 *
 * The consolidation is folded once from IndexedDB with a cursor when the page opens, then kept up to date file by
 * file as the import stores them (only what storing kept: a new file, or a newer export replacing an older one), so
 * that importing never re-reads the whole store. Validation runs in a small pool of workers, created on the first
 * import and terminated when the page goes.
 */
export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress; cancelling: boolean }
  | { status: 'done'; summary: ImportSummary }
  | { status: 'failed'; error: unknown };

export type ConsolidationState =
  { status: 'loading' } | { status: 'ready'; consolidation: Consolidation } | { status: 'failed'; error: unknown };

interface Validator {
  worker: Worker;
  api: Remote<ValidatorApi>;
}

/** Workers beside the page's thread: one per spare core, at most four (validation is CPU-bound). */
function poolSize(): number {
  const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
  return Math.min(4, Math.max(1, cores - 1));
}

/**
 * The bytes of a batch, read on the page (the read itself is asynchronous, off the thread) and then transferred to
 * the worker: posting File objects instead costs a blob registration per file on this thread.
 */
async function readFiles(batch: readonly File[]): Promise<FileBytes[]> {
  return Promise.all(
    batch.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer().catch(() => undefined) })),
  );
}

export function useAuditorData(db: CareDatabase) {
  const validators = useRef<Validator[]>([]);
  const accumulator = useRef<ConsolidationAccumulator>(createConsolidation());
  const cancelRequested = useRef(false);
  const [importState, setImportState] = useState<ImportState>({ status: 'idle' });
  const [consolidation, setConsolidation] = useState<ConsolidationState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const acc = createConsolidation();
    forEachSubmissionDocument(db, (document) => addSubmission(acc, document as ExportEnvelope)).then(
      () => {
        if (!live) return;
        accumulator.current = acc;
        const consolidation = finishConsolidation(acc);
        startTransition(() => setConsolidation({ status: 'ready', consolidation }));
      },
      (error: unknown) => live && setConsolidation({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [db]);

  useEffect(
    () => () => {
      for (const v of validators.current) {
        v.api[releaseProxy]();
        v.worker.terminate();
      }
      validators.current = [];
    },
    [],
  );

  const pool = useCallback((): Validator[] => {
    if (validators.current.length === 0) {
      validators.current = Array.from({ length: poolSize() }, () => {
        const worker = new Worker(importWorkerUrl, { type: 'module' });
        return { worker, api: wrap<ValidatorApi>(worker) };
      });
    }
    return validators.current;
  }, []);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      cancelRequested.current = false;
      setImportState({
        status: 'running',
        cancelling: false,
        progress: { total: files.length, done: 0, imported: 0, replaced: 0, keptNewer: 0, rejected: 0 },
      });
      const acc = accumulator.current;
      try {
        const summary = await runImport(files, {
          validators: pool().map((v) => async (batch: readonly File[]) => {
            const read = await readFiles(batch);
            return v.api.validateBatch(
              transfer(
                read,
                read.flatMap((f) => (f.bytes ? [f.bytes] : [])),
              ),
            );
          }),
          store: (valid) => storeSubmissions(db, valid),
          onStored: (file, result) => {
            if (result.outcome !== 'kept-newer') addSubmission(acc, file.envelope);
          },
          onProgress: (progress) =>
            setImportState((state) => (state.status === 'running' ? { ...state, progress } : state)),
          isCancelled: () => cancelRequested.current,
        });
        setImportState({ status: 'done', summary });
      } catch (error) {
        setImportState({ status: 'failed', error });
      }
      // The dashboard of thousands of rows renders as a transition: React yields to the browser every few
      // milliseconds instead of blocking the page for the whole render (design §8, no task over 200 ms).
      const consolidation = finishConsolidation(acc);
      startTransition(() => setConsolidation({ status: 'ready', consolidation }));
    },
    [db, pool],
  );

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setImportState((state) => (state.status === 'running' ? { ...state, cancelling: true } : state));
  }, []);

  const clear = useCallback(async () => {
    await clearSubmissions(db);
    accumulator.current = createConsolidation();
    setImportState({ status: 'idle' });
    setConsolidation({ status: 'ready', consolidation: finishConsolidation(accumulator.current) });
  }, [db]);

  return { importState, consolidation, importFiles, cancel, clear };
}
