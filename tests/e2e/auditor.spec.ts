import { readFileSync, writeFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { generateExportFiles } from './helpers';

/**
 * An auditor imports a campaign: 200 files made by the test-data generator plus one altered by hand, reads the
 * summary, the heat map, filters it, checks who is missing against an expected list and downloads the CSV.
 */

interface GeneratedFile {
  path: string;
  finess: string;
  questionnaireId: string;
  campaignYear: number;
  category: string;
}

function generate(dir: string, count: number): GeneratedFile[] {
  return generateExportFiles(dir, count).map(({ path, envelope }) => ({
    path,
    finess: envelope.establishment.finessEg ?? envelope.establishment.finessEj,
    questionnaireId: envelope.content.questionnaire.id,
    campaignYear: envelope.content.campaignYear,
    category: envelope.establishment.category,
  }));
}

test('an auditor imports 200 files and reads the regional dashboard', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = test.info().outputPath('exports');
  const files = generate(dir, 200);
  expect(files).toHaveLength(200);

  // A file changed after export: its name no longer matches the digest.
  const tampered = test.info().outputPath('tampered.json');
  const original = readFileSync(files[0]?.path ?? '', 'utf8');
  writeFileSync(tampered, original.replace(/"name": "([^"]+)"/, '"name": "$1 (modifié)"'));

  await page.goto('/');
  await page.getByRole('link', { name: 'Espace auditeur' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Espace auditeur' })).toBeVisible();
  await expect(page.getByText('Aucun fichier importé pour l’instant.', { exact: false })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Choisir des fichiers').setInputFiles([...files.map((f) => f.path), tampered]);

  const counts = page.getByRole('table', { name: 'Résultat par fichier' });
  await expect(counts).toBeVisible({ timeout: 30_000 });
  await expect(counts.getByRole('row', { name: /Nouveaux/ }).getByRole('cell')).toHaveText('200');
  await expect(counts.getByRole('row', { name: /Mis à jour/ }).getByRole('cell')).toHaveText('0');
  await expect(counts.getByRole('row', { name: /Refusés/ }).getByRole('cell')).toHaveText('1');
  const rejected = page.locator('.rejected-files li');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText('tampered.json');
  await expect(rejected).toContainText('empreinte');

  // The latest campaign of the first questionnaire is shown first: CaRE 2026.
  const care2026 = files.filter((f) => f.questionnaireId === 'care' && f.campaignYear === 2026);
  await expect(page.getByLabel('Questionnaire et campagne')).toHaveValue('2026|care');
  await expect(page.getByText(`${care2026.length} établissements affichés sur ${care2026.length}.`)).toBeVisible();
  const heatMap = page.getByRole('table', { name: /Score de chaque établissement par domaine/ });
  await expect(heatMap.locator('tbody tr')).toHaveCount(Math.min(50, care2026.length));
  await expect(heatMap.getByRole('columnheader', { name: 'Gouvernance et pilotage' })).toBeVisible();
  await expect(heatMap.locator('tbody tr').first().locator('td.heat').first()).toHaveText(/^(\d+|—)$/);
  await expectAccessible(page);

  // Sorting by the overall score, from the keyboard.
  const overall = heatMap.getByRole('button', { name: 'Global' });
  await overall.focus();
  await page.keyboard.press('Enter');
  await expect(heatMap.getByRole('columnheader', { name: 'Global' })).toHaveAttribute('aria-sort', 'ascending');

  // A filter: the centres hospitaliers only.
  const ch = care2026.filter((f) => f.category === 'ch').length;
  await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Centre hospitalier (CH)' });
  await expect(page.getByText(`${ch} établissement${ch > 1 ? 's' : ''} affiché`)).toBeVisible();
  await expect(heatMap.locator('tbody tr')).toHaveCount(Math.min(50, ch));
  await expect(page.getByRole('heading', { name: 'Écarts critiques les plus fréquents' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Double authentification (HospiConnect)' })).toBeVisible();
  await expectAccessible(page);

  // The expected list: one establishment that sent its file, one that did not.
  const present = care2026[0]?.finess ?? '';
  const absent = '010780914';
  expect(files.some((f) => f.finess === absent)).toBe(false);
  const expectedList = test.info().outputPath('attendus.csv');
  writeFileSync(
    expectedList,
    `finess;nom;categorie;ght;departement\n${present};Établissement présent;CH;;\n${absent};CH de Bourg-en-Bresse;CH;GHT Ain;01\n`,
  );
  await page.getByLabel('Choisir la liste des établissements attendus').setInputFiles(expectedList);
  const missing = page.getByRole('table', { name: /sans fichier retenu pour la campagne 2026/ });
  await expect(missing.getByRole('row', { name: /CH de Bourg-en-Bresse/ })).toBeVisible();
  await expect(missing.getByRole('row')).toHaveCount(2);
  await expect(page.getByText(/sur 2 établissements attendus, 1 a envoyé au moins un fichier/)).toBeVisible();
  await expectAccessible(page);

  // The consolidated CSV: BOM, semicolons, one row per file, then the missing establishment; French column names and
  // values by default, for Excel (issue 16).
  const downloadCsv = async () => {
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le CSV consolidé' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^consolidation-autodiag-care_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  };
  await expect(page.getByRole('radio', { name: 'En clair (pour Excel)' })).toBeChecked();
  const lines = await downloadCsv();
  expect(lines[0]).toMatch(/^Statut;FINESS juridique;FINESS géographique;Établissement;Catégorie;/);
  expect(lines[0]).toMatch(/;Chiffres;Fichier refusé \(raison\);Examen;Examen d’un envoi précédent$/);
  expect(lines).toHaveLength(1 + 200 + 1);
  expect(lines.at(-1)).toMatch(new RegExp(`^manquant;${absent};;CH de Bourg-en-Bresse;`));
  expect(lines.filter((l) => l.startsWith('soumis;'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('hors liste;'))).toHaveLength(199);

  // The stable codes, for a script.
  await page.getByRole('radio', { name: 'Codes stables (pour un script)' }).check();
  const codes = await downloadCsv();
  expect(codes[0]).toMatch(/^statut;finess_ej;finess_eg;nom;categorie;/);
  expect(codes[0]).toMatch(/;chiffres;refus;examen;examen_envoi_precedent$/);
  expect(codes.filter((l) => l.startsWith('hors_liste;'))).toHaveLength(199);
});

test('every file of an import refused: the summary names them, the expected list and the CSV say why', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const files = generate(test.info().outputPath('exports'), 2);
  const altered = files.map((f, i) => {
    const path = test.info().outputPath(`altered-${i}.json`);
    writeFileSync(path, readFileSync(f.path, 'utf8').replace(/"name": "([^"]+)"/, '"name": "$1 (modifié)"'));
    return path;
  });
  await page.goto('/auditor');
  await expect(page.getByRole('heading', { level: 1, name: 'Espace auditeur' })).toBeVisible();
  await page.getByLabel('Choisir des fichiers').setInputFiles(altered);
  const counts = page.getByRole('table', { name: 'Résultat par fichier' });
  await expect(counts.getByRole('row', { name: /Refusés/ }).getByRole('cell')).toHaveText('2');
  await expect(page.locator('.rejected-files li')).toHaveCount(2);
  await expect(page.locator('.rejected-files li').first()).toContainText('altered-0.json');

  // No file kept: the expected list still says which establishment sent a refused file, and why (issue 14).
  const list = test.info().outputPath('attendus.csv');
  writeFileSync(list, `finess;nom\n${files[0]?.finess};Premier\n010780914;CH de Bourg-en-Bresse\n`);
  await page.getByLabel('Choisir la liste des établissements attendus').setInputFiles(list);
  const missing = page.getByRole('table', { name: 'Établissements attendus sans fichier retenu, toutes campagnes' });
  await expect(missing.getByRole('row', { name: /010780914/ })).toContainText('aucun fichier');
  await expect(missing.getByRole('row', { name: new RegExp(files[0]?.finess ?? '-') })).toContainText(
    /fichier refusé \(Le contenu du fichier «\u00a0altered-0\.json\u00a0» ne correspond plus à son empreinte/,
  );
  await expect(page.getByText(/aucun des 2 établissements attendus n’a envoyé de fichier valide/)).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le CSV consolidé' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8')
    .slice(1)
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(
    new RegExp(`^fichier refusé;${files[0]?.finess};.*;Le contenu du fichier «\u00a0altered-0\\.json`),
  );
  expect(lines[2]).toMatch(/^manquant;010780914;/);

  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`all-refused-${width}.png`), fullPage: true });
  }
});
