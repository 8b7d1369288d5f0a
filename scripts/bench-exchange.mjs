// Benchmark of the auditor's import (browser) and of `care-autodiag consolidate` (command line), each beside a bare
// JSON.parse + SHA-256 of the same files in the same run (design §8: 1,000 files imported in ≤ 5 s with no
// main-thread task over 200 ms; ≤ 3× the bare cost on the command line; 40,000 files: streams, memory stays flat,
// minutes not hours).
//
//   node scripts/bench-exchange.mjs [--sizes 1000,10000]     builds, serves, measures the import and prints a table
//   BENCH_DEBUG=1 node scripts/bench-exchange.mjs             also prints each long task (start, duration)
//
// scripts/bench.mjs runs it as the parts `import1k` (browser and command line, 1,000 files), `import10k` (the same
// with 10,000, not run by default) and `consolidate40k` (command line only, with its memory sampled as it reads).
// Files come from the test-data generator, kept in the benchmark cache (bench-harness.mjs) under a name that
// includes a digest of the generator's inputs: a second run reuses them, a change to the generator or to what it
// imports makes new ones.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheRoot, isMain, root, runAlone } from './bench-harness.mjs';

const SEED = 7;
const GENERATOR = 'scripts/generate-exports.ts';

/** Every project file the generator reads: its imports, followed from file to file, and the data it opens. */
function generatorInputs() {
  const seen = new Set();
  const queue = [join(root, GENERATOR)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
        (p) => existsSync(p) && statSync(p).isFile(),
      );
      if (found) queue.push(found);
    }
  }
  const data = ['seeds', 'questionnaires'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .map((name) => join(root, dir, String(name)))
      .filter((p) => p.endsWith('.json') && statSync(p).isFile()),
  );
  // Following imports missed a change of the gap ranking once (files cached at 08:28 were then refused by the
  // command they measure): every source of the domain and the exchange counts, whether the walk reaches it or not.
  const sources = ['src/domain', 'src/exchange'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .map((name) => join(root, dir, String(name)))
      .filter((p) => p.endsWith('.ts') && !p.endsWith('.test.ts') && statSync(p).isFile()),
  );
  seen.forEach((file) => sources.push(file));
  return [...new Set([...sources, ...data])].sort();
}

function generatorDigest(count) {
  const hash = createHash('sha256').update(`count=${count};seed=${SEED}\n`);
  for (const file of generatorInputs()) hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

/** N generated export files in the benchmark cache, generated only when missing or when the generator changed. */
export async function exportFiles(count) {
  const prefix = `exports-${count}-seed${SEED}-`;
  const dir = join(cacheRoot, `${prefix}${generatorDigest(count)}`);
  const marker = join(dir, '.complete');
  if (!existsSync(marker)) {
    mkdirSync(cacheRoot, { recursive: true });
    // Files of an older generator are of no further use: 40,000 of them weigh about 370 MB.
    for (const old of readdirSync(cacheRoot).filter((n) => n.startsWith(prefix)))
      rmSync(join(cacheRoot, old), { recursive: true, force: true });
    console.log(`Generating ${count.toLocaleString('en-GB')} export files in ${dir}…`);
    const started = performance.now();
    const { status } = await run('npx', [
      'tsx',
      GENERATOR,
      '--count',
      String(count),
      '--out',
      dir,
      '--seed',
      `${SEED}`,
    ]);
    if (status !== 0) throw new Error('the export generator failed');
    writeFileSync(marker, `${count}\n`);
    console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  if (names.length !== count) throw new Error(`${dir} holds ${names.length} files, not ${count}`);
  const paths = names.map((n) => join(dir, n));
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  return { dir, paths, bytes };
}

/** Spawns a command; resolves with its exit status and output, its wall time in seconds. */
function run(command, args, { onStdoutLine, onStderrLine, onStart } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    onStart?.(child);
    const output = { stdout: '', stderr: '' };
    const lines = (stream, onLine) => {
      let pending = '';
      child[stream].on('data', (d) => {
        output[stream] += d;
        pending += d;
        const complete = pending.split('\n');
        pending = complete.pop() ?? '';
        for (const line of complete) onLine?.(line);
      });
    };
    lines('stdout', onStdoutLine);
    lines('stderr', onStderrLine);
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, ...output, wall: (performance.now() - started) / 1000 }));
  });
}

