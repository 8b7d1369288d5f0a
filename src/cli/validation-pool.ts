import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ShippedQuestionnaires } from '../exchange/shipped-questionnaires';
import type { FileArgument } from './files';
import { validateInput, type InputOptions, type InputValidation } from './validate-input';
import type { ValidationRequest } from './validation-worker';

/**
 * Where `consolidate` validates its files: in its own thread, or spread over worker threads. Validating a file
 * (strict JSON, schema, canonical digest, signature, recomputing every figure) costs several times reading it, and
 * files are independent of each other, so a campaign's folder is validated on every core; the command's thread only
 * folds the results, whose order does not matter (consolidation.property.test.ts).
 */
export interface InputValidator {
  validate(file: FileArgument): Promise<InputValidation>;
  close(): Promise<void>;
}

/** Below this many files, starting threads (each loads the validation code) costs more than it saves. */
export const FILES_PER_THREAD_WORTH_STARTING = 100;
const MAX_THREADS = 4;

/**
 * One thread of validation already keeps about one and a half cores busy (the signature and digest jobs and the file
 * reads run on libuv's pool, the garbage collector on its own threads): on two cores, two validation threads were
 * slower than one (2.0 s against 1.7 s for 1,000 files; 6.5 s both for 4,000). Threads start from four cores, one
 * core left to the command's own thread.
 */
const MIN_CORES_FOR_THREADS = 4;

/** How many validation threads to use for `fileCount` files when the command line does not say. */
export function defaultThreadCount(fileCount: number, cores = availableParallelism()): number {
  if (cores < MIN_CORES_FOR_THREADS) return 1;
  return Math.max(1, Math.min(cores - 1, MAX_THREADS, Math.floor(fileCount / FILES_PER_THREAD_WORTH_STARTING)));
}

export function inThreadValidator(options: InputOptions, questionnaires: ShippedQuestionnaires): InputValidator {
  return { validate: (file) => validateInput(file, options, questionnaires), close: async () => {} };
}

interface Pending {
  file: FileArgument;
  resolve: (result: InputValidation) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * `threads` worker threads, ready when the promise resolves (their start-up is not the files' time). A thread that
 * fails hands its files back to the command's own thread, so that a crash never loses or refuses a file.
 */
export async function threadedValidator(
  threads: number,
  options: InputOptions,
  questionnaires: ShippedQuestionnaires,
): Promise<InputValidator> {
  const fallback = inThreadValidator(options, questionnaires);
  const entry = new URL('../../bin/validation-worker.mjs', import.meta.url);
  let nextId = 0;
  const live = new Set<Thread>();
  const retire = (thread: Thread) => {
    if (!live.delete(thread)) return;
    for (const { file, resolve } of thread.pending.values()) void fallback.validate(file).then(resolve);
    thread.pending.clear();
    void thread.worker.terminate();
  };
  const started = Array.from({ length: threads }, () => {
    const thread: Thread = { worker: new Worker(entry, { workerData: options }), pending: new Map() };
    return new Promise<void>((ready) => {
      thread.worker.on('message', (message: { ready: true } | { id: number; result: InputValidation }) => {
        if ('ready' in message) {
          live.add(thread);
          ready();
          return;
        }
        const pending = thread.pending.get(message.id);
        thread.pending.delete(message.id);
        pending?.resolve(message.result);
      });
      thread.worker.on('error', () => {
        retire(thread);
        ready();
      });
      thread.worker.on('exit', () => {
        retire(thread);
        ready();
      });
    });
  });
  await Promise.all(started);
  return {
    validate(file) {
      // The least busy thread; none left (every one failed) → the command's own thread.
      let chosen: Thread | undefined;
      for (const thread of live) if (!chosen || thread.pending.size < chosen.pending.size) chosen = thread;
      if (!chosen) return fallback.validate(file);
      const thread = chosen;
      const id = (nextId += 1);
      return new Promise<InputValidation>((resolve) => {
        thread.pending.set(id, { file, resolve });
        thread.worker.postMessage({ id, file } satisfies ValidationRequest);
      });
    },
    async close() {
      const closing = [...live];
      live.clear();
      await Promise.all(closing.map((t) => t.worker.terminate()));
    },
  };
}
