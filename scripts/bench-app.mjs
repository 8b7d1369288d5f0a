// Benchmarks of the app itself (design §8): the service worker's precache, the JavaScript of the first screen, and
// the time from an answer's change to « Enregistré » shown. scripts/bench.mjs runs them as the parts `precache`,
// `first-screen` and `answer-saved`.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KiB = 1024;

/**
 * Every entry of the workbox precache manifest in dist/sw.js, with its size as stored (raw: Cache Storage keeps
 * the decoded body) and gzip-compressed (about what the first visit downloads).
 */
export function precacheEntries(dist) {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1]);
  return urls
    .map((url) => {
      const path = join(dist, url.replace(/^\//, ''));
      return { url, bytes: statSync(path).size, gzip: gzipSync(readFileSync(path), { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

export function benchPrecache({ record, dist }) {
  const entries = precacheEntries(dist);
  const raw = entries.reduce((n, e) => n + e.bytes, 0);
  const gzip = entries.reduce((n, e) => n + e.gzip, 0);
  const urls = entries.map((e) => e.url);
  record('Service-worker precache (as stored)', Math.round(raw / KiB), 'KiB', 1536, 'max', {
    note: `1.5 MB read as 1.5 MiB (1536 KiB); ${entries.length} entries, ${new Set(urls).size} distinct`,
    details: {
      entries: entries.length,
      largest: entries.slice(0, 15).map((e) => ({ url: e.url, KiB: Number((e.bytes / KiB).toFixed(1)) })),
    },
  });
  record('Service-worker precache, gzip (first-visit download)', Math.round(gzip / KiB), 'KiB');
  record('Service-worker precache, entries listed twice', urls.length - new Set(urls).size, 'entries', 0);
}

/** Every script the home page loads before any interaction, gzip-compressed, for a browser in that locale. */
async function firstScreenScripts(browser, origin, locale) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale });
  try {
    const page = await context.newPage();
    // Every body is awaited before the context closes: a body still being read when it closes is lost, and so was
    // the French figure once read 20 KiB from 5 scripts that way.
    const scripts = new Map();
    const reads = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      reads.push(response.body().then((body) => scripts.set(response.url(), body)));
    });
    await page.goto(origin, { waitUntil: 'networkidle' });
    await Promise.all(reads);
    const gzip = [...scripts.values()].reduce((n, body) => n + gzipSync(body, { level: 9 }).length, 0);
    return { gzip, files: scripts.size };
  } finally {
    await context.close();
  }
}

/** Design §8: the JavaScript the first screen needs, gzip, at most 150 KB (read as KiB, like the precache). */
const FIRST_SCREEN_BUDGET = 150;

export async function benchFirstScreen({ record, browser, origin }) {
  const french = await firstScreenScripts(browser, origin, 'fr-FR');
  record(
    'First-screen JavaScript, French browser (gzip)',
    Math.round(french.gzip / KiB),
    'KiB',
    FIRST_SCREEN_BUDGET,
    'max',
    {
      details: { scripts: french.files },
    },
  );
  // A browser set to English loads the English texts (one lazy chunk) before the first render.
  const english = await firstScreenScripts(browser, origin, 'en-GB');
  record(
    'First-screen JavaScript, English browser (gzip)',
    Math.round(english.gzip / KiB),
    'KiB',
    FIRST_SCREEN_BUDGET,
    'max',
    {
      details: { scripts: english.files },
    },
  );
}

const ANSWERS = 250;

/** From the click on an answer to « Enregistré » shown (the write committed), over 250 answers, in the page. */
export async function benchAnswerSaved({ record, browser, origin }) {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
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
    }, ANSWERS);
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    const round = (v) => Number(v.toFixed(1));
    record(`Answer saved, p50 (${ANSWERS} answers)`, round(pct(50)), 'ms');
    record(`Answer saved, p95 (${ANSWERS} answers)`, round(pct(95)), 'ms', 50, 'max', {
      details: { max: round(latencies[latencies.length - 1]) },
    });
  } finally {
    await context.close();
  }
}
