// What every benchmark script shares: building and serving the production app in a folder and on a port of its
// own, recording rows against budgets, printing the table, the cache folder outside the repository, and running one
// benchmark module on its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Where the benchmarks keep what is slow to make and the same from run to run (generated export files, Lighthouse):
 * outside the repository, so that nothing generated is committed and Lighthouse stays out of the lockfile.
 */
export const cacheRoot =
  process.env.CARE_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'care-autodiag-bench');

/** The machine's load average (1, 5, 15 minutes), rounded: timings taken under load are inflated. */
export const loadAverage = () => loadavg().map((n) => Number(n.toFixed(2)));

/**
 * Rows of results. `record(name, value, unit, budget?, comparison?, extra?)` adds one: `comparison` is 'max' (the
 * value must not exceed the budget) or 'min' (it must reach it); `extra.baseline` is the bare figure measured in the
 * same run that the value is compared with, `extra.note` says how to read it, `extra.details` holds the raw data.
 */
export function createRecorder() {
  const results = [];
  let part;
  const record = (name, value, unit, budget, comparison = 'max', extra = {}) => {
    const measured = typeof value === 'number' && Number.isFinite(value);
    const pass = budget === undefined || !measured ? null : comparison === 'max' ? value <= budget : value >= budget;
    results.push({
      part,
      name,
      value: measured ? value : null,
      unit,
      budget: budget === undefined ? null : { limit: budget, comparison },
      status: budget === undefined ? (measured ? 'info' : 'failed') : pass === null ? 'failed' : pass ? 'pass' : 'fail',
      ...(extra.baseline ? { baseline: extra.baseline } : {}),
      ...(extra.note ? { note: extra.note } : {}),
      ...(extra.details ? { details: extra.details } : {}),
    });
  };
  /** A part that could not run: one failed row, so that the table and the JSON say so. */
  const failed = (name, error) =>
    results.push({
      part,
      name,
      value: null,
      unit: '',
      budget: null,
      status: 'failed',
      note: error instanceof Error ? error.message : String(error),
    });
  return {
    results,
    record,
    failed,
    setPart(id) {
      part = id;
    },
  };
}

/** Builds the production app into outDir (emptied first); throws when the build fails. */
export function buildApp(outDir) {
  console.log(`Building the production bundle into ${outDir}…`);
  const built = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (built.status !== 0) throw new Error(`the build failed:\n${built.stdout}\n${built.stderr}`);
}

/** Serves outDir with `vite preview` (the production security headers included) and waits until it answers. */
export async function serveApp(outDir, port) {
  const origin = `http://127.0.0.1:${port}`;
  try {
    await fetch(origin);
    throw new Error(`port ${port} is already in use: choose another with --port`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('port ')) throw error;
  }
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(origin)).ok) return { origin, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  stop();
  throw new Error(`vite preview did not answer on ${origin}`);
}

const useColour = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code, text) => (useColour() ? `\x1b[${code}m${text}\x1b[0m` : text);

const formatValue = (value, unit) => (value === null ? '—' : `${value}${unit ? ` ${unit}` : ''}`);

function formatBudget(row) {
  if (!row.budget) return '';
  return `${row.budget.comparison === 'max' ? '≤' : '≥'} ${row.budget.limit} ${row.unit}`;
}

function formatStatus(row) {
  if (row.status === 'pass') return 'ok';
  if (row.status === 'fail') return row.budget?.comparison === 'min' ? 'UNDER BUDGET' : 'OVER BUDGET';
  if (row.status === 'failed') return 'DID NOT RUN';
  return '';
}

/**
 * The table of results. A missed budget (or a part that did not run) starts with "✗" and says OVER/UNDER BUDGET,
 * in red when the output is a terminal; a baseline measured in the same run is printed beside its figure.
 */
export function printResults(results, parts = []) {
  const header = `  ${'Benchmark'.padEnd(62)} ${'value'.padStart(12)}   ${'budget'.padEnd(14)} ${'bare baseline'.padEnd(16)} status`;
  console.log(`\n${paint('1', header)}`);
  let lastPart;
  for (const row of results) {
    if (row.part !== lastPart) {
      console.log(paint('2', `  — ${row.part}`));
      lastPart = row.part;
    }
    const missed = row.status === 'fail' || row.status === 'failed';
    const baseline = row.baseline ? formatValue(row.baseline.value, row.baseline.unit) : '';
    const line =
      `${missed ? '✗' : ' '} ${row.name.padEnd(62)} ${formatValue(row.value, row.unit).padStart(12)}   ` +
      `${formatBudget(row).padEnd(14)} ${baseline.padEnd(16)} ${formatStatus(row)}`;
    console.log(missed ? paint('1;31', line) : row.status === 'pass' ? line.replace(/ok$/, paint('32', 'ok')) : line);
    if (missed && row.note) console.log(paint('31', `    ${row.note}`));
    // A timing taken under load is read with the load it was taken at (Lighthouse rows say it in their note).
    else if (row.note?.includes('load average')) console.log(paint('2', `    ${row.note}`));
  }
  if (parts.length > 0) {
    console.log(paint('1', '\n  Part             took     load average (1 min) at start → end'));
    for (const p of parts)
      console.log(
        `  ${p.id.padEnd(16)} ${`${p.seconds.toFixed(1)} s`.padStart(8)}     ` +
          `${p.loadAverage.start[0]} → ${p.loadAverage.end[0]}`,
      );
  }
  const budgets = results.filter((r) => r.budget);
  const missed = results.filter((r) => r.status === 'fail' || r.status === 'failed');
  const summary = `\n  Budgets: ${budgets.filter((r) => r.status === 'pass').length} met, ${missed.length} missed${
    missed.length > 0 ? `: ${missed.map((r) => r.name).join('; ')}` : ''
  }.`;
  console.log(missed.length > 0 ? paint('1;31', summary) : paint('32', summary));
}

/** Whether a benchmark module was started directly (`node scripts/bench-x.mjs`) rather than imported. */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** Runs one benchmark module alone: its own build in a temporary folder, its own server and browser, the table. */
export async function runAlone(port, id, bench) {
  const { chromium } = await import('playwright-core');
  const { chromiumLaunchOptions } = await import('../tests/e2e/chromium.js');
  const dist = mkdtempSync(join(tmpdir(), 'care-bench-dist-'));
  buildApp(dist);
  const { origin, stop } = await serveApp(dist, port);
  const { results, record, setPart } = createRecorder();
  setPart(id);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await bench({ record, browser, origin });
  } finally {
    await browser.close();
    stop();
    rmSync(dist, { recursive: true, force: true });
  }
  printResults(results);
  process.exit(0);
}
