import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import fc from 'fast-check';
import { expect, expectAccessible, test } from './fixtures';
import {
  createEstablishment,
  dumpDatabase,
  generateExportFiles,
  loadDemo,
  saved,
  type GeneratedEnvelope,
} from './helpers';

/**
 * A full browser storage (issue 9), forced through the DevTools protocol: Storage.overrideQuotaForOrigin gives the
 * app's origin a small quota, and IndexedDB refuses what does not fit with a QuotaExceededError. Each time the user
 * gets a clear message, and nothing is half-written.
 *
 * Two facts of Chromium shape these tests:
 * - IndexedDB checks a transaction's size against the space left when it commits, but keeps the space left it last
 *   obtained from the quota manager for 30 s, decreasing (content/browser/indexed_db/instance/bucket_context.cc,
 *   GetBucketSpaceToAllot; kBucketSpaceCacheTimeLimit in bucket_context.h). A smaller quota set later is therefore
 *   seen only by a write larger than that cached allowance, or when none is cached. So each test sets a first quota
 *   before the app opens its database, small enough that the write under test exceeds any cached allowance.
 * - The service worker's precache counts toward the same quota, at a moment of its own: service workers are off.
 */
test.use({ serviceWorkers: 'block' });

/**
 * The sizes each run draws (fast-check, from a seed printed by every test; QUOTA_SEED=<seed> replays them): the
 * proof refused while editing, the quota of the import (from about 25 to 175 of the 200 files fit), the proof in
 * the backup and the room left for its restore.
 */
const seed = Number(process.env.QUOTA_SEED ?? Math.floor(Math.random() * 2 ** 31));
const sizes = fc.sample(
  fc.record({
    refusedProof: fc.integer({ min: 1_100_000, max: 3_000_000 }),
    importQuota: fc.integer({ min: 300_000, max: 1_000_000 }),
    backupProof: fc.integer({ min: 1_000_000, max: 1_400_000 }),
    roomForRestore: fc.integer({ min: 100_000, max: 500_000 }),
  }),
  { seed, numRuns: 1 },
)[0]!;

test.beforeEach(() => {
  console.log(`quota seed: ${seed} (replay with QUOTA_SEED=${seed}): ${JSON.stringify(sizes)}`);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
});

interface Quota {
  set: (bytes: number) => Promise<void>;
  /** Back to the browser's own quota. */
  reset: () => Promise<void>;
  usage: () => Promise<number>;
}

async function quotaOf(page: Page, baseURL: string | undefined): Promise<Quota> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  return {
    set: async (quotaSize) => {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
    },
    reset: async () => {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    },
    usage: async () => (await cdp.send('Storage.getUsageAndQuota', { origin })).usage,
  };
}

/** Random bytes: IndexedDB compresses what it stores, so a file of zeros would take almost no room. */
const randomFile = (name: string, bytes: number) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes)]),
});

