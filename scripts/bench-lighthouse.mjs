// Lighthouse (design §8: mobile performance ≥ 98 on the home page and ≥ 95 on data screens, accessibility 100, best
// practices 100) on the production build served by `vite preview` with the production security headers, in the
// system Chromium.
//
// Lighthouse is not a dependency of the project (185 MB, and it would pin its own Chromium tooling in the lockfile):
// it is installed once, at the version that runs on Node 20 (12.8.2; 13 needs Node 22), into the benchmark cache
// outside the repository (bench-harness.mjs), and loaded from there.
//
// Pages: the home page on a first visit (a fresh profile, storage cleared by Lighthouse as usual), and two data
// screens of the demo CHU (answering, results). Lighthouse clears the origin's storage before it loads a page, which
// would leave a data screen empty; so for those, the demo data is loaded first through the app (Settings → load the
// demo data) into a Chromium profile, the profile is copied for each run, and Lighthouse runs in that copy with
// `disableStorageReset`. The service worker is blocked while the data is loaded, so that each data-screen run
// still fetches the app from the network, like the home page.
//
// Each page is measured several times (5 by default); the run with the median performance score is reported,
// accessibility and best practices are the lowest of the runs, and every audit that did not pass in any run is listed
// in bench/results.json. Lighthouse's mobile score simulates a CPU four times slower than the machine it runs on, from
// the main-thread time it observes: on a machine loaded by other work that time grows, and total blocking time and
// the score with it. So each run records the load average (1 minute) when it started and Lighthouse's own measure of
// the machine's speed (benchmarkIndex, lower under load), beside its score; the table gives the median's load.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumExecutable, chromiumLaunchOptions } from '../tests/e2e/chromium.js';
import { cacheRoot, loadAverage } from './bench-harness.mjs';

export const LIGHTHOUSE_VERSION = '12.8.2';
const categories = ['performance', 'accessibility', 'best-practices'];
const budgets = { performance: 95, accessibility: 100, 'best-practices': 100 };
/** The home page is held to a higher performance score than the data screens (design §8). */
const homePerformanceBudget = 98;
const labels = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best practices' };

const pages = [
  { id: 'home', path: '/', withData: false, label: 'home page, first visit', performance: homePerformanceBudget },
  { id: 'assessment', path: '/assessments/demo-chu-care-2026', withData: true, label: 'answering screen, demo CHU' },
  { id: 'results', path: '/assessments/demo-chu-care-2026/results', withData: true, label: 'results, demo CHU' },
];

/** Lighthouse and chrome-launcher from the benchmark cache, installed there on first use. */
async function loadLighthouse() {
  const dir = process.env.LIGHTHOUSE_DIR ?? join(cacheRoot, `lighthouse-${LIGHTHOUSE_VERSION}`);
  const entry = join(dir, 'node_modules', 'lighthouse', 'core', 'index.js');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    console.log(`Installing Lighthouse ${LIGHTHOUSE_VERSION} into ${dir} (outside the project's lockfile)…`);
    const installed = spawnSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        dir,
        `lighthouse@${LIGHTHOUSE_VERSION}`,
      ],
      { cwd: dir, stdio: 'inherit' },
    );
    if (installed.status !== 0 || !existsSync(entry)) throw new Error('Lighthouse could not be installed');
  }
  const lighthouse = (await import(pathToFileURL(entry).href)).default;
  const launcher = await import(pathToFileURL(join(dir, 'node_modules', 'chrome-launcher', 'dist', 'index.js')).href);
  return { lighthouse, launcher };
}

/** A Chromium profile in which the app has loaded the demo data (IndexedDB of the origin). */
async function profileWithDemoData(origin) {
  const profile = mkdtempSync(join(tmpdir(), 'care-bench-lh-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    locale: 'fr-FR',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/settings`);
    await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
    await page.getByText(/données de démonstration ont été chargées/).waitFor();
  } finally {
    await context.close();
  }
  return profile;
}

/** Audits of a category that did not pass (binary or numeric score under 1), with what Lighthouse says of them. */
function failingAudits(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter(
      (a) =>
        a &&
        a.score !== null &&
        a.score < 1 &&
        !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode),
    )
    .map((a) => ({ id: a.id, score: a.score, ...(a.displayValue ? { displayValue: a.displayValue } : {}) }));
}

