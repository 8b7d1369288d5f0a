// Benchmark of the gap-analysis PDF of a complete CaRE assessment (about 60 pages: every item answered, commented and
// with four pieces of evidence, an action per gap), in Node (the command line's path) and in the browser (the
// report page of the production build, from the click to the download). Design §8: ≤ 1 s in both.
//
//   node scripts/bench-report.mjs      builds, serves, measures and prints a table
//
// scripts/bench.mjs runs it as the part `report`, with its own browser and preview server.
// Timings are medians of several runs after a warm-up; on a loaded machine the wall time of a run can be several
// times its CPU time, so the Node CPU time is reported beside it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';
import { isMain, runAlone } from './bench-harness.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = 7;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function loadReportCode() {
  const at = (path) => tsImport(join(root, path), import.meta.url);
  const [data, model, render, fonts] = await Promise.all([
    at('src/testing/report/report-test-data.ts'),
    at('src/report/report-model.ts'),
    at('src/report/pdf/render-report.ts'),
    at('src/report/pdf/fonts-node.ts'),
  ]);
  return { data, model, render, fonts };
}

async function benchNode(record, code) {
  const fonts = await code.fonts.nodeFontLoader();
  const input = code.data.completeReportInput();
  const walls = [];
  const cpus = [];
  let last;
  for (let i = 0; i < RUNS + 1; i += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    last = code.render.renderReportPdf(code.model.buildReportModel(input), fonts);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (i === 0) continue; // warm-up
    walls.push(wall);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  record('Report PDF, complete CaRE assessment: pages', last.pageCount, 'pages', 60, 'min');
  record('Report PDF, complete CaRE assessment: size', Math.round(last.bytes.length / 1024), 'KiB');
  record('Report PDF in Node (model + layout), median wall time', Math.round(median(walls)), 'ms', 1000);
  record('Report PDF in Node, median CPU time', Math.round(median(cpus)), 'ms');
}

/** Puts the complete assessment into the demo CHU's 2026 CaRE campaign, straight into IndexedDB. */
async function seedCompleteAssessment(page, input) {
  const now = Date.now();
  const answers = Object.fromEntries(Object.entries(input.answers).map(([id, a]) => [id, { ...a, updatedAt: now }]));
  const evidence = input.evidence.map((e, i) => ({
    id: `bench-evidence-${i}`,
    assessmentId: 'demo-chu-care-2026',
    itemId: e.itemId,
    name: e.name,
    type: 'application/pdf',
    size: e.size,
    sha256: e.sha256,
    ...(e.documentDate ? { documentDate: e.documentDate } : {}),
    addedAt: now,
    data: [],
  }));
  const actions = input.actions.map((a, i) => ({
    ...a,
    id: `bench-action-${i}`,
    establishmentId: 'demo-chu',
    assessmentId: 'demo-chu-care-2026',
    createdAt: now + i,
    updatedAt: now + i,
  }));
  await page.evaluate(
    ({ answers, evidence, actions }) =>
      new Promise((resolvePromise, reject) => {
        const open = indexedDB.open('care-autodiag');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['assessments', 'evidence', 'actions'], 'readwrite');
          const store = tx.objectStore('assessments');
          const get = store.get('demo-chu-care-2026');
          get.onsuccess = () => store.put({ ...get.result, answers, updatedAt: Date.now() });
          for (const row of evidence) tx.objectStore('evidence').put({ ...row, data: new ArrayBuffer(0) });
          for (const row of actions) tx.objectStore('actions').put(row);
          tx.oncomplete = () => {
            db.close();
            resolvePromise(undefined);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { answers, evidence, actions },
  );
}

async function benchBrowser(record, browser, origin, code) {
  const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/settings`);
    await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
    await page.getByText(/données de démonstration ont été chargées/).waitFor();
    await seedCompleteAssessment(page, code.data.completeReportInput());
    await page.goto(`${origin}/assessments/demo-chu-care-2026/report`);
    await page.getByText(/^Évaluation complète/).waitFor();
    const button = page.getByRole('button', { name: 'Générer le rapport PDF' });
    const status = page.getByRole('status').filter({ hasText: /^Rapport téléchargé/ });
    const times = [];
    let pages = 0;
    let size = 0;
    for (let i = 0; i < RUNS + 1; i += 1) {
      // Each run is timed from the click to the download, in the page's own clock (no test-driver round trips).
      await page.evaluate(() => {
        window.__reportStart = performance.now();
      });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      await status.waitFor();
      const elapsed = await page.evaluate(() => performance.now() - window.__reportStart);
      const text = (await status.textContent()) ?? '';
      pages = Number(/\((\d+) pages/.exec(text)?.[1] ?? 0);
      size = readFileSync(await download.path()).length;
      if (i > 0) times.push(elapsed);
      // A fresh page for each run: the status of the last run is gone and the PDF chunk comes from the cache.
      await page.reload();
      await page.getByText(/^Évaluation complète/).waitFor();
    }
    record('Report PDF in the browser (click → download), median', Math.round(median(times)), 'ms', 1000);
    record('Report PDF in the browser: pages', pages, 'pages');
    record('Report PDF in the browser: size', Math.round(size / 1024), 'KiB');
  } finally {
    await context.close();
  }
}

export async function benchReport({ record, browser, origin }) {
  console.log('Report PDF of a complete CaRE assessment…');
  const code = await loadReportCode();
  const fontDir = join(root, 'public', 'fonts');
  record(
    'Report font subset, regular',
    Math.round(gunzipSync(readFileSync(join(fontDir, 'DejaVuSans-subset.ttf.gz'))).length / 1024),
    'KiB',
  );
  record(
    'Report font subset, bold',
    Math.round(gunzipSync(readFileSync(join(fontDir, 'DejaVuSans-Bold-subset.ttf.gz'))).length / 1024),
    'KiB',
  );
  await benchNode(record, code);
  await benchBrowser(record, browser, origin, code);
}

// Alone: build into a temporary folder, serve it, measure, print.
if (isMain(import.meta.url)) await runAlone(4305, 'report', benchReport);
