// `npm run bench`: measures the budgets of the design (§8) on the production build in the system Chromium, prints
// a table in which a missed budget stands out, and writes bench/results.json. Timings are medians or percentiles
// over many runs; they are reported, not asserted by the unit tests (they would flake on a shared machine).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';
import { buildApp, createRecorder, printResults, serveApp } from './bench-harness.mjs';

const { results, record } = createRecorder();
buildApp('dist');

// Service-worker precache: every entry of the workbox manifest in dist/sw.js.
const sw = readFileSync('dist/sw.js', 'utf8');
const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
const precacheBytes = precached.reduce((n, url) => n + statSync(`dist/${url.replace(/^\//, '')}`).size, 0);
record('Service-worker precache', Math.round(precacheBytes / 1024), 'KiB', 1536);

const { origin, stop } = await serveApp('dist', 4290);

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  // First-screen JavaScript: every script the home page loads before any interaction, gzip-compressed.
  {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' });
    const page = await context.newPage();
    const scripts = new Map();
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
    });
    await page.goto(origin, { waitUntil: 'networkidle' });
    const gzip = [...scripts.values()].reduce((n, body) => n + gzipSync(body, { level: 9 }).length, 0);
    record('First-screen JavaScript (gzip)', Math.round(gzip / 1024), 'KiB', 170);
    await context.close();
    // A browser set to English loads the English texts (one lazy chunk) before the first render.
    const english = await browser.newContext({ serviceWorkers: 'block', locale: 'en-GB' });
    const englishPage = await english.newPage();
    const englishScripts = new Map();
    englishPage.on('response', async (response) => {
      if (response.request().resourceType() === 'script') englishScripts.set(response.url(), await response.body());
    });
    await englishPage.goto(origin, { waitUntil: 'networkidle' });
    const englishGzip = [...englishScripts.values()].reduce((n, body) => n + gzipSync(body, { level: 9 }).length, 0);
    record('First-screen JavaScript, English browser (gzip)', Math.round(englishGzip / 1024), 'KiB', 170);
    await english.close();
  }

  // Answer saved: from the change to "Enregistré" shown, over 250 answers, in the page itself.
  {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${origin}/establishments/new`);
    await page.getByLabel('Nom de l’établissement').fill('Centre hospitalier de mesure');
    await page.getByLabel('Numéro FINESS juridique (EJ)').fill('010780914');
    await page.getByRole('button', { name: 'Créer l’établissement' }).click();
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('link', { name: /Domaine 2/ }).click();
    await page.waitForSelector('article[data-item-id] input[type=radio]');
    const latencies = await page.evaluate(async (count) => {
      const indicator = document.querySelector('[data-saved-count]');
      const radios = [...document.querySelectorAll('article[data-item-id] input[type=radio]')].filter(
        (r) => r.value === 'yes' || r.value === 'partial' || r.value === 'no',
      );
      const savedCount = () =>
        Number(document.querySelector('[data-saved-count]')?.getAttribute('data-saved-count') ?? 0);
      const out = [];
      for (let i = 0; i < count; i += 1) {
        // Skip the radio already checked: a click on it would change nothing and save nothing.
        const radio = radios.filter((r) => !r.checked)[i % 7];
        const before = savedCount();
        const started = performance.now();
        await new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (savedCount() > before) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(indicator ?? document.body, { attributes: true, subtree: true });
          radio.click();
        });
        out.push(performance.now() - started);
      }
      return out;
    }, 250);
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    record('Answer saved, p50 (250 answers)', Number(pct(50).toFixed(1)), 'ms');
    record('Answer saved, p95 (250 answers)', Number(pct(95).toFixed(1)), 'ms', 50);
    await context.close();
  }
  // The report (issue of the PDF) and the exchange files (import in the browser, consolidation on the command line)
  // have their own modules; a failure in one is reported and does not lose the other figures.
  for (const [name, load] of [
    ['report', async () => (await import('./bench-report.mjs')).benchReport],
    ['exchange', async () => (await import('./bench-exchange.mjs')).benchExchange],
  ]) {
    try {
      const run = await load();
      await run({ record, browser, origin });
    } catch (error) {
      console.error(`The ${name} benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
      results.push({ name: `${name} benchmark`, value: 'failed', unit: '', budget: undefined, ok: false });
    }
  }
} finally {
  await browser.close();
  stop();
}

mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
printResults(results);
console.log('\nWritten to bench/results.json');
process.exit(0);