async function runOnce({ lighthouse, launcher }, url, userDataDir) {
  const chrome = await launcher.launch({
    chromePath: chromiumExecutable,
    // The French interface, as the app's users see it.
    chromeFlags: [...chromiumLaunchOptions.args, '--lang=fr-FR', '--accept-lang=fr-FR'],
    ...(userDataDir ? { userDataDir } : {}),
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
      disableStorageReset: Boolean(userDataDir),
    });
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

/** One Lighthouse run, tried again up to twice when Lighthouse itself fails (a lost trace on a loaded machine). */
async function runWithRetries(tools, url, template) {
  for (let attempt = 1; ; attempt += 1) {
    let profile;
    if (template) {
      profile = mkdtempSync(join(tmpdir(), 'care-bench-lh-run-'));
      cpSync(template, profile, { recursive: true });
    }
    try {
      return await runOnce(tools, url, profile);
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`  Lighthouse failed (${error instanceof Error ? error.message : String(error)}); once more…`);
    } finally {
      if (profile) rmSync(profile, { recursive: true, force: true });
    }
  }
}

function recordPage(record, page, runs, reports) {
  const score = (lhr, c) => Math.round((lhr.categories[c].score ?? 0) * 100);
  const lhrs = runs.map((r) => r.lhr);
  const sorted = [...runs].sort((a, b) => score(a.lhr, 'performance') - score(b.lhr, 'performance'));
  const medianRun = sorted[Math.floor(sorted.length / 2)];
  const median = medianRun.lhr;
  const metric = (id) => median.audits[id]?.numericValue;
  for (const c of categories) {
    const value = c === 'performance' ? score(median, c) : Math.min(...lhrs.map((l) => score(l, c)));
    const budget = c === 'performance' ? (page.performance ?? budgets[c]) : budgets[c];
    const failing = new Map();
    for (const lhr of lhrs) for (const a of failingAudits(lhr, c)) if (!failing.has(a.id)) failing.set(a.id, a);
    const notPassed = failing.size > 0 ? `not passed: ${[...failing.keys()].join(', ')}` : undefined;
    const load = `median of ${runs.length} runs, load average ${medianRun.loadAverage} when it started (runs: ${runs
      .map((r) => `${score(r.lhr, c)} at ${r.loadAverage}`)
      .join(', ')})`;
    record(`Lighthouse ${labels[c]}, ${page.label} (mobile)`, value, '/100', budget, 'min', {
      ...(c === 'performance'
        ? { note: [load, notPassed].filter(Boolean).join('; ') }
        : notPassed
          ? { note: notPassed }
          : {}),
      details: {
        url: page.path,
        runs: runs.map((r) => ({
          score: score(r.lhr, c),
          loadAverage1m: r.loadAverage,
          benchmarkIndex: r.lhr.environment?.benchmarkIndex,
          ...(c === 'performance'
            ? { totalBlockingTimeMs: Math.round(r.lhr.audits['total-blocking-time']?.numericValue ?? 0) }
            : {}),
        })),
        failingAudits: [...failing.values()],
        ...(c === 'performance'
          ? {
              loadAverageOfMedianRun: medianRun.loadAverage,
              metricsOfMedianRun: {
                firstContentfulPaintMs: Math.round(metric('first-contentful-paint')),
                largestContentfulPaintMs: Math.round(metric('largest-contentful-paint')),
                totalBlockingTimeMs: Math.round(metric('total-blocking-time')),
                cumulativeLayoutShift: Number(metric('cumulative-layout-shift').toFixed(3)),
                speedIndexMs: Math.round(metric('speed-index')),
                // Main-thread time by script and by kind of work (observed, before the simulated slowdown).
                bootupTimeMs: Math.round(metric('bootup-time')),
                mainThreadWorkMs: Math.round(metric('mainthread-work-breakdown')),
              },
              // Lighthouse's own measure of the machine's speed: lower under load.
              benchmarkIndex: median.environment?.benchmarkIndex,
              reports: `${reports}/${page.id}-*.json`,
            }
          : {}),
      },
    });
  }
}

export async function benchLighthouse({ record, failed, origin, runs = 5 }) {
  const tools = await loadLighthouse();
  const reports = join(cacheRoot, 'lighthouse-reports');
  mkdirSync(reports, { recursive: true });
  let template;
  try {
    for (const page of pages) {
      try {
        if (page.withData && !template) template = await profileWithDemoData(origin);
        const measured = [];
        for (let i = 0; i < runs; i += 1) {
          const load = loadAverage()[0];
          console.log(`Lighthouse ${LIGHTHOUSE_VERSION}, ${page.label}, run ${i + 1}/${runs} (load average ${load})…`);
          const lhr = await runWithRetries(tools, `${origin}${page.path}`, page.withData ? template : undefined);
          writeFileSync(join(reports, `${page.id}-${i + 1}.json`), JSON.stringify(lhr));
          measured.push({ lhr, loadAverage: load });
        }
        recordPage(record, page, measured, reports);
      } catch (error) {
        // One page that cannot be measured does not lose the others.
        failed(`Lighthouse, ${page.label}`, error);
      }
    }
  } finally {
    if (template) rmSync(template, { recursive: true, force: true });
  }
}
