import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, expectAccessible, test } from './fixtures';
import { loadDemo, saved } from './helpers';

/**
 * The declaration pack (issue 18) on the demo CHU: two proofs attached and dated, the assessment frozen, the pack of
 * CaRE domain 2 opened from the snapshot, its objectives' states read, and the zip downloaded: the PDF cover at its
 * root and each valid proof in the folder of its objective.
 */
const shots = process.env.SCREENSHOT_DIR;
const nb = (text: string) => text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${name}`) });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function screenshots(page: import('@playwright/test').Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('attach and date proofs, freeze, open the pack of CaRE domain 2, download its zip', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/assessments/demo-chu-care-2026/governance');
  const pssi = page.locator('article[data-item-id="care.gov.01"]');
  await pssi.locator('input[type=file]').setInputFiles([pdf('pssi.pdf'), pdf('pssi-2023.pdf')]);
  await expect(pssi.getByText('pssi-2023.pdf', { exact: true })).toBeVisible();
  await pssi.getByLabel(nb('Date du document « pssi.pdf »')).fill(daysAgo(30));
  await pssi.getByLabel(nb('Date du document « pssi-2023.pdf »')).fill(daysAgo(900));
  await expect(pssi.getByText(/^Preuve valable jusqu’au/)).toBeVisible();
  await expect(pssi.getByText('À renouveler\u00a0:')).toBeVisible();
  const organisation = page.locator('article[data-item-id="care.gov.05"]');
  await organisation.locator('input[type=file]').setInputFiles([pdf('organisation.pdf')]);
  await expect(organisation.getByText('organisation.pdf', { exact: true })).toBeVisible();
  await expect(saved(page)).toBeVisible();
  if (shots) await pssi.scrollIntoViewIfNeeded();
  await screenshots(page, 'proof-validity');

  // The list of proofs to renew is checked by its page test; here only looked at, when screenshots are asked for.
  if (shots) {
    await page.goto('/assessments/demo-chu-care-2026/results/renewal');
    await expect(page.getByRole('heading', { level: 3, name: 'pssi-2023.pdf' })).toBeVisible();
    await screenshots(page, 'proofs-to-renew');
  }

  await page.goto('/assessments/demo-chu-care-2026/snapshots');
  await page.getByLabel('Nom de l’instantané').fill('Déclaration domaine 2');
  await page.getByRole('button', { name: 'Figer l’évaluation' }).click();
  await page
    .getByRole('link', { name: nb('Dossier de déclaration de l’instantané « Déclaration domaine 2 »') })
    .click();
  await page.getByLabel('Guichet de déclaration').selectOption('care-d2');
  const p1 = page.locator('article').filter({ has: page.getByRole('heading', { name: /^D2\.P1\s/ }) });
  await expect(p1.getByText('Prêt', { exact: true })).toBeVisible();
  const o2a = page.locator('article').filter({ has: page.getByRole('heading', { name: /^D2\.O2\.A\s/ }) });
  await expect(o2a.getByText('Pas prêt', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'declaration');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le dossier de déclaration' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^dossier-declaration_450000138_care-d2_\d{4}-\d{2}-\d{2}\.zip$/);
  const path = await download.path();
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  expect(Object.keys(entries).sort()).toEqual([
    '00-dossier-de-declaration.pdf',
    'D2.P1/pssi.pdf',
    'D2.P2/organisation.pdf',
  ]);
  expect(Buffer.from(entries['D2.P1/pssi.pdf'] ?? []).toString()).toBe('%PDF-1.4 pssi.pdf');
  await expect(page.getByRole('status').filter({ hasText: 'Dossier téléchargé' })).toContainText('2\u00a0preuves');
});
