import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures';
import { loadDemo } from './helpers';

/**
 * The « Référentiels » view of the demo CHU (an essential entity), reached from its results: the counts per state
 * and the mapping version read, from a measure to its item on the answering screen and from the item back to its
 * measures, an action from a measure no questionnaire covers, by keyboard, and all of it still there after a reload;
 * no sideways scrolling on a phone. Then the report: the ReCyF annex printed by default, read back with pdftotext,
 * and the coverage CSV.
 */
test('Référentiels: counts, measure → item → measure, an action from an uncovered measure, reload, phone width', async ({
  page,
}) => {
  // The ReCyF view holds 152 measures: axe reads every one of them.
  test.setTimeout(120_000);
  await page.goto('/');
  await waitForServiceWorker(page);
  await loadDemo(page);

  await page.getByRole('link', { name: 'Établissements' }).click();
  await page.getByRole('link', { name: 'CHU de Val-de-Loire' }).click();
  await page.getByRole('link', { name: /^Résultats de Programme CaRE.* 2026$/ }).click();
  await page
    .getByRole('navigation', { name: 'Écrans des résultats' })
    .getByRole('link', { name: 'Référentiels' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Référentiels/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ReCyF (NIS2)' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('mapping-version')).toHaveText(/ReCyF \(NIS2\), version 2\.5\.$/);
  await expect(page.getByText('Correspondance proposée par l’application, non officielle.').first()).toBeVisible();
  const chart = page.getByRole('img', { name: /^Couverture ReCyF \(NIS2\) des \d+ mesures comptées$/ });
  await expect(chart).toBeVisible();
  const legend = page.getByRole('list', { name: 'Légende' });
  for (const state of ['Satisfaite', 'Partiellement satisfaite', 'Non satisfaite', 'Non évaluée'])
    await expect(legend.getByText(new RegExp(`^${state}\\s:\\s\\d+$`))).toBeVisible();
  const uncoveredCount = Number(
    /(\d+)$/.exec((await legend.getByText(/^Non couverte par les questionnaires/).textContent()) ?? '')?.[1],
  );
  expect(uncoveredCount).toBeGreaterThan(0);
  await expectAccessible(page);

  // From a measure to its item on the answering screen…
  const measures = page.getByRole('table', { name: /les mesures et les questions qui y répondent/ });
  const pssi = measures.getByRole('row', { name: /^2\.B\.1 / });
  await expect(pssi).toContainText('care.gov.01');
  await pssi.getByRole('link', { name: 'Ouvrir la question care.gov.01' }).click();
  await expect(page).toHaveURL(/\/assessments\/demo-chu-care-2026\/governance\?item=care\.gov\.01$/);
  await expect(page.locator('[data-item-id="care.gov.01"]')).toBeVisible();
  // …and back, from the item to the measures it answers.
  await page.goBack();
  await page.getByText(/^Des questions aux mesures/).click();
  const items = page.getByRole('table', { name: 'Chaque question et les mesures auxquelles elle répond' });
  const item = items.getByRole('row', { name: /^care\.gov\.01 / });
  await item.getByRole('link', { name: 'Mesure 2.B.1, à laquelle répond la question care.gov.01' }).click();
  await expect(page).toHaveURL(/#fw-measure-2\.B\.1$/);
  await expect(measures.getByRole('row', { name: /^2\.B\.1 / })).toBeInViewport();

  // The next work: an uncovered measure becomes an action of the plan, by keyboard.
  const next = page.getByRole('region', { name: /^Le prochain travail/ });
  await expect(next.getByRole('heading')).toHaveText(
    `Le prochain travail\u202f: mesures qu’aucun questionnaire ne couvre (${uncoveredCount})`,
  );
  const add = next.getByRole('button', { name: 'Ajouter une action pour la mesure 1.2' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(next.getByRole('status')).toHaveText(/^Action ajoutée au plan\s:\sReCyF \(NIS2\) 1\.2\s:\s/);
  await expect(next.getByRole('link', { name: 'Voir l’action au plan pour la mesure 1.2' })).toBeVisible();

  // Reload: the action, the version read and the counts are still there.
  await page.reload();
  await expect(page.getByTestId('mapping-version')).toHaveText(/version 2\.5\.$/);
  await expect(chart).toBeVisible();
  const link = page.getByRole('link', { name: 'Voir l’action au plan pour la mesure 1.2' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Plan d’action/ })).toBeVisible();
  await expect(page.getByText(/^ReCyF \(NIS2\) 1\.2\s:\s/).first()).toBeVisible();

  // Another framework, and a phone's width without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/assessments/demo-chu-care-2026/frameworks?framework=has-essms');
  await expect(page.getByRole('link', { name: 'Critères HAS ESSMS' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('img', { name: /^Couverture/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto('/assessments/demo-chu-care-2026/frameworks');
  await expect(page.getByRole('img', { name: /^Couverture/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('report: the ReCyF annex of an essential entity, printed by default, and the coverage CSV', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await loadDemo(page);
  await page.goto('/assessments/demo-chu-care-2026/report');
  await expect(page.getByRole('heading', { level: 1, name: /^Rapport et exports/ })).toBeVisible();
  const annexes = page.getByRole('group', { name: 'Annexes de correspondance avec d’autres référentiels' });
  await expect(annexes.getByRole('checkbox', { name: 'ReCyF (NIS2)' })).toBeChecked();
  await expect(annexes.getByRole('checkbox', { name: 'Guide d’hygiène ANSSI' })).not.toBeChecked();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Générer le rapport PDF' }).click(),
  ]);
  const file = await download.path();
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Annexe — correspondance avec d’autres référentiels');
  expect(text).toContain('Référentiel Cyber France (ReCyF) de l’ANSSI, version 2.5');
  expect(text).toContain('Correspondance lue par cette évaluation : ReCyF (NIS2), version 2.5.');
  expect(text).toContain('Correspondance proposée par l’application, non officielle.');
  expect(text).toContain('Entité essentielle : les mesures marquées EE sont comptées.');
  expect(text).toMatch(/2\.B\.1 .*care\.gov\.01 \(couvre\)/);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger le CSV Couverture des référentiels' }).click(),
  ]);
  const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
  expect(lines[0]).toBe('\ufeffRéférentiel;Version de la correspondance;Mesure;Intitulé;EE / EI;État;Questions liées');
  expect(lines[1]).toMatch(/^ReCyF \(NIS2\);2\.5;1\.1;/);
});
