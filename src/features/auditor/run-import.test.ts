import { describe, expect, it } from 'vitest';
import type { StoreResult } from '../../storage/submission-repository';
import type { BatchValidation, ImportProgress, ValidFile } from './import-protocol';
import { runImport } from './run-import';

/** Files are stand-ins here ("ok-3", "bad-7"): the validators and the store are fakes that record what they get. */
function validFile(name: string): ValidFile {
  return {
    ok: true,
    fileName: name,
    digest: 'd',
    declaredFigures: [],
    envelope: { establishment: { finessEj: '010780914' } } as ValidFile['envelope'],
  };
}

function fakeValidator(log: string[][]) {
  return (batch: readonly string[]): Promise<BatchValidation> => {
    log.push([...batch]);
    return Promise.resolve({
      valid: batch.filter((f) => f.startsWith('ok')).map(validFile),
      rejected: batch
        .filter((f) => !f.startsWith('ok'))
        .map((fileName) => ({ fileName, code: 'digest-mismatch' as const })),
    });
  };
}

const names = (n: number, bad: readonly number[] = []) =>
  Array.from({ length: n }, (_, i) => (bad.includes(i) ? `bad-${i}` : `ok-${i}`));

describe('runImport', () => {
  it('validates in batches spread over the workers, stores each batch in order, and counts the outcomes', async () => {
    const logA: string[][] = [];
    const logB: string[][] = [];
    const stored: string[][] = [];
    const progress: ImportProgress[] = [];
    const outcomes: StoreResult['outcome'][] = ['imported', 'replaced-older', 'kept-newer'];
    let n = 0;
    const summary = await runImport(names(7, [2]), {
      validators: [fakeValidator(logA), fakeValidator(logB)],
      store: (files) => {
        stored.push(files.map((f) => f.fileName));
        return Promise.resolve(
          files.map(() => ({ outcome: outcomes[n++ % 3] ?? 'imported', keyChange: n === 1 ? 'changed' : 'same' })),
        );
      },
      onProgress: (p) => progress.push(p),
      isCancelled: () => false,
      batchSize: 3,
    });
    expect(logA).toEqual([['ok-0', 'ok-1', 'bad-2'], ['ok-6']]);
    expect(logB).toEqual([['ok-3', 'ok-4', 'ok-5']]);
    expect(stored).toEqual([['ok-0', 'ok-1'], ['ok-3', 'ok-4', 'ok-5'], ['ok-6']]);
    expect(summary).toMatchObject({
      total: 7,
      done: 7,
      imported: 2,
      replaced: 2,
      keptNewer: 2,
      rejected: 1,
      cancelled: false,
      rejectedFiles: [{ fileName: 'bad-2', code: 'digest-mismatch' }],
      keyChanged: [{ fileName: 'ok-0', finess: '010780914', trust: 'changed', held: false }],
    });
    expect(progress.map((p) => p.done)).toEqual([3, 6, 7]);
  });

  it('stops before storing the next batch once cancelled, keeping what was stored', async () => {
    let cancelled = false;
    const stored: string[] = [];
    const summary = await runImport(names(10), {
      validators: [fakeValidator([])],
      store: (files) => {
        stored.push(...files.map((f) => f.fileName));
        cancelled = true;
        return Promise.resolve(files.map(() => ({ outcome: 'imported' as const, keyChange: 'unsigned' as const })));
      },
      onProgress: () => undefined,
      isCancelled: () => cancelled,
      batchSize: 4,
    });
    expect(stored).toEqual(['ok-0', 'ok-1', 'ok-2', 'ok-3']);
    expect(summary).toMatchObject({ cancelled: true, done: 4, imported: 4, unsigned: 4 });
  });

  it('reports a storage failure, stores nothing after it, and counts apart the files read and those never read', async () => {
    let calls = 0;
    // Batches: ok-0 ok-1 | ok-2 bad-3 | ok-4 ok-5 | ok-6; the second one is refused as a whole.
    const summary = await runImport(names(7, [3]), {
      validators: [fakeValidator([])],
      store: (files) => {
        calls += 1;
        if (calls === 2) return Promise.reject(Object.assign(new Error('full'), { code: 'quota-exceeded' }));
        return Promise.resolve(files.map(() => ({ outcome: 'imported' as const, keyChange: 'same' as const })));
      },
      onProgress: () => undefined,
      isCancelled: () => false,
      batchSize: 2,
    });
    // The refused batch holds one valid file: nothing smaller to retry.
    expect(calls).toBe(2);
    expect(summary).toMatchObject({
      storageError: 'quota-exceeded',
      done: 4,
      imported: 2,
      rejected: 1,
      notStored: 1,
      notRead: 3,
    });
    expect(summary.imported + summary.rejected + (summary.notStored ?? 0) + (summary.notRead ?? 0)).toBe(summary.total);
  });

  it('retries a batch refused for lack of space in smaller batches, storing what fits', async () => {
    const attempts: number[] = [];
    let room = 3;
    const summary = await runImport(names(6), {
      validators: [fakeValidator([])],
      store: (files) => {
        attempts.push(files.length);
        // A transaction of more than two files is too large; the space runs out after three files.
        if (files.length > 2 || files.length > room)
          return Promise.reject(Object.assign(new Error('full'), { code: 'quota-exceeded' }));
        room -= files.length;
        return Promise.resolve(files.map(() => ({ outcome: 'imported' as const, keyChange: 'same' as const })));
      },
      onProgress: () => undefined,
      isCancelled: () => false,
      batchSize: 6,
    });
    // 6 refused → 3 refused → 2 stored, 1 stored → 3 refused → 2 refused → 1 refused: stop.
    expect(attempts).toEqual([6, 3, 2, 1, 3, 2, 1]);
    expect(summary).toMatchObject({ imported: 3, storageError: 'quota-exceeded', notStored: 3, notRead: 0 });
  });

  it('counts identical files and files held back for their key apart, and lists the changed keys', async () => {
    const outcomes: StoreResult[] = [
      { outcome: 'identical', keyChange: 'same' },
      { outcome: 'held', keyChange: 'changed' },
      { outcome: 'imported', keyChange: 'rejected' },
    ];
    const summary = await runImport(names(3), {
      validators: [fakeValidator([])],
      store: (files) => Promise.resolve(files.map((_, i) => outcomes[i] ?? { outcome: 'imported', keyChange: 'same' })),
      onProgress: () => undefined,
      isCancelled: () => false,
    });
    expect(summary).toMatchObject({ identical: 1, held: 1, imported: 1, keptNewer: 0 });
    expect(summary.keyChanged).toEqual([
      { fileName: 'ok-1', finess: '010780914', trust: 'changed', held: true },
      { fileName: 'ok-2', finess: '010780914', trust: 'rejected', held: false },
    ]);
  });

  it('keeps at most one batch per worker, plus one, validated ahead of storing', async () => {
    let started = 0;
    let storedBatches = 0;
    let maxAhead = 0;
    await runImport(names(40), {
      validators: [
        (batch) => {
          started += 1;
          maxAhead = Math.max(maxAhead, started - storedBatches);
          return fakeValidator([])(batch);
        },
      ],
      store: (files) => {
        storedBatches += 1;
        return Promise.resolve(files.map(() => ({ outcome: 'imported' as const, keyChange: 'same' as const })));
      },
      onProgress: () => undefined,
      isCancelled: () => false,
      batchSize: 5,
    });
    expect(maxAhead).toBeLessThanOrEqual(2);
  });
});
