import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import {
  addSubmission,
  createConsolidation,
  finishConsolidation,
  type Consolidation,
  type ConsolidationAccumulator,
} from '../../domain/consolidation/consolidate';
import { isAcceptedKey, judgeKey } from '../../domain/trust/key-trust';
import { declaredFiguresOf } from '../../exchange/declared-figures';
import type { ExportEnvelope } from '../../exchange/export-format';
import type { CareDatabase, TrustedKeyRow } from '../../storage/care-database';
import { clearSubmissions, decideKey, listTrustedKeys, storeSubmissions } from '../../storage/submission-repository';
import { forEachSubmissionDocument } from '../../storage/use-repositories';
import type { FileBytes, ImportProgress, ImportSummary, ValidatorApi } from './import-protocol';
import { emptyImportProgress, runImport } from './run-import';
import importWorkerUrl from 'virtual:worker-url/import';

/**
 * The auditor's data on the page: the consolidation of the stored files, and the import that adds to them.
 *
 * The consolidation is folded once from IndexedDB with a cursor when the page opens, then kept up to date file by
 * file as the import stores them (only what storing kept: a new file, or a newer export replacing an older one), so
 * that importing never re-reads the whole store. Validation runs in a small pool of workers, created on the first
 * import and terminated when the page goes.
 *
 * A file signed by a key not accepted for its FINESS (under review or refused, src/domain/trust/key-trust.ts) is
 * stored but left out of the consolidation; `heldByKey` says which FINESS have such files, for the expected list.
 * An auditor's decision on a key folds the consolidation again from the store.
 */
export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress; cancelling: boolean }
  | { status: 'done'; summary: ImportSummary }
  | { status: 'failed'; error: unknown };

export type ConsolidationState =
  | { status: 'loading' }
  | {
      status: 'ready';
      consolidation: Consolidation;
      /** FINESS with a stored file left out for its key: under review (changed) or refused (rejected). */
      heldByKey: ReadonlyMap<string, 'changed' | 'rejected'>;
    }
  | { status: 'failed'; error: unknown };

interface Fold {
  acc: ConsolidationAccumulator;
  heldByKey: Map<string, 'changed' | 'rejected'>;
}

/** Folds the stored files whose key is accepted; notes the FINESS of the others. */
async function foldStored(db: CareDatabase): Promise<Fold> {
  const keys = new Map<string, TrustedKeyRow>((await listTrustedKeys(db)).map((k) => [k.finess, k]));
  const acc = createConsolidation();
  const heldByKey = new Map<string, 'changed' | 'rejected'>();
  await forEachSubmissionDocument(db, (document) => {
    const envelope = document as ExportEnvelope;
    const finess = envelope.establishment.finessEg ?? envelope.establishment.finessEj;
    const trust = judgeKey(keys.get(finess), envelope.signature?.keyFingerprint);
    // What the stored file could not have recomputed is read from its content, as the import's validation did.
    if (isAcceptedKey(trust)) addSubmission(acc, { ...envelope, declaredFigures: declaredFiguresOf(envelope) });
    else if (trust === 'changed' || trust === 'rejected') heldByKey.set(finess, trust);
  });
  return { acc, heldByKey };
}

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

  const heldByKey = useRef<Map<string, 'changed' | 'rejected'>>(new Map());
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    foldStored(db).then(
      (fold) => {
        if (!live) return;
        accumulator.current = fold.acc;
        heldByKey.current = fold.heldByKey;
        const consolidation = finishConsolidation(fold.acc);
        startTransition(() => setConsolidation({ status: 'ready', consolidation, heldByKey: new Map(fold.heldByKey) }));
      },
      (error: unknown) => live && setConsolidation({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [db, generation]);

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
        progress: emptyImportProgress(files.length),
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
            if (result.outcome !== 'imported' && result.outcome !== 'replaced-older') return;
            const e = file.envelope.establishment;
            if (isAcceptedKey(result.keyChange))
              addSubmission(acc, { ...file.envelope, declaredFigures: file.declaredFigures });
            else if (result.keyChange === 'changed' || result.keyChange === 'rejected')
              heldByKey.current.set(e.finessEg ?? e.finessEj, result.keyChange);
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
      const held = new Map(heldByKey.current);
      startTransition(() => setConsolidation({ status: 'ready', consolidation, heldByKey: held }));
    },
    [db, pool],
  );

  /** Accepts or refuses a key under review, then folds the stored files again with the new decision. */
  const decide = useCallback(
    async (finess: string, fingerprint: string, decision: 'accept' | 'reject') => {
      await decideKey(db, finess, fingerprint, decision);
      setGeneration((g) => g + 1);
    },
    [db],
  );

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setImportState((state) => (state.status === 'running' ? { ...state, cancelling: true } : state));
  }, []);

  const clear = useCallback(async () => {
    await clearSubmissions(db);
    accumulator.current = createConsolidation();
    heldByKey.current = new Map();
    setImportState({ status: 'idle' });
    setConsolidation({
      status: 'ready',
      consolidation: finishConsolidation(accumulator.current),
      heldByKey: new Map(),
    });
  }, [db]);

  return { importState, consolidation, importFiles, cancel, clear, decide };
}
