// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecorder, printResults, type BenchRow } from './bench-harness.mjs';

/**
 * What the reader of `npm run bench` relies on: a missed budget stands out in the table (✗ and OVER/UNDER BUDGET,
 * red on a terminal only), the bare baseline is printed beside its figure, and the JSON rows say pass or fail.
 */

function printed(results: readonly BenchRow[], tty: boolean): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => lines.push(args.join(' ')));
  const wasTty = process.stdout.isTTY;
  process.stdout.isTTY = tty;
  try {
    printResults(results, [{ id: 'precache', seconds: 0.1, loadAverage: { start: [1.5], end: [2] } }]);
  } finally {
    process.stdout.isTTY = wasTty;
  }
  return lines.join('\n').split('\n');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('benchmark results', () => {
  it('marks rows against their budget, either way, and keeps the baseline', () => {
    const { results, record, setPart } = createRecorder();
    setPart('precache');
    record('Precache', 1931, 'KiB', 1536);
    record('First screen', 163, 'KiB', 170);
    record('Lighthouse accessibility', 100, '/100', 100, 'min');
    record('Lighthouse performance', 90, '/100', 95, 'min');
    record('Import / bare', 1.8, '×', 3, 'max', { baseline: { name: 'bare', value: 0.42, unit: 's' } });
    record('Heap after', 22, 'MB');
    expect(results.map((r) => r.status)).toEqual(['fail', 'pass', 'pass', 'fail', 'pass', 'info']);
    expect(results[0]).toMatchObject({ part: 'precache', value: 1931, budget: { limit: 1536, comparison: 'max' } });
    expect(results[4]?.baseline).toEqual({ name: 'bare', value: 0.42, unit: 's' });
  });

  it('makes a missed budget stand out, in colour only on a terminal, and names it in the summary', () => {
    const { results, record, failed, setPart } = createRecorder();
    setPart('precache');
    record('Service-worker precache', 1931, 'KiB', 1536);
    record('First screen', 163, 'KiB', 170);
    record('Lighthouse performance', 90, '/100', 95, 'min');
    record('CLI consolidate / bare', 1.8, '×', 3, 'max', { baseline: { name: 'bare', value: 0.42, unit: 's' } });
    failed('lighthouse benchmark', new Error('no Chromium'));

    const plain = printed(results, false);
    const over = plain.find((l) => l.includes('Service-worker precache'));
    expect(over).toMatch(/^✗ .*1931 KiB.*≤ 1536 KiB.*OVER BUDGET$/);
    expect(plain.find((l) => l.includes('Lighthouse performance'))).toMatch(/^✗ .*UNDER BUDGET$/);
    expect(plain.find((l) => l.includes('First screen'))).toMatch(/^ {2}.* ok$/);
    expect(plain.find((l) => l.includes('CLI consolidate'))).toContain('0.42 s');
    expect(plain.find((l) => l.includes('lighthouse benchmark'))).toMatch(/DID NOT RUN$/);
    expect(plain.join('\n')).toContain('no Chromium');
    expect(plain.join('\n')).not.toContain('\x1b[');
    expect(plain.find((l) => l.includes('Budgets:'))).toContain(
      '2 met, 3 missed: Service-worker precache; Lighthouse performance; lighthouse benchmark.',
    );

    const terminal = printed(results, true);
    expect(terminal.find((l) => l.includes('Service-worker precache'))?.startsWith('\x1b[1;31m✗')).toBe(true);
  });
});