test('editing with the storage full: the file is refused by name, the answer waits, then « Réessayer » saves it', async ({
  page,
  baseURL,
}) => {
  const quota = await quotaOf(page, baseURL);
  await quota.set(1_000_000);
  await createEstablishment(page, 'Centre hospitalier de Sully-sur-Loire', '450000153');
  await page.getByRole('button', { name: 'Commencer' }).click();
  const item = page.locator('article[data-item-id="care.gov.01"]');
  await item.getByRole('radio', { name: 'Oui', exact: true }).check();
  await item.getByLabel('Commentaire').pressSequentially('Politique signée par la direction en mars.');
  await item.getByLabel('Commentaire').blur();
  await expect(saved(page)).toBeVisible();

  // Nothing left: the quota is what is already used.
  await quota.set(await quota.usage());
  const before = await dumpDatabase(page);
  const usedBefore = await quota.usage();

  // A proof of 1.1 to 3 MB: more than any space Chromium may still have cached from the first quota (1 MB).
  const chooser = page.waitForEvent('filechooser');
  await item.getByRole('button', { name: 'Joindre des fichiers' }).click();
  await (await chooser).setFiles(randomFile('audit-externe-2025.pdf', sizes.refusedProof));
  const refusal = item.getByRole('alert').filter({ hasText: 'audit-externe-2025.pdf' });
  await expect(refusal).toContainText('« audit-externe-2025.pdf »');
  await expect(refusal).toContainText('n’a pas été joint');
  await expect(refusal).toContainText('L’espace de stockage du navigateur est plein');
  await expect(refusal).toContainText('Libérez de la place');
  await expect(item.getByRole('heading', { name: 'Pièces justificatives (0)' })).toBeVisible();
  await expectAccessible(page);
  // No evidence row, nothing else changed, and no 2 MB left behind on disk.
  expect(await dumpDatabase(page)).toEqual(before);
  expect(await quota.usage()).toBeLessThan(usedBefore + 200_000);
  // What was answered before is still on screen.
  await expect(item.getByRole('radio', { name: 'Oui', exact: true })).toBeChecked();
  await expect(item.getByLabel('Commentaire')).toHaveValue('Politique signée par la direction en mars.');

  // An answer that cannot be stored: « Non enregistré » with the reason, and the choice stays on screen.
  const other = page.locator('article[data-item-id="care.gov.02"]');
  await other.getByRole('radio', { name: 'Partiellement' }).check();
  await other.getByLabel('Commentaire').pressSequentially('Comité réuni deux fois par an.');
  await other.getByLabel('Commentaire').blur();
  const header = page.locator('[data-save-state="failed"]');
  await expect(header).toContainText('Non enregistré');
  await expect(header).toContainText('l’espace de stockage du navigateur est plein');
  await expect(other.getByRole('radio', { name: 'Partiellement' })).toBeChecked();
  await expect(other.getByLabel('Commentaire')).toHaveValue('Comité réuni deux fois par an.');
  expect(await dumpDatabase(page)).toEqual(before);

  // Space again: « Réessayer » stores what was waiting, the answer and the proof, and the messages say so.
  await quota.reset();
  await header.getByRole('button', { name: 'Réessayer' }).click();
  await expect(saved(page)).toBeVisible();
  await expect(other.getByRole('alert')).toHaveCount(0);
  await expect(item.getByRole('heading', { name: 'Pièces justificatives (1)' })).toBeVisible();
  await expect(item.getByRole('status').filter({ hasText: 'audit-externe-2025.pdf' })).toContainText('a été joint');
  await page.reload();
  await expect(
    page.locator('article[data-item-id="care.gov.02"]').getByRole('radio', { name: 'Partiellement' }),
  ).toBeChecked();
  await expect(page.locator('article[data-item-id="care.gov.02"]').getByLabel('Commentaire')).toHaveValue(
    'Comité réuni deux fois par an.',
  );
  await expect(page.locator('article[data-item-id="care.gov.01"] .evidence__name')).toContainText(
    'audit-externe-2025.pdf',
  );
});

/** The auditor's stored submissions, read with plain IndexedDB. */
function readSubmissions(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ fileName?: string; digest?: string; document: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('care-autodiag');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('submissions', 'readonly').objectStore('submissions').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as { fileName?: string; digest?: string; document: unknown }[]);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
  );
}

