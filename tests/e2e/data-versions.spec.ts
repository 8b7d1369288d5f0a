import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectContextClean, test, watchContext } from './fixtures';
import { loadDemo, saved } from './helpers';
import { startKillableChromium, type KillableChromium } from './killable-chromium';
import { createRawDatabase, dumpRawDatabase, type RawDatabase } from '../fixtures/data/raw-database';

/**
 * Data versions in the browser (docs/architecture.md, "Data versions"): the data a past build left in IndexedDB
 * opens and migrates with this build, and a tab still running an old build while a newer one opens the data is told
 * to reload, without blocking the newer one.
 */

const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/data/data-v1.json'), 'utf8'),
) as RawDatabase;

const evidenceOf = (dump: RawDatabase) => dump.stores.find((s) => s.name === 'evidence')?.rows ?? [];

test('the data of data version 1 opens with this build: establishments, answers and evidence are all there', async ({
  page,
}) => {
  // A page of the app's origin that does not open the database, to lay the old data down first.
  await page.goto('/robots.txt');
  await page.evaluate(createRawDatabase, { fixture, name: 'care-autodiag' });

  await page.goto('/');
  for (const name of ['CHU de Val-de-Loire', 'Centre hospitalier de Montargis-les-Bois', 'EHPAD Les Glycines'])
    await expect(page.getByRole('link', { name })).toBeVisible();

  await page.goto('/assessments/demo-ch-care-2026/governance');
  const item = page.locator('article[data-item-id="care.gov.01"]');
  await expect(item.getByRole('heading', { name: 'Pièces justificatives (2)' })).toBeVisible();
  const download = page.waitForEvent('download');
  await item.getByRole('button', { name: 'Télécharger « Politique de sécurité signée.pdf »' }).click();
  const file = await download;
  const bytes = readFileSync(await file.path());
  const listed = evidenceOf(fixture).find(
    (row) => (row as { name: string }).name === 'Politique de sécurité signée.pdf',
  );
  expect(createHash('sha256').update(bytes).digest('hex')).toBe((listed as { sha256: string }).sha256);

  // The answers were kept, and the migrated data can be written to.
  await item.getByRole('radio', { name: 'Non', exact: true }).check();
  await expect(saved(page)).toBeVisible();

  const dump = await page.evaluate(dumpRawDatabase, 'care-autodiag');
  expect(dump.version).toBe(40);
  expect(dump.stores.find((s) => s.name === 'evidenceFiles')?.rows).toHaveLength(evidenceOf(fixture).length);
  expect(evidenceOf(dump).every((row) => !('data' in (row as object)))).toBe(true);
  const meta = dump.stores.find((s) => s.name === 'meta')?.rows as { key: string; value: unknown }[];
  expect(meta.find((row) => row.key === 'dataVersion')?.value).toBe(4);
  expect(meta.find((row) => row.key === 'budgetTargets')?.value).toEqual({ itShare: 0.025, cyberShare: 0.12 });
});

test('a tab on an old build is told to reload when a newer build opens the data, and does not block it', async ({
  page,
  context,
}) => {
  await loadDemo(page);

  // A newer build (data version 5) opens the same data from another tab. Its upgrade must not wait for this tab.
  const newer = await context.newPage();
  await newer.goto('/robots.txt');
  const upgraded = await newer.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('care-autodiag', 50);
        request.onupgradeneeded = () => {
          request.result.createObjectStore('addedByANewerBuild');
        };
        request.onblocked = () => resolve('blocked');
        request.onsuccess = () => {
          request.result.close();
          resolve('opened');
        };
        request.onerror = () => resolve(`error: ${String(request.error)}`);
      }),
  );
  expect(upgraded).toBe('opened');

  await expect(page.getByRole('alert').filter({ hasText: 'Rechargez cette page' })).toBeVisible();
  // After the reload this build finds newer data: it shows it, read-only, and asks for an update.
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Données d’une version plus récente' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'CHU de Val-de-Loire' })).toBeVisible();
  await newer.close();
});

/** What the database holds, read in the page with plain IndexedDB (no copy of the bytes leaves the page). */
interface UpgradeState {
  version: number;
  stores: string[];
  evidence: number;
  evidenceWithBytes: number;
  evidenceFiles: number;
  bytes: number;
  dataVersion: unknown;
}

function readUpgradeState(): Promise<UpgradeState> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('care-autodiag');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const db = open.result;
      const stores = Array.from(db.objectStoreNames);
      const state: UpgradeState = {
        version: db.version,
        stores,
        evidence: 0,
        evidenceWithBytes: 0,
        evidenceFiles: 0,
        bytes: 0,
        dataVersion: undefined,
      };
      const tx = db.transaction(stores, 'readonly');
      tx.objectStore('evidence').openCursor().onsuccess = (event) => {
        const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
        if (!cursor) return;
        const row = cursor.value as { data?: ArrayBuffer };
        state.evidence += 1;
        if (row.data) {
          state.evidenceWithBytes += 1;
          state.bytes += row.data.byteLength;
        }
        cursor.continue();
      };
      if (stores.includes('evidenceFiles')) {
        tx.objectStore('evidenceFiles').openCursor().onsuccess = (event) => {
          const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
          if (!cursor) return;
          state.evidenceFiles += 1;
          state.bytes += (cursor.value as { data: ArrayBuffer }).data.byteLength;
          cursor.continue();
        };
      }
      const meta = tx.objectStore('meta').get('dataVersion');
      meta.onsuccess = () => {
        state.dataVersion = (meta.result as { value?: unknown } | undefined)?.value;
      };
      tx.oncomplete = () => {
        db.close();
        resolve(state);
      };
      tx.onerror = () => reject(new Error(String(tx.error)));
    };
  });
}

