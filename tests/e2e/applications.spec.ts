import { expect, expectAccessible, test } from './fixtures';
import { createEstablishment, saved } from './helpers';

const shown = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

test('applications: a password-only patient record and a compliant one give the shares, the non-compliant first', async ({
  page,
}) => {
  await createEstablishment(page, 'Centre hospitalier de Bourg-en-Bresse', '010780914');
  await page.getByRole('link', { name: 'Applications sensibles (HospiConnect)' }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: shown('Applications sensibles — Centre hospitalier de Bourg-en-Bresse'),
    }),
  ).toBeVisible();
  await expectAccessible(page);

  // The compliant one first, to check the order afterwards.
  await page.getByRole('button', { name: 'Ajouter une application', exact: true }).click();
  await expect(page.getByLabel('Nom de l’application')).toBeFocused();
  await page.getByLabel('Nom de l’application').fill('PACS');
  await page.getByLabel('Type d’application').selectOption('imaging');
  await page.getByLabel(/Elle est partagée avec d’autres entités/).check();
  await page.getByLabel('e-CPS (application mobile, pour les professionnels enregistrés au RPPS)').check();
  await page.getByLabel('Nombre d’utilisateurs').fill('300');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ajouter l’application' }).click();
  await expect(page.getByText(shown('Application « PACS » ajoutée.'))).toBeVisible();

  // The patient record, from a suggestion, with the keyboard alone.
  await page.getByRole('button', { name: shown('Ajouter : Dossier patient informatisé') }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Nom de l’application')).toHaveValue('Dossier patient informatisé');
  await page.getByLabel(/Elle est accessible à distance/).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Identifiant et mot de passe seuls').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Nombre d’utilisateurs').focus();
  await page.keyboard.type('1200');
  await page.getByLabel('Nombre d’utilisateurs').press('Enter');
  await expect(page.getByText(shown('Application « Dossier patient informatisé » ajoutée.'))).toBeVisible();
  await expect(saved(page)).toBeVisible();

  await expect(page.getByTestId('compliant-apps')).toHaveText(shown('1 sur 2 (50 %)'));
  await expect(page.getByTestId('users-share')).toHaveText(shown('300 sur 1 500 (20 %)'));
  await expect(page.getByTestId('target-2027')).toHaveText('Non atteint');
  await expect(page.getByTestId('non-compliant').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('non-compliant')).toContainText('Dossier patient informatisé');
  await expect(page.locator('.app-card__title')).toHaveText(['Dossier patient informatisé', 'PACS']);
  await expect(page.locator('[data-application="Dossier patient informatisé"]')).toContainText(
    'Un accès par identifiant et mot de passe seuls subsiste.',
  );
  await expectAccessible(page);

  await page.reload();
  await expect(page.locator('.app-card__title')).toHaveText(['Dossier patient informatisé', 'PACS']);
  await expect(page.getByTestId('compliant-apps')).toHaveText(shown('1 sur 2 (50 %)'));
});

test('applications: editing and removing, the removal asked first, by keyboard', async ({ page }) => {
  await createEstablishment(page, 'Centre hospitalier de Bourg-en-Bresse', '010780914');
  await page.goto(page.url() + '/applications');
  await page.getByRole('button', { name: shown('Ajouter : Système d’information de laboratoire') }).click();
  await page.getByLabel(/Elle est partagée avec d’autres entités/).check();
  await page.getByLabel('Code à usage unique (application, SMS, jeton)').check();
  await page.getByRole('button', { name: 'Ajouter l’application' }).click();
  const card = page.locator('[data-application="Système d’information de laboratoire"]');
  await expect(card).toContainText('pas encore homologué');

  await page.getByRole('button', { name: 'Modifier l’application Système d’information de laboratoire' }).click();
  await page.getByLabel('Homologation du moyen d’authentification').selectOption('without-reservations');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(card).toContainText('Conforme à la règle de 2026');
  await expect(page.getByTestId('compliant-apps')).toHaveText(shown('1 sur 1 (100 %)'));

  const remove = page.getByRole('button', { name: 'Supprimer l’application Système d’information de laboratoire' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(card).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Supprimer l’application' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(shown('Application « Système d’information de laboratoire » supprimée.'))).toBeVisible();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Inventaire' })).toBeFocused();
  await page.reload();
  await expect(page.getByText('Aucune application recensée.', { exact: false })).toBeVisible();
});
