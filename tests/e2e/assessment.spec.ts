import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures';
import { createEstablishment, deleteDatabase, dumpDatabase, loadDemo, saved } from './helpers';

const care = JSON.parse(readFileSync('questionnaires/care/2026.1.json', 'utf8')) as {
  items: { id: string; domain: string; answerType: string; appliesTo: string[] }[];
};
const resourceItems = care.items.filter((i) => i.domain === 'resources' && i.appliesTo.includes('ES'));

test('a whole domain answered by keyboard alone, a file attached, then reload, offline and back online', async ({
  page,
  context,
}) => {
  await createEstablishment(page, 'Centre hospitalier de Pithiviers-le-Vieil', '450000278');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('link', { name: /^Ressources et mutualisation/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ressources et mutualisation' })).toBeVisible();
  await expectAccessible(page);

  // Keyboard only from here: Tab to each item's first answer and select it with the space bar.
  for (const item of resourceItems) {
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      const inItem = await page.evaluate(
        (id) =>
          document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id') === id &&
          (document.activeElement as HTMLInputElement).type === 'radio',
        item.id,
      );
      if (inItem) break;
    }
    const focusVisible = await page.evaluate(
      () => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle,
    );
    expect(focusVisible).not.toBe('none');
    await page.keyboard.press('Space');
    await expect(page.locator(`article[data-item-id="${item.id}"] input[type=radio]`).first()).toBeChecked();
  }
  await expect(saved(page)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Ressources et mutualisation/ })).toContainText(
    `${resourceItems.length}/${resourceItems.length}`,
  );

  // A comment, typed after tabbing to it.
  const first = page.locator(`article[data-item-id="${resourceItems[0]!.id}"]`);
  await first.getByLabel('Commentaire').focus();
  await page.keyboard.type('Convention signée avec le GHT en mars.');
  await expect(saved(page)).toBeVisible();

  // Attach an evidence file through the keyboard-reachable button.
  const chooser = page.waitForEvent('filechooser');
  await first.getByRole('button', { name: 'Joindre des fichiers' }).focus();
  await page.keyboard.press('Enter');
  await (
    await chooser
  ).setFiles({ name: 'convention GHT.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 convention') });
  await expect(first.locator('.evidence__name')).toContainText('convention GHT.pdf');
  await expect(first.getByRole('heading', { name: 'Pièces justificatives (1)' })).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  const reloaded = page.locator(`article[data-item-id="${resourceItems[0]!.id}"]`);
  await expect(reloaded.locator('input[type=radio]').first()).toBeChecked();
  await expect(reloaded.getByLabel('Commentaire')).toHaveValue('Convention signée avec le GHT en mars.');
  await expect(reloaded.locator('.evidence__name')).toContainText('convention GHT.pdf');

  // Offline: the app reloads from its cache and answers keep being saved.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('link', { name: /^Sensibilisation/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sensibilisation' })).toBeVisible();
  const offlineItem = page
    .locator('article[data-item-id]')
    .filter({ has: page.getByRole('radio', { name: 'Non', exact: true }) })
    .first();
  const offlineId = await offlineItem.getAttribute('data-item-id');
  await offlineItem.getByRole('radio', { name: 'Non', exact: true }).check();
  await expect(saved(page)).toBeVisible();
  await context.setOffline(false);
  await page.reload();
  await expect(
    page.locator(`article[data-item-id="${offlineId}"]`).getByRole('radio', { name: 'Non', exact: true }),
  ).toBeChecked();
});

test('a write that fails shows « Non enregistré » with the reason and keeps what was chosen', async ({ page }) => {
  await createEstablishment(page, 'Clinique des Tilleuls', '370000317', 'clinic');
  await page.getByRole('button', { name: 'Commencer' }).click();
  const item = page.locator('article[data-item-id="care.gov.01"]');
  await expect(item).toBeVisible();
  await deleteDatabase(page); // another tab deletes the data: this tab's database is closed under it
  await item.getByRole('radio', { name: 'Partiellement' }).check();
  const alert = page.locator('[data-save-state="failed"]');
  await expect(alert).toContainText('Non enregistré');
  await expect(alert).toContainText('la base de données locale est fermée');
  await expect(item.getByRole('radio', { name: 'Partiellement' })).toBeChecked();
  await expect(page.getByRole('alert').filter({ hasText: 'Rechargez cette page' })).toBeVisible();
  await expect(saved(page)).toHaveCount(0);
});

