import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { questionnaireFiles } from '../../src/cli/questionnaire-files';
import { validateReviewFile } from '../../src/exchange/validate-review';
import { expect, expectAccessible, expectContextClean, test, watchContext } from './fixtures';
import { loadDemo } from './helpers';

/**
 * The review round of issue 18 between two installations: the establishment (the demo CHU) freezes its assessment and
 * exports the snapshot; the auditor, in a browser context of its own (another installation: its own IndexedDB and
 * signing key), imports the file, marks items, gives its opinion and exports the signed review, which the review
 * file's own validation accepts. The establishment imports the review and sees the marks on its items and gaps; its
 * next export, after a reviewed answer changed, says so and reaches the auditor, whose review screen of the new file
 * shows that change first.
 */
const shots = process.env.SCREENSHOT_DIR;

async function screenshots(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // The first screen of the page (a review of 77 items is tens of thousands of pixels long).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Downloads what a click starts and returns the file's path and name. */
async function downloadOf(page: Page, click: () => Promise<void>) {
  const downloaded = page.waitForEvent('download');
  await click();
  const file = await downloaded;
  return { path: await file.path(), name: file.suggestedFilename() };
}

/** The auditor level export of the demo CHU's CaRE assessment, as it stands. */
async function exportAssessment(page: Page) {
  await page.goto('/assessments/demo-chu-care-2026/export');
  await expect(page.getByRole('heading', { level: 1, name: 'Exporter l’évaluation' })).toBeVisible();
  // The installation's own key (a review imported shows the auditor's too, further down).
  await expect(page.getByTestId('key-fingerprint').first()).toBeVisible();
  return downloadOf(page, () => page.getByRole('button', { name: 'Télécharger le fichier d’export' }).click());
}

async function importInto(auditor: Page, path: string) {
  await auditor.goto('/auditor');
  await auditor.getByLabel('Choisir des fichiers').setInputFiles([path]);
  await expect(auditor.getByRole('table', { name: 'Résultat par fichier' })).toBeVisible();
}

test('a submission is reviewed by the auditor, and the establishment’s next export shows what changed', async ({
  page,
  browser,
  baseURL,
}) => {
  // The establishment freezes its assessment and exports the snapshot.
  await loadDemo(page);
  await page.goto('/assessments/demo-chu-care-2026/snapshots');
  await page.getByLabel('Nom de l’instantané').fill('Envoi à l’ARS');
  await page.getByRole('button', { name: 'Figer l’évaluation' }).click();
  await page.getByRole('link', { name: 'Exporter l’instantané «\u00a0Envoi à l’ARS\u00a0»' }).click();
  await expect(page.getByTestId('key-fingerprint')).toBeVisible();
  const submission = await downloadOf(page, () =>
    page.getByRole('button', { name: 'Télécharger le fichier d’export' }).click(),
  );

  // The auditor, another installation, imports it and opens its review from the dashboard.
  const auditorContext = await browser.newContext({ baseURL });
  const guards = watchContext(auditorContext, new URL(baseURL ?? '').origin);
  const auditor = await auditorContext.newPage();
  await importInto(auditor, submission.path);
  const row = auditor.getByRole('row', { name: /CHU de Val-de-Loire/ });
  await expect(row).toContainText('Non examiné');
  await row.getByRole('link', { name: 'Examiner la soumission de CHU de Val-de-Loire' }).click();
  await expect(auditor.getByRole('heading', { level: 1, name: /Examen de la soumission/ })).toBeVisible();

  const gov01 = auditor.locator('article[data-item-id="care.gov.01"]');
  await gov01.getByRole('radio', { name: 'À compléter' }).check();
  await gov01.getByLabel('Commentaire de l’examen (facultatif)').fill('Joindre la PSSI signée.');
  await auditor.locator('article[data-item-id="care.gov.02"]').getByRole('radio', { name: 'Accepté' }).check();
  // Keyboard: the arrow keys move the mark of the next item.
  const gov03 = auditor.locator('article[data-item-id="care.gov.03"]');
  await gov03.getByRole('radio', { name: 'Accepté' }).check();
  await auditor.keyboard.press('ArrowRight');
  await auditor.keyboard.press('ArrowRight');
  await expect(gov03.getByRole('radio', { name: 'Refusé' })).toBeChecked();
  await expect(auditor.locator('[data-save-state="saved"]')).toBeVisible();

  const opinion = auditor.getByRole('region', { name: 'Avis d’ensemble' });
  await opinion.getByRole('button', { name: 'Exporter l’avis signé' }).click();
  await expect(opinion.getByRole('alert')).toContainText('Il manque');
  await opinion.getByLabel('Votre nom').fill('Claire Martin');
  await opinion.getByLabel('Votre organisme (ARS, GRADeS…)').fill('ARS Centre-Val de Loire');
  await opinion.getByRole('radio', { name: 'À compléter' }).check();
  await opinion.getByRole('radio', { name: 'Modérée' }).check();
  await opinion.getByLabel('Motif de cet avis').fill('La gouvernance est à documenter.');
  await expectAccessible(auditor);
  await screenshots(auditor, 'review-screen');
  const review = await downloadOf(auditor, () =>
    opinion.getByRole('button', { name: 'Exporter l’avis signé' }).click(),
  );
  expect(review.name).toBe('autodiag-care-avis_450000138_care_2026.json');
  const validated = await validateReviewFile(readFileSync(review.path), review.name, {
    questionnaires: questionnaireFiles(),
  });
  if (!validated.ok) throw new Error(`${validated.code} ${validated.path ?? ''}`);
  expect(validated.envelope.items).toEqual([
    { itemId: 'care.gov.01', status: 'to-complete', comment: 'Joindre la PSSI signée.' },
    { itemId: 'care.gov.02', status: 'accepted' },
    { itemId: 'care.gov.03', status: 'refused' },
  ]);
  expect(validated.envelope.opinion).toEqual({
    outcome: 'to-complete',
    reliance: 'moderate',
    reason: 'La gouvernance est à documenter.',
  });

  await auditor.goto('/auditor');
  await expect(auditor.getByRole('row', { name: /CHU de Val-de-Loire/ })).toContainText('À compléter');
  await expect(auditor.getByText(/à compléter\u00a0: 1\./)).toBeVisible();
  await screenshots(auditor, 'review-dashboard');

  // The establishment imports the review on its export screen and sees the marks on the items.
  await page.goto('/assessments/demo-chu-care-2026/export');
  await page.getByLabel('Importer l’avis de l’auditeur').setInputFiles(review.path);
  await expect(page.getByText(/Avis de Claire Martin \(ARS Centre-Val de Loire\)/)).toBeVisible();
  await page.goto('/assessments/demo-chu-care-2026/gov');
  const item = page.locator('article[data-item-id="care.gov.01"]');
  const mark = item.locator('[data-review-mark]');
  await expect(mark).toContainText('Avis de l’auditeur\u00a0: À compléter');
  await expect(mark).toContainText('Joindre la PSSI signée.');
  await expect(page.locator('article[data-item-id="care.gov.03"] [data-review-mark]')).toContainText('Refusée');

  // It changes a reviewed answer: the item becomes a gap that shows the mark, and the export screen says that the
  // next export tells the auditor; the auditor imports the new file.
  await item.locator('input[type=radio][value=no]').check();
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  await page.goto('/assessments/demo-chu-care-2026/results/gaps');
  await expect(page.locator('.gap', { hasText: 'care.gov.01' }).locator('[data-review-mark]')).toContainText(
    'À compléter',
  );
  const next = await exportAssessment(page);
  await expect(page.getByText(/1 question marquée par l’avis a changé/)).toBeVisible();
  await importInto(auditor, next.path);
  const again = auditor.getByRole('row', { name: /CHU de Val-de-Loire/ });
  await expect(again).toContainText('sur un envoi précédent');
  await again.getByRole('link', { name: 'Examiner la soumission de CHU de Val-de-Loire' }).click();
  const changes = auditor.locator('.review-changes');
  await expect(changes.getByRole('heading', { level: 3 })).toHaveText(/^1 item modifié depuis votre avis du /);
  await expect(changes.locator('article[data-item-id="care.gov.01"]')).toContainText(
    'Votre marque précédente\u00a0: À compléter',
  );
  await expect(changes).toContainText('Réponse\u00a0: Oui → Non');
  await screenshots(auditor, 'review-changes');
  await auditorContext.close();
  expectContextClean(guards);
});