/** Resident memory of a process now and at its peak so far (VmRSS, VmHWM in /proc/<pid>/status), in MB. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rss = kb('VmRSS');
    const peak = kb('VmHWM');
    // A process that has exited but is not yet reaped (a zombie) has a status without memory lines.
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rss: rss / 1024, peak: peak / 1024 } : undefined;
  } catch {
    return undefined; // the process has ended
  }
}

/**
 * Runs `node <args>` and samples its memory every 100 ms and at each progress line ("… 5000 / 40000 files"); the
 * last peak sampled is within 100 ms of the end. With `--trace-gc`, V8 prints the heap left after each full
 * collection (Mark-Compact): the memory really kept, which RSS hides (V8 lets garbage pile up to its heap limit
 * before a full collection).
 */
async function runSampled(args, { traceGc = false } = {}) {
  let pid;
  let peak = 0;
  let startedAt = 0;
  const atFiles = [];
  const fullCollections = [];
  const sample = () => {
    const m = pid && memoryOf(pid);
    if (m) peak = Math.max(peak, m.peak);
    return m;
  };
  const timer = setInterval(sample, 100);
  const result = await run('node', [...(traceGc ? ['--trace-gc'] : []), ...args], {
    onStart: (child) => {
      pid = child.pid;
      startedAt = performance.now();
    },
    onStdoutLine: (line) => {
      // [pid:isolate]  14684 ms: Mark-Compact 204.8 (239.3) -> 62.6 (235.3) MB, …
      const gc = /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: Mark-Compact[^\d]*[\d.]+ \([\d.]+\) -> ([\d.]+)/.exec(line);
      if (gc) fullCollections.push({ isolate: gc[1], ms: Number(gc[2]), heapMb: Number(gc[3]) });
    },
    onStderrLine: (line) => {
      const progress = /(\d+) \/ (\d+)/.exec(line);
      const m = progress && sample();
      if (m)
        atFiles.push({
          files: Number(progress[1]),
          ms: Math.round(performance.now() - startedAt),
          rssMb: Math.round(m.rss),
          peakMb: Math.round(m.peak),
        });
    },
  });
  clearInterval(timer);
  // The main thread's isolate is the one with the largest heap (tsx's loader thread has its own, small).
  const heapOf = (isolate) => Math.max(...fullCollections.filter((c) => c.isolate === isolate).map((c) => c.heapMb));
  const main = [...new Set(fullCollections.map((c) => c.isolate))].sort((a, b) => heapOf(b) - heapOf(a))[0];
  // Files read at each full collection, interpolated between the progress lines around it.
  const filesAt = (ms) => {
    const points = [{ files: 0, ms: 0 }, ...atFiles];
    const after = points.findIndex((p) => p.ms >= ms);
    if (after === -1) return points[points.length - 1].files; // after the last file: writing the outputs
    if (after === 0) return 0;
    const a = points[after - 1];
    const b = points[after];
    return Math.round(a.files + ((b.files - a.files) * (ms - a.ms)) / (b.ms - a.ms));
  };
  const liveHeap = fullCollections
    .filter((c) => c.isolate === main)
    .map((c) => ({ ms: c.ms, files: filesAt(c.ms), heapMb: c.heapMb }))
    .filter((c) => c.files !== undefined);
  return { ...result, peakMb: Math.round(peak), atFiles, liveHeap };
}

// The bare baseline: read each file, JSON.parse it and hash its bytes with SHA-256, one after the other; prints
// seconds.
const nodeBaseline = `
const { readdir, readFile } = await import('node:fs/promises');
const { join } = await import('node:path');
const dir = process.argv[1];
const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
const started = performance.now();
for (const [i, name] of names.entries()) {
  const bytes = await readFile(join(dir, name));
  JSON.parse(new TextDecoder().decode(bytes));
  await crypto.subtle.digest('SHA-256', bytes);
  if ((i + 1) % 5000 === 0) console.error('… ' + (i + 1) + ' / ' + names.length);
}
console.log('BASELINE_S=' + (performance.now() - started) / 1000);
`;

const round = (value, digits) => Number(value.toFixed(digits));

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The command line: `consolidate` on the folder, and the bare baseline on the same files, in the same run. They
 * take turns (bare, consolidate, bare, consolidate…) and the ratio is the median of each pair's: on a shared
 * machine the load changes from one second to the next, and a pair run back to back sees about the same.
 */
