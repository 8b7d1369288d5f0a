// What IndexedDB's "strict" durability would cost per answer save, against the default the app uses.
//
// Since Chrome 121 a readwrite transaction's default durability is "relaxed": `complete` fires once the data is
// handed to the operating system, without waiting for it to reach the disk (fsync); "strict" waits for the flush
// (https://developer.chrome.com/blog/indexeddb-durability-mode-now-defaults-to-relaxed). Dexie 4 passes its
// `chromeTransactionDurability` option to every transaction it opens, and CareDatabase does not set it, so answers
// are saved "relaxed". This script times the app's answer save (read the assessment, change one answer, write it
// back, in one transaction) both ways, in the system Chromium, on a profile on disk (an incognito context keeps
// IndexedDB in memory and never flushes).
//
//   node scripts/measure-idb-durability.mjs [saves per mode, default 200]
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';

const saves = Number(process.argv[2] ?? 200);
const blocks = 4; // the two modes alternate in blocks, so that a change of load on the machine weighs on both

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end('<!doctype html><title>durability</title>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const profile = mkdtempSync(join(tmpdir(), 'care-durability-'));
const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions);

try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(origin);
  const times = { relaxed: [], strict: [] };
  for (let block = 0; block < blocks; block += 1) {
    for (const durability of ['relaxed', 'strict']) {
      const run = await page.evaluate(
        async ({ durability, count }) => {
          const db = await new Promise((resolve, reject) => {
            const request = indexedDB.open('durability', 1);
            request.onupgradeneeded = () => request.result.createObjectStore('assessments', { keyPath: 'id' });
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const transaction = (run) =>
            new Promise((resolve, reject) => {
              const tx = db.transaction('assessments', 'readwrite', { durability });
              run(tx.objectStore('assessments'));
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            });
          // A CaRE assessment of 77 answers, each with a comment: the document every answer save writes whole.
          const answers = {};
          for (let i = 0; i < 77; i += 1) {
            answers[`care.item.${i}`] = {
              response: { kind: 'status', value: 'partial' },
              comment: 'Procédure rédigée, validation par la direction prévue au prochain comité de sécurité.',
              updatedAt: Date.now(),
            };
          }
          await transaction((store) => store.put({ id: 'a', establishmentId: 'e', answers, updatedAt: Date.now() }));
          const out = [];
          for (let i = 0; i < count; i += 1) {
            const started = performance.now();
            await transaction((store) => {
              const read = store.get('a');
              read.onsuccess = () => {
                const assessment = read.result;
                assessment.answers[`care.item.${i % 77}`] = {
                  response: { kind: 'status', value: i % 2 ? 'yes' : 'no' },
                  updatedAt: Date.now(),
                };
                assessment.updatedAt = Date.now();
                store.put(assessment);
              };
            });
            out.push(performance.now() - started);
          }
          db.close();
          return out;
        },
        { durability, count: Math.ceil(saves / blocks) },
      );
      times[durability].push(...run);
    }
  }
  const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`answer save (read, change one answer, write back), ${times.relaxed.length} saves per mode`);
  console.log('durability   median    p95       mean');
  for (const [mode, values] of Object.entries(times)) {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const ms = (v) => `${v.toFixed(2)} ms`.padEnd(10);
    console.log(`${mode.padEnd(13)}${ms(quantile(sorted, 0.5))}${ms(quantile(sorted, 0.95))}${ms(mean)}`);
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
