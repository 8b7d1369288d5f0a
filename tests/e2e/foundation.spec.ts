import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures';

test('create an establishment, answer a question, reload, then reload offline', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Autodiag CaRE' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Créer un premier établissement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel établissement' })).toBeVisible();
  await expectAccessible(page);

  // A wrong check key is refused with its reason, and nothing is created.
  await page.getByLabel('Catégorie').selectOption('ch');
  await page.getByLabel('Nom de l’établissement').fill('Centre hospitalier de Bourg-en-Bresse');
  await page.getByLabel('Numéro FINESS juridique (EJ)').fill('010780915');
  await page.getByRole('button', { name: 'Créer l’établissement' }).click();
  await expect(page.getByText('La clé de contrôle de ce numéro FINESS est fausse')).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('Le formulaire contient des erreurs');
  await expectAccessible(page);

  // A Corsican number is accepted with a warning.
  await page.getByLabel('Numéro FINESS géographique (EG)').fill('2A0000123');
  await page.getByLabel('Numéro FINESS géographique (EG)').blur();
  await expect(page.getByText('Numéro corse (2A/2B)')).toBeVisible();
  await page.getByLabel('Numéro FINESS géographique (EG)').fill('');

  await page.getByLabel('Numéro FINESS juridique (EJ)').fill('010780914');
  await page.getByRole('button', { name: 'Créer l’établissement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Centre hospitalier de Bourg-en-Bresse' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Commencer' }).click();
  const firstItem = page.locator('article[data-item-id="care.gov.01"]');
  await expect(firstItem).toBeVisible();
  await expectAccessible(page);

  await firstItem.getByRole('radio', { name: 'Oui' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  const assessmentUrl = page.url();

  await page.reload();
  await expect(page.locator('article[data-item-id="care.gov.01"]').getByRole('radio', { name: 'Oui' })).toBeChecked();

  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(page.url()).toBe(assessmentUrl);
  await expect(page.locator('article[data-item-id="care.gov.01"]').getByRole('radio', { name: 'Oui' })).toBeChecked();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Centre hospitalier de Bourg-en-Bresse' })).toBeVisible();
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByTestId('data-version')).toHaveText('4');
  await expectAccessible(page);
  await context.setOffline(false);
});

test('data written by a newer version opens read-only and asks for an update', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('care-autodiag');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'dataVersion', value: 99 });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Données d’une version plus récente' })).toBeVisible();
  await page.getByRole('link', { name: 'Créer un premier établissement' }).click();
  await page.getByLabel('Nom de l’établissement').fill('Clinique du Parc');
  await page.getByLabel('Numéro FINESS juridique (EJ)').fill('010003820');
  await page.getByRole('button', { name: 'Créer l’établissement' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'version plus récente' }).last()).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByTestId('data-version')).toContainText('99');
  await expectAccessible(page);
});

test('the interface switches to English and stays so after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Autodiag CaRE' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Autodiag CaRE' })).toBeVisible();
  await expectAccessible(page);
});
