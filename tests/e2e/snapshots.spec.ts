import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { loadDemo } from './helpers';

/**
 * Snapshots (issue 18) on the demo CHU: the assessment is frozen, an answer changes in the living assessment, the
 * comparison with now shows that change (before → after) and the scores per domain, the snapshot's report says on its
 * cover that it is a frozen snapshot and prints the frozen answer, and after a reload the snapshot is still there.
 */
const shots = process.env.SCREENSHOT_DIR;
const nb = (text: string) => text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');

test('freeze the demo CHU, change an answer, compare, print the snapshot, reload', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'CHU de Val-de-Loire' }).click();
  await page.getByRole('link', { name: /^Résultats de Programme CaRE.* 2026$/ }).click();
  await page
    .getByRole('navigation', { name: 'Écrans des résultats' })
    .getByRole('link', { name: 'Instantanés' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Instantanés/ })).toBeVisible();

  await page.getByLabel('Nom de l’instantané').fill('Déclaration domaine 1');
  await page.getByRole('button', { name: 'Figer l’évaluation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'figé le' })).toContainText(
    nb('Instantané « Déclaration domaine 1 » figé le'),
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Instantané de cette évaluation (1)' })).toBeVisible();
  await expectAccessible(page);

  // Work goes on in the living assessment: « Oui » becomes « Non » on the first question.
  await page.goto('/assessments/demo-chu-care-2026/gov');
  const item = page.locator('article[data-item-id="care.gov.01"]');
  await expect(item.locator('input[type=radio][value=yes]')).toBeChecked();
  await item.locator('input[type=radio][value=no]').check();
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible();
  await page.getByRole('link', { name: 'Instantanés figés de cette évaluation' }).click();

  await page
    .getByRole('link', { name: nb('Comparer l’instantané « Déclaration domaine 1 » avec l’évaluation en cours') })
    .click();
  const comparison = page.getByTestId('snapshot-comparison');
  await expect(comparison.getByRole('heading', { level: 3 })).toHaveText('1 réponse a changé');
  const row = comparison.locator('tr[data-item-id="care.gov.01"]');
  await expect(row.getByRole('cell')).toHaveText(['Oui', 'Non']);
  await expect(comparison.getByRole('table', { name: 'Scores par domaine' })).toContainText('Score global');
  await expectAccessible(page);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `snapshots-compare-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  // Read-only view of the snapshot: the frozen « Oui ».
  await page.getByRole('link', { name: nb('Consulter l’instantané « Déclaration domaine 1 »') }).click();
  const view = page.getByTestId('snapshot-view');
  await expect(view.locator('[data-item-id="care.gov.01"] strong')).toHaveText('Oui');
  await expect(view).toContainText('(intacte)');
  await expectAccessible(page);
  if (shots) {
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `snapshots-view-${width}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  // The snapshot's report: « Instantané figé le … » on the cover, the frozen answer in the annex.
  await page.getByRole('link', { name: nb('Imprimer le rapport de l’instantané « Déclaration domaine 1 »') }).click();
  await expect(page.getByText(nb('Rapport de l’instantané « Déclaration domaine 1 » figé le'))).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Générer le rapport PDF' }).click(),
  ]);
  const file = await download.path();
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(shots, 'snapshot-report')]);
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  expect(text.replace(/\s+/g, ' ')).toContain(nb('Instantané figé le').replace(/\s+/g, ' '));
  expect(text).toContain('Déclaration domaine 1');

  // After a reload, the snapshot is still there.
  await page.goto('/assessments/demo-chu-care-2026/snapshots');
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: 'Déclaration domaine 1' })).toBeVisible();
  if (shots) {
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `snapshots-list-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  }
});