async function benchCli(record, files, { budgetRatio, memory, rounds = 1 }) {
  const count = files.paths.length;
  const n = count.toLocaleString('en-GB');
  const outDir = mkdtempSync(join(tmpdir(), 'care-bench-csv-'));
  try {
    const pairs = [];
    let bare;
    let cli;
    for (let i = 0; i < rounds; i += 1) {
      bare = await runSampled(['--input-type=module', '-e', nodeBaseline, files.dir]);
      const baseline = Number(/BASELINE_S=([\d.]+)/.exec(bare.stdout)?.[1]);
      if (!Number.isFinite(baseline)) throw new Error(`the bare baseline failed: ${bare.stderr}`);
      cli = await runSampled(
        ['bin/care-autodiag.mjs', 'consolidate', files.dir, '--csv', join(outDir, 'consolidation.csv'), '--lang', 'en'],
        { traceGc: memory },
      );
      if (cli.status !== 0) throw new Error(`consolidate failed: ${cli.stderr}`);
      // A refused file costs less than a kept one: a ratio measured on refusals would flatter the command.
      const rejected = Number(/(\d+) rejected/.exec(cli.stdout)?.[1]);
      if (rejected !== 0) throw new Error(`consolidate refused ${rejected} of the generated files: ${cli.stderr}`);
      // The command's own figure: from the first file read to the last folded, without Node's and tsx's start-up.
      const inside = Number(/read in ([\d.,]+) s/.exec(cli.stdout)?.[1]?.replace(',', '.'));
      pairs.push({ baseline, inside, wall: cli.wall, ratio: inside / baseline });
    }
    const baseline = median(pairs.map((p) => p.baseline));
    const inside = median(pairs.map((p) => p.inside));
    const kept = /(\d+) kept/.exec(cli.stdout)?.[1];
    const bareBaseline = {
      name: 'bare JSON.parse + SHA-256, same files, same run',
      value: round(baseline, 2),
      unit: 's',
    };
    const ofRounds = rounds > 1 ? ` (median of ${rounds})` : '';
    record(`CLI consolidate ${n} files, reading → folded${ofRounds}`, round(inside, 2), 's', undefined, 'max', {
      baseline: bareBaseline,
      note: 'as the command reports it: first file read to last folded, without start-up and outputs',
      details: { establishmentsKept: Number(kept) },
    });
    record(
      `CLI consolidate ${n} files, whole command`,
      round(median(pairs.map((p) => p.wall)), 2),
      's',
      undefined,
      'max',
      {
        note: 'Node and tsx start-up and the CSV included',
      },
    );
    record(`CLI bare JSON.parse + SHA-256, ${n} files${ofRounds}`, round(baseline, 2), 's');
    record(
      `CLI consolidate / bare, ${n} files${rounds > 1 ? ` (median of ${rounds} pairs)` : ''}`,
      round(median(pairs.map((p) => p.ratio)), 2),
      '×',
      budgetRatio,
      'max',
      {
        baseline: bareBaseline,
        details: { pairs: pairs.map((p) => ({ bare: round(p.baseline, 3), consolidate: round(p.inside, 3) })) },
      },
    );
    if (memory) {
      // "Minutes, not hours": the whole command, start-up and CSV included, against an hour.
      record(`CLI consolidate ${n} files, whole command in minutes`, round(cli.wall / 60, 2), 'min', 60, 'max', {
        note: '"minutes, not hours" read as under 60 minutes',
      });
      const meanFileKb = files.bytes / count / 1024;
      const at = (files) => cli.atFiles.find((s) => s.files === files)?.rssMb ?? null;
      record(`CLI consolidate ${n} files, peak RSS`, cli.peakMb, 'MB', undefined, 'max', {
        baseline: { name: 'bare JSON.parse + SHA-256 peak RSS', value: bare.peakMb, unit: 'MB' },
        note: 'RSS includes the garbage V8 lets pile up before a full collection',
      });
      record('CLI consolidate, RSS at 10,000 files', at(10_000), 'MB');
      record(`CLI consolidate, RSS at ${n} files`, at(count), 'MB');
      // Memory as files are read, after the first 5,000 (start-up, first collections): what stays after each full
      // collection.
      // The consolidation keeps one compact row per establishment; the files themselves must not stay. "Memory
      // stays flat" is read as: what stays per file read is under a quarter of the file's size.
      const steady = cli.liveHeap.filter((c) => c.files >= 5000 && c.files <= count);
      const keptKb = steady.length >= 2 ? slope(steady.map((c) => ({ x: c.files, y: c.heapMb * 1024 }))) : NaN;
      const rssKb = slope(cli.atFiles.filter((s) => s.files >= 5000).map((s) => ({ x: s.files, y: s.rssMb * 1024 })));
      record('CLI consolidate, RSS growth per file from 5,000 files on', round(rssKb, 2), 'KB/file');
      record('CLI consolidate, heap kept per file (after full GC)', round(keptKb, 2), 'KB/file', undefined, 'max', {
        note: `a file is ${round(meanFileKb, 1)} KB on average`,
      });
      record('CLI consolidate, heap kept / file size (flat memory)', round(keptKb / meanFileKb, 3), '×', 0.25, 'max', {
        note: '"memory stays flat" read as: under a quarter of what is read stays in memory',
        details: {
          meanFileKb: round(meanFileKb, 2),
          establishmentsKept: Number(kept),
          heapAfterFullCollections: cli.liveHeap,
          consolidateProgress: cli.atFiles,
          bareProgress: bare.atFiles,
        },
      });
    } else {
      record(`CLI consolidate ${n} files, peak RSS`, cli.peakMb, 'MB', undefined, 'max', {
        baseline: { name: 'bare JSON.parse + SHA-256 peak RSS', value: bare.peakMb, unit: 'MB' },
      });
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
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

async function benchBrowser(record, browser, origin, paths) {
  const count = paths.length;
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
    const bare = { name: 'bare JSON.parse + SHA-256 in the page, same files', value: round(baseline, 2), unit: 's' };
    record(
      `Browser import ${n} files (chosen → summary and dashboard)`,
      round(result.seconds, 2),
      's',
      count <= 1000 ? 5 : undefined,
      'max',
      { baseline: bare },
    );
    record(`Browser import ${n} files, longest main-thread task (app)`, Math.round(result.longest), 'ms', 200, 'max', {
      details: { tasks: result.tasks },
    });
    record(`Browser FileList of ${n} files (before the app's code)`, Math.round(result.fileList), 'ms');
    record(`Browser import ${n} files, main-thread tasks over 50 ms`, result.longTasks, 'tasks');
    record(`Browser bare JSON.parse + SHA-256, ${n} files`, round(baseline, 2), 's');
    record(`Browser import / bare, ${n} files`, round(result.seconds / baseline, 1), '×', undefined, 'max', {
      baseline: bare,
    });
    if (heap !== undefined)
      record(`Browser import ${n} files, page JS heap after`, Math.round(heap / 1024 / 1024), 'MB');
    if (result.imported.replace(/\D/g, '') !== String(count))
      throw new Error(`expected ${count} files imported, the page says ${result.imported}`);
  } finally {
    await context.close();
  }
}

/** Browser import and command-line consolidation of `count` files (parts import1k and import10k). */
export async function benchImport({ record, browser, origin, count }) {
  const files = await exportFiles(count);
  // Every file read once first, so that no side of a comparison pays for the disk and the other not.
  for (const path of files.paths) readFileSync(path);
  console.log(`Auditor import and consolidation, ${count.toLocaleString('en-GB')} files…`);
  await benchBrowser(record, browser, origin, files.paths);
  await benchCli(record, files, { budgetRatio: 3, memory: false, rounds: count <= 1000 ? 5 : 1 });
}

/** The national campaign: 40,000 files through `consolidate`, time and memory, beside the bare baseline. */
export async function benchConsolidate({ record, count = 40_000 }) {
  const files = await exportFiles(count);
  for (const path of files.paths) readFileSync(path);
  console.log(`Consolidation of ${count.toLocaleString('en-GB')} files on the command line…`);
  record(`Export files of the campaign`, round(files.bytes / 1024 / 1024, 1), 'MB', undefined, 'max', {
    details: { files: count, folder: files.dir },
  });
  await benchCli(record, files, { memory: true });
}

// Alone: build into a temporary folder, serve it, measure, print.
if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
  const sizes = values.sizes.split(',').map(Number);
  await runAlone(4306, 'import', async (context) => {
    for (const count of sizes) await benchImport({ ...context, count });
  });
}
