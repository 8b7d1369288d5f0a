// `npm run bench`: measures the budgets of the design (§8) on the production build in the system Chromium, prints a
// table in which a missed budget stands out, and writes bench/results.json. Timings are medians or percentiles over
// many runs; they are reported, not asserted by the tests (they would flake on a shared machine), and each part
// records the load average of the machine before and after it, since a loaded machine inflates them.
//
//   npm run bench                                   every default part
//   npm run bench -- --only lighthouse,consolidate40k
//   npm run bench -- --list                         the parts, what they measure
//   options: --port <n> (4304)  --lighthouse-runs <n> (5)  --out <file> (bench/results.json)
//
// Parts run with --only replace their own rows in the results file; the other parts' rows stay, each part with the
// time it was measured. The build and the preview server are this script's own (a temporary folder, port 4304), so
// that `npm start` and the end-to-end tests can run beside it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAnswerSaved, benchFirstScreen, benchPrecache } from './bench-app.mjs';
import { benchConsolidate, benchImport } from './bench-exchange.mjs';
import { buildApp, createRecorder, loadAverage, printResults, root, serveApp } from './bench-harness.mjs';
import { benchLighthouse } from './bench-lighthouse.mjs';
import { benchReport } from './bench-report.mjs';

const RESULTS_FORMAT = 2;

/** Every part, in the order they run; `needs`: the build, the preview server, a Playwright browser. */
const parts = [
  { id: 'precache', needs: ['build'], run: benchPrecache, about: 'service-worker precache (≤ 1.5 MB)' },
  {
    id: 'first-screen',
    needs: ['build', 'server', 'browser'],
    run: benchFirstScreen,
    about: 'JavaScript of the home page, gzip, French and English browser (≤ 150 KB)',
  },
  {
    id: 'lighthouse',
    needs: ['build', 'server'],
    run: benchLighthouse,
    about: 'Lighthouse mobile, median of 5 runs: home page (≥ 98 / 100 / 100), two data screens (≥ 95 / 100 / 100)',
  },
  {
    id: 'answer-saved',
    needs: ['build', 'server', 'browser'],
    run: benchAnswerSaved,
    about: 'answer change → committed → « Enregistré », 250 answers (p95 ≤ 50 ms)',
  },
  {
    id: 'report',
    needs: ['build', 'server', 'browser'],
    run: benchReport,
    about: '60-page PDF report, Node and browser (≤ 1 s)',
  },
  {
    id: 'import1k',
    needs: ['build', 'server', 'browser'],
    run: (c) => benchImport({ ...c, count: 1000 }),
    about: '1,000 export files: browser import (≤ 5 s, tasks ≤ 200 ms), CLI (≤ 3× bare)',
  },
  {
    id: 'import10k',
    needs: ['build', 'server', 'browser'],
    run: (c) => benchImport({ ...c, count: 10_000 }),
    about: 'the same with 10,000 files (not run by default)',
    optional: true,
  },
  {
    id: 'consolidate40k',
    needs: [],
    run: (c) => benchConsolidate({ ...c, count: 40_000 }),
    about: '40,000 files through `care-autodiag consolidate`: time, peak and growth of memory, beside bare',
  },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    list: { type: 'boolean', default: false },
    port: { type: 'string', default: '4304' },
    out: { type: 'string', default: 'bench/results.json' },
    'lighthouse-runs': { type: 'string', default: '5' },
  },
});

if (values.list) {
  for (const p of parts) console.log(`${p.id.padEnd(16)} ${p.about}`);
  process.exit(0);
}

const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : undefined;
const unknown = (wanted ?? []).filter((id) => !parts.some((p) => p.id === id));
if (unknown.length > 0) {
  console.error(`unknown part(s): ${unknown.join(', ')}; the parts are ${parts.map((p) => p.id).join(', ')}`);
  process.exit(2);
}
const chosen = parts.filter((p) => (wanted ? wanted.includes(p.id) : !p.optional));
const needs = new Set(chosen.flatMap((p) => p.needs));
const port = Number(values.port);
const outFile = resolve(root, values.out);

const { results, record, failed, setPart } = createRecorder();
const timings = [];
const started = performance.now();
let dist;
let server;
let browser;
try {
  if (needs.has('build')) {
    dist = mkdtempSync(join(tmpdir(), 'care-bench-dist-'));
    const t0 = performance.now();
    buildApp(dist);
    console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (needs.has('server')) server = await serveApp(dist, port);
  if (needs.has('browser')) {
    const { chromium } = await import('playwright-core');
    const { chromiumLaunchOptions } = await import('../tests/e2e/chromium.js');
    browser = await chromium.launch(chromiumLaunchOptions);
  }
  for (const part of chosen) {
    setPart(part.id);
    console.log(`\n▶ ${part.id}: ${part.about}`);
    const load = loadAverage();
    const t0 = performance.now();
    try {
      // A part that fails is reported and does not lose the others' figures.
      await part.run({
        record,
        failed,
        browser,
        origin: server?.origin,
        dist,
        runs: Number(values['lighthouse-runs']),
      });
    } catch (error) {
      console.error(`The ${part.id} benchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
      failed(`${part.id} benchmark`, error);
    }
    const seconds = (performance.now() - t0) / 1000;
    timings.push({
      id: part.id,
      measuredAt: new Date().toISOString(),
      seconds: Number(seconds.toFixed(1)),
      loadAverage: { start: load, end: loadAverage() },
    });
    console.log(`  ${part.id} took ${seconds.toFixed(1)} s`);
  }
} finally {
  await browser?.close();
  server?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
}

// Rows of the parts not run this time stay as they were measured.
let previous = { parts: [], results: [] };
if (existsSync(outFile)) {
  try {
    const read = JSON.parse(readFileSync(outFile, 'utf8'));
    if (read.format === RESULTS_FORMAT) previous = read;
  } catch {
    /* unreadable: replaced */
  }
}
const ran = new Set(chosen.map((p) => p.id));
const order = (id) => parts.findIndex((p) => p.id === id);
const allParts = [...previous.parts.filter((p) => !ran.has(p.id)), ...timings].sort(
  (a, b) => order(a.id) - order(b.id),
);
const allResults = [...previous.results.filter((r) => !ran.has(r.part)), ...results].sort(
  (a, b) => order(a.part) - order(b.part),
);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      format: RESULTS_FORMAT,
      writtenAt: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
      },
      parts: allParts,
      results: allResults,
    },
    null,
    2,
  )}\n`,
);
printResults(results, timings);
console.log(`\n  This run took ${((performance.now() - started) / 1000).toFixed(0)} s. Written to ${values.out}.`);
process.exit(results.some((r) => r.status === 'failed') ? 1 : 0);
