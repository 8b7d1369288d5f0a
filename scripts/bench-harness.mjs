// What every benchmark script shares: building and serving the production app, recording rows against budgets,
// printing the table, and running one benchmark module on its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Rows of results; `record(name, value, unit, budget?, comparison?)` adds one, marked within budget or not. */
export function createRecorder() {
  const results = [];
  const record = (name, value, unit, budget, comparison = 'max') =>
    results.push({
      name,
      value,
      unit,
      budget,
      ok: budget === undefined ? null : comparison === 'max' ? value <= budget : value >= budget,
    });
  return { results, record };
}

/** Builds the production app into outDir (emptied first); exits when the build fails. */
export function buildApp(outDir) {
  console.log('Building the production bundle…');
  const built = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    stdio: 'ignore',
  });
  if (built.status !== 0) {
    console.error('The build failed.');
    process.exit(1);
  }
}

/** Serves outDir with `vite preview` (the production headers included) and waits until it answers. */
export async function serveApp(outDir, port) {
  const origin = `http://127.0.0.1:${port}`;
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
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(origin)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { origin, stop };
}

/** The table of results, a missed budget in red. */
export function printResults(results) {
  console.log(`\n${'Benchmark'.padEnd(56)} ${'value'.padStart(14)}   ${'budget'.padStart(12)}`);
  for (const r of results) {
    const flag = r.ok === null ? '' : r.ok ? '✓' : '✗ OVER BUDGET';
    const budget = r.budget === undefined ? '' : `${r.budget} ${r.unit}`;
    const line = `${r.name.padEnd(56)} ${`${r.value} ${r.unit}`.padStart(14)}   ${budget.padStart(12)}  ${flag}`;
    console.log(r.ok === false ? `\x1b[31m${line}\x1b[0m` : line);
  }
}

/** Whether a benchmark module was started directly (`node scripts/bench-x.mjs`) rather than imported. */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** Runs one benchmark module alone: its own build in a temporary folder, its own server and browser, the table. */
export async function runAlone(port, bench) {
  const { chromium } = await import('playwright-core');
  const { chromiumLaunchOptions } = await import('../tests/e2e/chromium.js');
  const dist = mkdtempSync(join(tmpdir(), 'care-bench-dist-'));
  buildApp(dist);
  const { origin, stop } = await serveApp(dist, port);
  const { results, record } = createRecorder();
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