test('an import that runs out of space stores whole files only and says how many were left out', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const files = generateExportFiles(test.info().outputPath('exports'), 200);
  expect(files).toHaveLength(200);
  const byName = new Map(files.map((f) => [f.name, f]));

  const quota = await quotaOf(page, baseURL);
  // Room for part of the 200 files (1.9 MB of JSON, about 1.2 MB once stored) and not all.
  await quota.set(sizes.importQuota);
  await page.goto('/auditor');
  await expect(page.getByText('Aucun fichier importé pour l’instant.', { exact: false })).toBeVisible();
  await page.getByLabel('Choisir des fichiers').setInputFiles(files.map((f) => f.path));

  const full = page.getByRole('alert').filter({ hasText: 'L’espace de stockage du navigateur est plein' });
  await expect(full).toBeVisible({ timeout: 60_000 });
  const text = (await full.textContent()) ?? '';
  // After retrying in smaller batches, the import says what it stored, what it read but could not store, and what it
  // never read.
  const match =
    /Fichiers enregistrés\s?: (\d+) sur 200\s?; lus mais non enregistrés faute de place\s?: (\d+)\s?; non lus\s?: (\d+)/.exec(
      text,
    );
  expect(match, text).not.toBeNull();
  const stored = Number(match?.[1]);
  const notStored = Number(match?.[2]);
  const unread = Number(match?.[3]);
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(200);
  expect(stored + notStored + unread).toBe(200);
  await expect(full).toContainText('Libérez de la place');
  await expect(full).toContainText('importez de nouveau');
  await expectAccessible(page);

  // As many rows as the message says, each one a whole file: the very envelope that was exported.
  const rows = await readSubmissions(page);
  expect(rows).toHaveLength(stored);
  for (const row of rows) {
    const file = byName.get(row.fileName ?? '');
    expect(file, row.fileName).toBeDefined();
    expect(row.digest).toBe(file?.envelope.integrity.digest);
    expect(row.document).toEqual(file?.envelope);
  }

  // Each stored file opens on the dashboard, read again from the database after a reload: one CSV row per file.
  await page.reload();
  await expect(page.getByText(`${stored} fichiers d’établissements sont enregistrés sur cet appareil.`)).toBeVisible();
  // The stable codes: the questionnaire's id, not its title (issue 16).
  await page.getByRole('radio', { name: 'Codes stables (pour un script)' }).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le CSV consolidé' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .slice(1)
    .trimEnd()
    .split('\r\n');
  expect(csv).toHaveLength(1 + stored);
  // finess_ej, questionnaire and campagne are columns 2, 12 and 14 (src/domain/consolidation/consolidated-csv.ts).
  const inCsv = csv.slice(1).map((line) => {
    const cells = line.split(';');
    return `${cells[1]} ${cells[11]} ${cells[13]}`;
  });
  const inDatabase = rows.map((row) => {
    const envelope = row.document as GeneratedEnvelope;
    return `${envelope.establishment.finessEj} ${envelope.content.questionnaire.id} ${envelope.content.campaignYear}`;
  });
  expect(inCsv.sort()).toEqual(inDatabase.sort());
});

test('a backup restore that does not fit is refused with a clear message and changes nothing', async ({
  page,
  baseURL,
}) => {
  const quota = await quotaOf(page, baseURL);
  // Room for the demo data and a proof of 1 to 1.4 MB, but not for that much again: the restore, all of it in one
  // transaction, is then larger than any space Chromium may have cached, and meets the smaller quota set below.
  await quota.set(2_000_000);
  await loadDemo(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'EHPAD Les Glycines' }).click();
  await page
    .getByRole('link', { name: /Ouvrir l’évaluation/ })
    .first()
    .click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Joindre des fichiers' }).first().click();
  await (await chooser).setFiles(randomFile('contrat-hebergeur.pdf', sizes.backupProof));
  await expect(page.locator('.evidence__name').first()).toContainText('contrat-hebergeur.pdf');

  await page.goto('/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger une sauvegarde' }).click();
  const backup = test.info().outputPath('sauvegarde.zip');
  await (await download).saveAs(backup);
  const before = await dumpDatabase(page);

  await quota.set((await quota.usage()) + sizes.roomForRestore);
  await page.getByText('Restaurer depuis un fichier').locator('input[type=file]').setInputFiles(backup);
  await page.getByRole('button', { name: 'Oui, remplacer les données' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'sauvegarde.zip' });
  await expect(refusal).toContainText('« sauvegarde.zip » n’a pas été restauré');
  await expect(refusal).toContainText(/l’espace de stockage du navigateur est plein/i);
  // How much room it needs (issue 14); the room left only when the browser's estimate agrees, which it does not under
  // DevTools' quota override.
  await expect(refusal).toContainText(/demandent au moins [\d,\u202f]+\u00a0[KMG]?o[.,]/);
  await expect(refusal).toContainText('Aucune donnée n’a été modifiée');
  await expect(refusal).toContainText('Libérez de la place');
  await expectAccessible(page);
  expect(await dumpDatabase(page)).toEqual(before);
});
