import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { SharingLevel } from '../../src/exchange/export-format';
import { questionnaireFiles } from '../../src/cli/questionnaire-files';
import { validateExportFile } from '../../src/exchange/validate-export';

const questionnaires = questionnaireFiles();
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures';
import { loadDemo } from './helpers';

/**
 * Export of an assessment from the demo data at each sharing level: every downloaded file must pass the import's
 * own validation, be signed by the key whose fingerprint the screen and the settings show, and hold what its level
 * allows. Then a zip with an evidence file, and an export made offline.
 */

const levelLabels: Record<SharingLevel, string> = {
  full: 'Complet',
  auditor: 'Auditeur (recommandé)',
  statistics: 'Statistiques',
};

async function openExport(page: Page, assessmentId: string): Promise<void> {
  await page.goto('/establishments/demo-chu');
  const row = page.locator('li.card').filter({ has: page.locator(`a[href="/assessments/${assessmentId}"]`) });
  await row.getByRole('link', { name: /^Exporter l’évaluation/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exporter l’évaluation' })).toBeVisible();
  await expect(page.getByTestId('key-fingerprint')).toBeVisible();
}

async function download(page: Page) {
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le fichier d’export' }).click();
  const file = await downloaded;
  const bytes = new Uint8Array(readFileSync(await file.path()));
  await expect(page.getByRole('status').filter({ hasText: 'a été téléchargé' })).toBeVisible();
  return {
    name: file.suggestedFilename(),
    bytes,
    result: await validateExportFile(bytes, file.suggestedFilename(), { questionnaires }),
  };
}

test('the demo CHU exports at each level, and every file validates with the key the app shows', async ({ page }) => {
  await loadDemo(page);
  await openExport(page, 'demo-chu-care-2026');
  await expectAccessible(page);
  const fingerprint = await page.getByTestId('key-fingerprint').getAttribute('data-fingerprint');
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);

  for (const level of ['full', 'auditor', 'statistics'] as const) {
    await page.getByRole('radio', { name: levelLabels[level] }).check();
    const { name, result } = await download(page);
    expect(name).toBe(`autodiag-care_450000138_care_2026_${level}.json`);
    if (!result.ok) throw new Error(`${name}: ${result.code} ${result.path ?? ''}`);
    expect(result.keyFingerprint).toBe(fingerprint);
    expect(result.envelope.sharingLevel).toBe(level);
    expect(result.envelope.establishment.name).toBe('CHU de Val-de-Loire');
    const { content } = result.envelope;
    if (level === 'full') expect(Object.values(content.answers ?? {}).some((a) => a.comment)).toBe(true);
    if (level === 'auditor') {
      expect(Object.values(content.answers ?? {}).some((a) => a.comment)).toBe(false);
      expect(content.applications?.every((a) => a.name === undefined)).toBe(true);
    }
    if (level === 'statistics') expect(content.answers).toBeUndefined();
  }
  await expectAccessible(page);

  // The settings show the same fingerprint.
  await page.goto('/settings');
  const grouped = (fingerprint ?? '').toUpperCase().match(/.{4}/g)?.join(' ') ?? '';
  await expect(page.getByTestId('key-fingerprint')).toHaveText(grouped);
  await expectAccessible(page);
});

test('keyboard only: choose a level with the arrow keys and download', async ({ page }) => {
  await loadDemo(page);
  await openExport(page, 'demo-chu-hc-2026');
  await page.getByRole('radio', { name: levelLabels.auditor }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: levelLabels.statistics })).toBeChecked();
  await expect(page.getByTestId('export-contents')).toContainText('sans les montants');
  for (let presses = 0; presses < 10; presses += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name === 'Télécharger le fichier d’export') break;
  }
  const downloaded = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe('autodiag-care_450000138_hospiconnect_2026_statistics.json');
  const result = await validateExportFile(new Uint8Array(readFileSync(await file.path())), 'x.json', {
    questionnaires,
  });
  expect(result.ok).toBe(true);
});

test('a full export with its evidence as a zip, then an export made offline', async ({ page, context }) => {
  await loadDemo(page);
  // Attach a document to the first governance item of the CHU's 2026 CaRE assessment.
  await page.goto('/assessments/demo-chu-care-2026/governance');
  const item = page.locator('article[data-item-id]').first();
  const chooser = page.waitForEvent('filechooser');
  await item.getByRole('button', { name: 'Joindre des fichiers' }).click();
  await (
    await chooser
  ).setFiles({ name: 'PSSI signée.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 PSSI') });
  await expect(item.locator('.evidence__name')).toContainText('PSSI signée.pdf');

  await openExport(page, 'demo-chu-care-2026');
  const withEvidence = page.getByRole('checkbox', { name: /Joindre les pièces justificatives/ });
  await expect(withEvidence).toBeDisabled();
  await page.getByRole('radio', { name: levelLabels.full }).check();
  await expect(withEvidence).toBeEnabled();
  await withEvidence.check();
  await expect(page.getByTestId('export-contents')).toContainText('pièce(s) justificative(s) elles-mêmes');
  await expectAccessible(page);
  const zipped = await download(page);
  expect(zipped.name).toBe('autodiag-care_450000138_care_2026_full.zip');
  expect(zipped.result).toMatchObject({ ok: true, container: 'zip', evidenceFileCount: 1 });

  // Offline: the export screen reloads from the cache and the file is still made and checked on the device.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Exporter l’évaluation' })).toBeVisible();
  const offline = await download(page);
  expect(offline.result).toMatchObject({ ok: true, envelope: { sharingLevel: 'auditor' } });
  await context.setOffline(false);
});
