import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

/**
 * Trust on first use in the auditor workspace (issue 14): an establishment's files signed by a new key are held out
 * of the dashboard until the auditor has compared the two fingerprints and decided; the decision survives a reload.
 * Also: a refused file's establishment is « fichier refusé (raison) » in the expected list, and the same files
 * imported twice are « déjà importés, identiques ».
 */

interface Generated {
  path: string;
  finess: string;
  name: string;
  questionnaireId: string;
}

/** Export files of the generator: the same seed makes the same establishments; each run signs with new keys. */
function generate(dir: string, year: number): Generated[] {
  const result = spawnSync(
    'npx',
    ['tsx', 'scripts/generate-exports.ts', '--count', '4', '--out', dir, '--seed', '7', '--year', String(year)],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`generator failed: ${result.stderr}`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const envelope = JSON.parse(readFileSync(path, 'utf8')) as {
        establishment: { finessEj: string; finessEg?: string; name: string };
        content: { questionnaire: { id: string } };
      };
      return {
        path,
        finess: envelope.establishment.finessEg ?? envelope.establishment.finessEj,
        name: envelope.establishment.name,
        questionnaireId: envelope.content.questionnaire.id,
      };
    });
}

const shots = process.env.SCREENSHOT_DIR;

test('an auditor compares a changed key, accepts one, keeps the old one for another, and the choice holds', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const first = generate(test.info().outputPath('2026'), 2026);
  const second = generate(test.info().outputPath('2027'), 2027);
  expect(first.map((f) => f.finess)).toEqual(second.map((f) => f.finess));
  const [a, b, c, d] = first as [Generated, Generated, Generated, Generated];
  // The fourth establishment's file is altered after export: refused.
  const tampered = test.info().outputPath('tampered.json');
  writeFileSync(tampered, readFileSync(d.path, 'utf8').replace(/"name": "([^"]+)"/, '"name": "$1 (modifié)"'));

  await page.goto('/auditor');
  await expect(page.getByRole('heading', { level: 1, name: 'Espace auditeur' })).toBeVisible();
  const pick = page.getByLabel('Choisir des fichiers');
  await pick.setInputFiles([a.path, b.path, c.path, tampered]);
  const counts = page.getByRole('table', { name: 'Résultat par fichier' });
  await expect(counts.getByRole('row', { name: /Nouveaux/ }).getByRole('cell')).toHaveText('3');

  // The expected list names the refused file's establishment as « fichier refusé », not « aucun fichier ».
  const list = test.info().outputPath('attendus.csv');
  writeFileSync(list, `finess;nom\n${a.finess};A\n${d.finess};D\n010780914;CH de Bourg-en-Bresse\n`);
  await page.getByLabel('Choisir la liste des établissements attendus').setInputFiles(list);
  const missing = page.getByRole('table', { name: /sans fichier retenu pour la campagne 2026/ });
  await expect(missing.getByRole('row', { name: /010780914/ })).toContainText('aucun fichier');
  await expect(missing.getByRole('row', { name: new RegExp(d.finess) })).toContainText(
    /fichier refusé \(Le contenu du fichier «\u00a0tampered\.json\u00a0» ne correspond plus à son empreinte/,
  );

  // The same files again: recognised as identical, nothing written.
  await pick.setInputFiles([a.path, b.path, c.path]);
  await expect(counts.getByRole('row', { name: /Déjà importés, identiques/ }).getByRole('cell')).toHaveText('3');

  // The 2027 files come signed by another installation's key: stored, out of the dashboard, to be reviewed.
  await pick.setInputFiles(second.slice(0, 3).map((f) => f.path));
  await expect(counts.getByRole('row', { name: /Nouveaux/ }).getByRole('cell')).toHaveText('3');
  await expect(page.getByRole('heading', { name: 'Signés par une autre clé' })).toBeVisible();
  await expect(page.getByLabel('Questionnaire et campagne').locator('option', { hasText: '2027' })).toHaveCount(0);
  const review = page.getByRole('region', { name: 'Clés de signature à vérifier' });
  const item = (g: Generated) => review.locator(`[data-finess="${g.finess}"]`);
  await expect(review.locator('.key-review__item')).toHaveCount(3);
  const fingerprints = item(a).getByTestId('key-fingerprint');
  await expect(fingerprints).toHaveCount(2);
  const [oldKey, newKey] = await fingerprints.evaluateAll((nodes) =>
    nodes.map((n) => (n as HTMLElement).dataset.fingerprint),
  );
  expect(oldKey).not.toEqual(newKey);
  await expect(item(a)).toContainText('Clé acceptée jusqu’ici');
  await expect(item(a)).toContainText('Nouvelle clé');
  await expectAccessible(page);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await review.screenshot({ path: join(shots, 'key-review-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await review.screenshot({ path: join(shots, 'key-review-390.png') });
    // The review itself never scrolls sideways on a phone (the fingerprints wrap in groups of four).
    expect(await review.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await missing.screenshot({ path: join(shots, 'expected-status-390.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
    await missing.screenshot({ path: join(shots, 'expected-status-1366.png') });
  }

  // From the keyboard: accept the new key of the first establishment.
  await item(a)
    .getByRole('button', { name: `Accepter la nouvelle clé de ${a.finess}` })
    .focus();
  await page.keyboard.press('Enter');
  const done = review.getByRole('status');
  await expect(done).toContainText(`Nouvelle clé acceptée pour le FINESS ${a.finess}`);
  await expect(done).toBeFocused();
  await expect(page.getByLabel('Questionnaire et campagne').locator('option', { hasText: '2027' })).toHaveCount(1);

  // Keep the old key for the second one: its 2027 file stays out, with its status.
  await item(b)
    .getByRole('button', { name: `Garder l’ancienne clé de ${b.finess}` })
    .click();
  await expect(done).toContainText(`Ancienne clé gardée pour le FINESS ${b.finess}`);
  const refused = review.locator('.key-review__item--refused');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('les fichiers signés par cette clé restent hors de la consolidation');
  await expectAccessible(page);
  if (shots) await review.screenshot({ path: join(shots, 'key-review-decided-1366.png') });

  // After a reload: the accepted key's file is in, the refused one out, the third still to review.
  await page.reload();
  await page.getByLabel('Questionnaire et campagne').selectOption(`2027|${a.questionnaireId}`);
  const heatMap = page.getByRole('table', { name: /Score de chaque établissement par domaine/ });
  await expect(heatMap.locator('tbody tr')).toHaveCount(1);
  await expect(heatMap.locator('tbody tr').first()).toContainText(a.finess);
  await expect(review.locator('.key-review__item--refused')).toHaveCount(1);
  await expect(review.locator('.key-review__item:not(.key-review__item--refused)')).toHaveCount(1);
  await expect(item(c).getByRole('button', { name: `Accepter la nouvelle clé de ${c.finess}` })).toBeVisible();
});
