import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';
import { saved } from './helpers';
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
  expect(dump.version).toBe(20);
  expect(dump.stores.find((s) => s.name === 'evidenceFiles')?.rows).toHaveLength(evidenceOf(fixture).length);
  expect(evidenceOf(dump).every((row) => !('data' in (row as object)))).toBe(true);
  const meta = dump.stores.find((s) => s.name === 'meta')?.rows as { key: string; value: unknown }[];
  expect(meta.find((row) => row.key === 'dataVersion')?.value).toBe(2);
  expect(meta.find((row) => row.key === 'budgetTargets')?.value).toEqual({ itShare: 0.025, cyberShare: 0.12 });
});

test('a tab on an old build is told to reload when a newer build opens the data, and does not block it', async ({
  page,
  context,
}) => {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/données de démonstration ont été chargées/)).toBeVisible();

  // A newer build (data version 3) opens the same data from another tab. Its upgrade must not wait for this tab.
  const newer = await context.newPage();
  await newer.goto('/robots.txt');
  const upgraded = await newer.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('care-autodiag', 30);
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
