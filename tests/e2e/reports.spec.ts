import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures';
import { loadDemo } from './helpers';

/**
 * From the demonstration data to the results, then the report page: the completeness check says what is missing,
 * and the PDF is generated with the network cut (the jsPDF chunk and the font come from the service worker's
 * precache). The download is read back with pdftotext; a CSV export is checked for its BOM and separator.
 */
test('demo data → results → report: completeness check, PDF generated offline, CSV export', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await loadDemo(page);

  await page.getByRole('link', { name: 'Établissements' }).click();
  await page.getByRole('link', { name: 'CHU de Val-de-Loire' }).click();
  await page.getByRole('link', { name: /^Résultats de Programme CaRE.* 2026$/ }).click();
  await page.getByRole('link', { name: 'Rapport PDF et exports CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Rapport et exports/ })).toBeVisible();

  // The check before printing: incomplete, with links to the questions to answer.
  await expect(page.getByText(/^Évaluation incomplète/)).toBeVisible();
  await expect(page.getByText(/question\(s\) applicable\(s\) sans réponse/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Gouvernance et pilotage \(\d+\)$/ })).toBeVisible();
  await expect(page.getByTestId('report-counts')).toContainText('57 réponse(s) sur 77');
  await expect(page.getByTestId('report-comparison')).toContainText('celle de 2025');
  await expectAccessible(page);

  // The PDF, with the network cut.
  await page.getByLabel('Auteur du rapport').fill('RSSI du GHT');
  await context.setOffline(true);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Générer le rapport PDF' }).click(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: /^Rapport téléchargé/ })).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^rapport-450000138-care-2026-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('CHU de Val-de-Loire');
  expect(text).toContain('RSSI du GHT');
  expect(text).toMatch(/page 1 \/ (\d+)/);
  // The change since the 2025 campaign, found by the report page as the results screen finds it.
  expect(text).toMatch(/Évolution depuis 2025 [+–±]\d+ points? \(score 2025/);
  expect(text).toMatch(/Domaine 2026 2025 Évolution/);
  // The SHA-256 is on the last page, with what it is for, and no longer on the cover.
  const pages = text.split('\f');
  expect(pages[0]).not.toContain('SHA-256');
  expect(pages.filter((p) => p.trim()).pop()).toMatch(/Cette empreinte sert à vérifier/);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  expect(fonts).toContain('DejaVuSans');

  // A CSV export: BOM, semicolons, header row.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le CSV Écarts' }).click(),
  ]);
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8').split('\r\n')[0]).toBe(
    '\ufeffRang;Identifiant;Domaine;Question;Poids;Réponse;Fondement;Échéance;Urgence;Preuve attendue;Commentaire',
  );
  await context.setOffline(false);
  await expectAccessible(page);
});