test('two tabs on one assessment: both answers land and each tab sees the other’s', async ({ page, context }) => {
  await createEstablishment(page, 'Centre hospitalier de Gien-sur-Loire', '450000120');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.locator('article[data-item-id="care.gov.01"]')).toBeVisible();
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);

  await page.locator('article[data-item-id="care.gov.01"]').getByRole('radio', { name: 'Oui', exact: true }).check();
  await other.locator('article[data-item-id="care.gov.02"]').getByRole('radio', { name: 'Non', exact: true }).check();
  await expect(saved(page)).toBeVisible();
  await expect(saved(other)).toBeVisible();

  await expect(
    page.locator('article[data-item-id="care.gov.02"]').getByRole('radio', { name: 'Non', exact: true }),
  ).toBeChecked();
  await expect(
    other.locator('article[data-item-id="care.gov.01"]').getByRole('radio', { name: 'Oui', exact: true }),
  ).toBeChecked();
  await other.close();
  await page.reload();
  await expect(
    page.locator('article[data-item-id="care.gov.01"]').getByRole('radio', { name: 'Oui', exact: true }),
  ).toBeChecked();
  await expect(
    page.locator('article[data-item-id="care.gov.02"]').getByRole('radio', { name: 'Non', exact: true }),
  ).toBeChecked();
});

test('backup, wipe, restore: the data comes back identical, evidence included', async ({ page }) => {
  await loadDemo(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'EHPAD Les Glycines' }).click();
  await page
    .getByRole('link', { name: /Ouvrir l’évaluation/ })
    .first()
    .click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Joindre des fichiers' }).first().click();
  await (
    await chooser
  ).setFiles({
    name: 'contrat prestataire.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from([0, 1, 2, 250, 251]),
  });
  await expect(page.locator('.evidence__name').first()).toContainText('contrat prestataire.pdf');
  const before = await dumpDatabase(page);
  expect(before.evidence).toHaveLength(1);

  await page.goto('/settings');
  await expect(page.getByTestId('last-backup')).toContainText('Aucune sauvegarde');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger une sauvegarde' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^autodiag-care-sauvegarde-\d{4}-\d{2}-\d{2}\.zip$/);
  const path = test.info().outputPath('sauvegarde.zip');
  await file.saveAs(path);
  await expect(page.getByTestId('last-backup')).toContainText('Dernière sauvegarde le');
  await expectAccessible(page);

  await deleteDatabase(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Autodiag CaRE' })).toBeVisible();

  await page.goto('/settings');
  await page.getByText('Restaurer depuis un fichier').locator('input[type=file]').setInputFiles(path);
  await expect(page.getByRole('alertdialog')).toContainText('remplace toutes les données');
  await page.getByRole('button', { name: 'Oui, remplacer les données' }).click();
  await expect(page.getByText(/Données restaurées depuis «\s?sauvegarde\.zip\s?»/)).toBeVisible();
  expect(await dumpDatabase(page)).toEqual(before);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'EHPAD Les Glycines' })).toBeVisible();
});

test('a refused backup file is named, explained, and changes nothing', async ({ page }) => {
  await loadDemo(page);
  const before = await dumpDatabase(page);
  await page.goto('/settings');
  await page
    .getByText('Restaurer depuis un fichier')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('ceci n’est pas une archive'),
    });
  await page.getByRole('button', { name: 'Oui, remplacer les données' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'notes.zip' });
  await expect(refusal).toContainText('« notes.zip » n’a pas été restauré');
  await expect(refusal).toContainText('ce n’est pas un fichier de sauvegarde');
  await expect(refusal).toContainText('Aucune donnée n’a été modifiée');
  expect(await dumpDatabase(page)).toEqual(before);
});

test('a new campaign starts from last year’s answers, marked to review, with each item’s change shown', async ({
  page,
}) => {
  await loadDemo(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Centre hospitalier de Montargis-les-Bois' }).click();
  await page.getByLabel('Année de campagne').selectOption(String(new Date().getFullYear() + 1));
  await expect(page.getByLabel(/Partir des réponses de la campagne 2026/)).toBeChecked();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByLabel('Afficher').selectOption('to-review');
  const reviewed = page.locator('article[data-item-id]').first();
  await expect(reviewed.locator('.badge--review')).toHaveText('À revoir');
  await expect(reviewed.locator('.badge--change-unchanged')).toHaveText('Inchangée depuis 2026');
  const id = await reviewed.getAttribute('data-item-id');
  await reviewed.getByRole('button', { name: 'Confirmer la réponse' }).click();
  await expect(saved(page)).toBeVisible();
  await page.getByLabel('Afficher').selectOption('all');
  await expect(page.locator(`article[data-item-id="${id}"] .badge--review`)).toHaveCount(0);
  await expectAccessible(page);
});