/** Adds `count` evidence rows of `size` bytes each to a data-version-1 database: a device with a lot of evidence. */
function addHeavyEvidence({ count, size }: { count: number; size: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('care-autodiag');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('evidence', 'readwrite');
      for (let i = 0; i < count; i += 1) {
        const bytes = new Uint8Array(size);
        for (let j = 0; j < size; j += 4096) bytes[j] = (i + j) % 256;
        tx.objectStore('evidence').add({
          id: `heavy-${String(i).padStart(4, '0')}`,
          assessmentId: 'demo-ch-care-2026',
          itemId: 'care.gov.03',
          name: `Journal ${i}.bin`,
          type: 'application/octet-stream',
          size,
          sha256: '0'.repeat(64),
          addedAt: 1_700_000_000_000 + i,
          data: bytes.buffer,
        });
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(new Error(String(tx.error)));
    };
  });
}

test('an upgrade killed half-way leaves the old data or the new, never a mix', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const profile = mkdtempSync(join(tmpdir(), 'care-upgrade-'));
  const heavy = { count: 160, size: 512 * 1024 };
  const evidenceCount = evidenceOf(fixture).length + heavy.count;
  let browser: KillableChromium | undefined;
  const start = async () => {
    browser = await startKillableChromium(profile);
    const watched = watchContext(browser.context, origin);
    const page = await browser.context.newPage();
    // A page of the origin that does not open the database: what is on disk can be read before the app runs.
    await page.goto(`${origin}/robots.txt`);
    return { page, watched };
  };
  const layDownVersion1 = async (page: Page) => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase('care-autodiag');
          request.onsuccess = () => resolve();
          request.onerror = () => resolve();
        }),
    );
    await page.evaluate(createRawDatabase, { fixture, name: 'care-autodiag' });
    await page.evaluate(addHeavyEvidence, heavy);
  };
  const expectOldOrNew = (state: UpgradeState) => {
    const totalBytes = heavy.count * heavy.size + 4096 + 1500 + 10;
    expect(state.bytes, 'every evidence byte is somewhere, once').toBe(totalBytes);
    expect(state.evidence).toBe(evidenceCount);
    if (state.version === 10) {
      expect(state).toMatchObject({ evidenceWithBytes: evidenceCount, evidenceFiles: 0, dataVersion: 1 });
      expect(state.stores).not.toContain('evidenceFiles');
      return 'old';
    }
    expect(state).toMatchObject({ version: 40, evidenceWithBytes: 0, evidenceFiles: evidenceCount, dataVersion: 4 });
    return 'new';
  };

  try {
    // How long the upgrade takes on this machine, to aim the kills inside it.
    let { page, watched } = await start();
    await layDownVersion1(page);
    const began = Date.now();
    await page.goto(`${origin}/`);
    await expect(page.getByRole('link', { name: 'CHU de Val-de-Loire' })).toBeVisible({ timeout: 60_000 });
    const upgradeMs = Date.now() - began;
    await page.goto(`${origin}/robots.txt`);
    expect(expectOldOrNew(await page.evaluate(readUpgradeState))).toBe('new');
    expectContextClean(watched);

    const outcomes: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      await layDownVersion1(page);
      const delay = Math.round(upgradeMs * (0.15 + (0.7 * round) / 5));
      void page.goto(`${origin}/`).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await browser?.kill();
      ({ page, watched } = await start());
      outcomes.push(`${delay} ms: ${expectOldOrNew(await page.evaluate(readUpgradeState))}`);
    }
    const report = `upgrade of ${evidenceCount} evidence files took ${upgradeMs} ms; killed at ${outcomes.join(', ')}`;
    test.info().annotations.push({ type: 'upgrade', description: report });
    console.log(report);
    // At least one kill landed before the upgrade committed: the old data was there, whole.
    expect(outcomes.some((o) => o.endsWith('old'))).toBe(true);

    // The next start migrates it all.
    await page.goto(`${origin}/`);
    await expect(page.getByRole('link', { name: 'CHU de Val-de-Loire' })).toBeVisible({ timeout: 60_000 });
    await page.goto(`${origin}/robots.txt`);
    expect(expectOldOrNew(await page.evaluate(readUpgradeState))).toBe('new');
    expectContextClean(watched);
  } finally {
    await browser?.kill();
    rmSync(profile, { recursive: true, force: true });
  }
});
