// Benchmark of the auditor's import (browser) and of `care-autodiag consolidate` (command line), each beside a bare
// JSON.parse + SHA-256 of the same files in the same run, with the ratios and the peak memory (design §8: 1,000 files
// imported in ≤ 5 s with no main-thread task over 200 ms; ≤ 3× the bare cost; 40,000 files with flat memory).
//
//   node scripts/bench-exchange.mjs [--sizes 1000,10000]     builds, serves, measures and prints a table
//   BENCH_DEBUG=1 node scripts/bench-exchange.mjs             also prints each long task (start, duration)
//
// scripts/bench.mjs can call benchExchange({ record, browser, origin }) with its own browser and preview server.
// Files come from the test-data generator, kept in the system's temporary folder between runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMain, runAlone } from './bench-harness.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const hasGnuTime = existsSync('/usr/bin/time');

/** N generated export files in a cached folder (the generator is deterministic for a seed). */
export function exportFiles(count) {
  const dir = join(tmpdir(), `care-bench-exports-${count}`);
  const present = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  if (present.length !== count) {
    rmSync(dir, { recursive: true, force: true });
    console.log(`Generating ${count} export files in ${dir}…`);
    const result = spawnSync(
      'npx',
      ['tsx', 'scripts/generate-exports.ts', '--count', String(count), '--out', dir, '--seed', '7'],
      { cwd: root, stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error('the generator failed');
  }
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  return { dir, paths: names.map((n) => join(dir, n)) };
}

/** Runs a command and returns its output, wall time and peak resident memory (GNU time's %M, in KiB). */
function measure(command, args) {
  const started = performance.now();
  const wrapped = hasGnuTime ? ['/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', command, ...args]] : [command, args];
  const result = spawnSync(wrapped[0], wrapped[1], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  const rss = /PEAK_RSS_KB=(\d+)/.exec(result.stderr ?? '')?.[1];
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    wall,
    peakMb: rss ? Number(rss) / 1024 : undefined,
  };
}

// The baseline: read each file, JSON.parse it and hash its bytes with SHA-256, one after the other; prints seconds.
const nodeBaseline = `
const { readdir, readFile } = await import('node:fs/promises');
const { join } = await import('node:path');
const dir = process.argv[1];
const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
const started = performance.now();
for (const name of names) {
  const bytes = await readFile(join(dir, name));
  JSON.parse(new TextDecoder().decode(bytes));
  await crypto.subtle.digest('SHA-256', bytes);
}
console.log('BASELINE_S=' + (performance.now() - started) / 1000);
`;

async function benchCli(record, count, dir) {
  const base = measure('node', ['--input-type=module', '-e', nodeBaseline, dir]);
  const baseline = Number(/BASELINE_S=([\d.]+)/.exec(base.stdout)?.[1]);
  const out = join(mkdtempSync(join(tmpdir(), 'care-bench-csv-')), 'consolidation.csv');
  const run = measure('node', ['bin/care-autodiag.mjs', 'consolidate', dir, '--csv', out, '--lang', 'en']);
  if (run.status !== 0) throw new Error(`consolidate failed: ${run.stderr}`);
  // The command's own figure: from the first file read to the last folded, without Node's and tsx's start-up.
  const inside = Number(/read in ([\d.,]+) s/.exec(run.stdout)?.[1]?.replace(',', '.'));
  const n = count.toLocaleString('en-GB');
  record(`CLI consolidate ${n} files (files read → folded)`, round(inside, 2), 's');
  record(`CLI consolidate ${n} files, whole command`, round(run.wall, 2), 's');
  record(`CLI bare JSON.parse + SHA-256, ${n} files`, round(baseline, 2), 's');
  record(`CLI consolidate / bare, ${n} files`, round(inside / baseline, 1), '×', 3);
  if (run.peakMb !== undefined) record(`CLI consolidate ${n} files, peak RSS`, Math.round(run.peakMb), 'MB');
  if (base.peakMb !== undefined)
    record(`CLI bare JSON.parse + SHA-256 ${n} files, peak RSS`, Math.round(base.peakMb), 'MB');
  rmSync(out, { force: true });
}

// Recorded in the page from its first script: long tasks, the moment the file input changes, the moment the
// import summary appears (the dashboard is rendered in the same commit).
const pageProbe = () => {
  const bench = { longTasks: [], changedAt: undefined, summaryAt: undefined };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (input instanceof HTMLInputElement && input.type === 'file' && !input.dataset.baseline)
        bench.changedAt = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (bench.changedAt !== undefined && bench.summaryAt === undefined && document.querySelector('.import-summary'))
      bench.summaryAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
};

async function benchBrowser(record, browser, origin, count, paths) {
  const context = await browser.newContext({ locale: 'fr-FR', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(pageProbe);
    await page.goto(`${origin}/auditor`);
    await page.getByRole('heading', { level: 1, name: 'Espace auditeur' }).waitFor();

    // Baseline, in the same page, on the same files: File → bytes → JSON.parse and SHA-256, one after the other.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.dataset.baseline = 'true';
      input.id = 'bench-baseline';
      input.hidden = true;
      document.body.append(input);
    });
    await page.setInputFiles('#bench-baseline', paths);
    const baseline = await page.evaluate(async () => {
      const files = Array.from(document.querySelector('#bench-baseline').files);
      const started = performance.now();
      for (const file of files) {
        const bytes = await file.arrayBuffer();
        JSON.parse(new TextDecoder().decode(bytes));
        await crypto.subtle.digest('SHA-256', bytes);
      }
      document.querySelector('#bench-baseline').remove();
      return (performance.now() - started) / 1000;
    });

    const client = await context.newCDPSession(page);
    await client.send('Performance.enable');
    await page.getByLabel('Choisir des fichiers').setInputFiles(paths);
    await page.locator('.import-summary').waitFor({ timeout: 15 * 60 * 1000 });
    await page.waitForTimeout(1000); // long tasks of the final render are reported a little later
    const result = await page.evaluate(() => {
      const b = window.__bench;
      const during = b.longTasks.filter((t) => t.start + t.duration >= b.changedAt && t.start <= b.summaryAt + 1000);
      // The task in which the change event fires begins with the browser building the FileList (here from the
      // DevTools protocol's setInputFiles): only its part from the event on is the app's code.
      const app = during.map((t) =>
        t.start <= b.changedAt
          ? { ...t, duration: t.start + t.duration - b.changedAt, fileList: b.changedAt - t.start }
          : t,
      );
      return {
        seconds: (b.summaryAt - b.changedAt) / 1000,
        longest: Math.max(0, ...app.map((t) => t.duration)),
        fileList: Math.max(0, ...app.map((t) => t.fileList ?? 0)),
        longTasks: during.length,
        imported: document.querySelector('[data-outcome="imported"] td')?.textContent ?? '',
        tasks: app.map((t) => [Math.round(t.start - b.changedAt), Math.round(t.duration)]),
        summaryAfter: Math.round(b.summaryAt - b.changedAt),
      };
    });
    if (process.env.BENCH_DEBUG)
      console.log(
        'long tasks [start after the choice, duration] ms:',
        JSON.stringify(result.tasks),
        'summary at',
        result.summaryAfter,
      );
    const { metrics } = await client.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    const n = count.toLocaleString('en-GB');
    record(
      `Browser import ${n} files (chosen → summary and dashboard)`,
      round(result.seconds, 2),
      's',
      count <= 1000 ? 5 : undefined,
    );
    record(`Browser import ${n} files, longest main-thread task (app)`, Math.round(result.longest), 'ms', 200);
    record(`Browser FileList of ${n} files built before the change event`, Math.round(result.fileList), 'ms');
    record(`Browser import ${n} files, main-thread tasks over 50 ms`, result.longTasks, 'tasks');
    record(`Browser bare JSON.parse + SHA-256, ${n} files`, round(baseline, 2), 's');
    record(`Browser import / bare, ${n} files`, round(result.seconds / baseline, 1), '×');
    if (heap !== undefined)
      record(`Browser import ${n} files, page JS heap after`, Math.round(heap / 1024 / 1024), 'MB');
    if (result.imported.replace(/\D/g, '') !== String(count))
      throw new Error(`expected ${count} files imported, the page says ${result.imported}`);
  } finally {
    await context.close();
  }
}

const round = (value, digits) => Number(value.toFixed(digits));

/** Adds the rows of this benchmark through `record(name, value, unit, budget?, comparison?)`. */
export async function benchExchange({ record, browser, origin, sizes = [1000, 10000] }) {
  for (const count of sizes) {
    const { dir, paths } = exportFiles(count);
    // Every file read once first, so that no side of a comparison pays for the disk and the other not.
    for (const path of paths) readFileSync(path);
    console.log(`Auditor import and consolidation, ${count} files…`);
    await benchBrowser(record, browser, origin, count, paths);
    await benchCli(record, count, dir);
  }
}

// Alone: build into a temporary folder, serve it, measure, print.
if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
  const sizes = values.sizes.split(',').map(Number);
  await runAlone(4291, (context) => benchExchange({ ...context, sizes }));
}
