import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures';
import { createEstablishment, saved } from './helpers';

/** Text as shown, whatever the kind of space (Intl writes narrow and regular no-break spaces in French). */
const shown = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

test('budget: French amounts give live ratios and a euro gap, an impossible figure is refused, figures survive a reload offline', async ({
  page,
  context,
}) => {
  await createEstablishment(page, 'Centre hospitalier de Bourg-en-Bresse', '010780914');
  await page.getByRole('link', { name: 'Budget et ratios' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Budget et ratios — Centre hospitalier de Bourg-en-Bresse' }),
  ).toBeVisible();
  await expectAccessible(page);

  const total = page.getByLabel('Total des charges d’exploitation');
  const it = page.getByLabel('Charges d’exploitation du système d’information (SI)');
  const cyber = page.getByLabel('Dépenses de fonctionnement en cybersécurité');
  const itShare = page.getByTestId('ratio-itShareOfOperating');
  const itGap = page.getByTestId('gap-itShareOfOperating');

  // Typed key by key, as a user would: the ratio follows each accepted figure.
  await total.pressSequentially('100 000 000');
  await it.pressSequentially('1 000 000');
  await expect(itShare).toHaveText(shown('1 %'));
  await expect(itGap).toHaveText(
    shown(
      'En dessous de la cible de 2 % : il manque 1 point, soit 1 000 000 € de dépenses numériques en plus à budget constant.',
    ),
  );
  await it.fill('1 700 000,00');
  await expect(itShare).toHaveText(shown('1,7 %'));
  await expect(itGap).toContainText(shown('300 000 €'));
  await expect(page.locator('[data-ratio="itShareOfOperating"]')).toContainText('En dessous de la cible');
  await expect(saved(page)).toBeVisible();

  // Leaving a field shows the amount in French formatting.
  await it.press('Tab');
  await expect(it).toHaveValue(shown('1 700 000 €'));

  // Cyber spend above the IT charges is refused, naming the field; nothing of it is stored.
  await cyber.fill('2 000 000');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Dépenses de fonctionnement en cybersécurité' }),
  ).toContainText('ne peuvent pas dépasser les charges SI');
  await expect(cyber).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('ratio-cyberShareOfIt')).toHaveText('non calculé');
  await expectAccessible(page);

  // 6.1 % against the 10 % target: below it, never « Dans la cible », with how far in points and in euros.
  const cyberCard = page.locator('[data-ratio="cyberShareOfIt"]');
  await cyber.fill('103 700');
  await expect(page.getByTestId('ratio-cyberShareOfIt')).toHaveText(shown('6,1 %'));
  await expect(cyberCard).toContainText('En dessous de la cible');
  await expect(cyberCard).not.toContainText('Situation : Dans la cible');
  await expect(page.getByTestId('gap-cyberShareOfIt')).toHaveText(
    shown(
      'En dessous de la cible de 10 % : il manque 3,9 points, soit 66 300 € de dépenses de cybersécurité en plus à budget informatique constant.',
    ),
  );
  // Below 5 %: « À risque », with the threshold's source.
  await cyber.fill('50 000');
  await expect(cyberCard).toContainText('À risque');
  await expect(cyberCard).toContainText('le FSSI des ministères sociaux juge à risque');

  // A valid one is accepted.
  await cyber.fill('119000');
  await expect(page.getByTestId('ratio-cyberShareOfIt')).toHaveText(shown('7 %'));
  await expect(page.getByTestId('gap-cyberShareOfIt')).toContainText(shown('51 000 €'));
  await page.getByLabel('Effectif informatique (ETP)').fill('12,5');
  await expect(saved(page)).toBeVisible();
  await page.waitForTimeout(600);
  await expect(saved(page)).toBeVisible();

  await page.reload();
  await expect(total).toHaveValue(shown('100 000 000 €'));
  await expect(it).toHaveValue(shown('1 700 000 €'));
  await expect(cyber).toHaveValue(shown('119 000 €'));
  await expect(page.getByLabel('Effectif informatique (ETP)')).toHaveValue('12,5');
  await expect(itShare).toHaveText(shown('1,7 %'));

  // The targets are settings, with where they come from: the 2023–2027 roadmap as the press reported it, and ANSSI.
  await expect(page.getByText(/objectif de la feuille de route du numérique en santé 2023–2027/)).toBeVisible();
  const target = page.getByLabel('Cible de part du numérique (en %)');
  await target.fill('3');
  await expect(itGap).toContainText(shown('1 300 000 €'));
  await target.fill('2');
  await expect(itGap).toContainText(shown('300 000 €'));

  // Offline, the data is still there (IndexedDB, service worker).
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(it).toHaveValue(shown('1 700 000 €'));
  await expect(itShare).toHaveText(shown('1,7 %'));
  await context.setOffline(false);
});

test('budget: a second year draws the trend; a medico-social establishment is told no target is defined', async ({
  page,
}) => {
  await createEstablishment(page, 'EHPAD Les Tilleuls', '010003820', 'ehpad');
  await page.getByRole('link', { name: 'Budget et ratios' }).click();
  await expect(page.getByTestId('medico-social-notice')).toContainText(
    'Aucune cible propre au secteur médico-social n’a été trouvée',
  );

  const newYear = page.getByLabel('Nouvelle année');
  await newYear.fill('2024');
  await page.getByRole('button', { name: 'Ajouter l’année' }).click();
  await expect(page.getByRole('heading', { name: 'Chiffres de l’année 2024' })).toBeVisible();
  await page.getByLabel('Total des charges d’exploitation').fill('5 000 000');
  await page.getByLabel('Charges d’exploitation du système d’information (SI)').fill('50 000');
  await expect(page.getByTestId('ratio-itShareOfOperating')).toHaveText(shown('1 %'));
  await expect(page.locator('[data-ratio="itShareOfOperating"]')).toContainText(
    shown(
      'Cible : 2 % (la même que pour les établissements de santé : aucune cible propre au médico-social n’a été trouvée)',
    ),
  );
  await expect(saved(page)).toBeVisible();

  await newYear.fill('2025');
  await page.getByRole('button', { name: 'Ajouter l’année' }).click();
  await expect(page.getByRole('heading', { name: 'Chiffres de l’année 2025' })).toBeVisible();
  await page.getByLabel('Total des charges d’exploitation').fill('5 200 000');
  await page.getByLabel('Charges d’exploitation du système d’information (SI)').fill('78 000');
  await expect(page.getByTestId('ratio-itShareOfOperating')).toHaveText(shown('1,5 %'));

  const chart = page.getByRole('img', { name: /Part du numérique et part de la cybersécurité, de 2024 à 2025/ });
  await expect(chart).toBeVisible();
  const table = page.getByRole('table', { name: 'Ratios par année' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const row2025 = table.getByRole('row').nth(2);
  await expect(row2025.getByRole('rowheader')).toHaveText('2025');
  await expect(row2025.getByRole('cell').first()).toHaveText(shown('1,5 %'));
  await expect(row2025.getByRole('cell').nth(2)).toHaveText(shown('26 000 €'));
  await expectAccessible(page);

  await page.getByLabel('Année des chiffres').selectOption('2024');
  await expect(page.getByLabel('Charges d’exploitation du système d’information (SI)')).toHaveValue(shown('50 000 €'));

  // The same screen in English, amounts formatted for en-GB.
  await page.getByRole('button', { name: 'English version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Budget and ratios — EHPAD Les Tilleuls' })).toBeVisible();
  await expect(page.getByLabel('Information system (IT) operating charges')).toHaveValue('€50,000');
  await expect(page.getByTestId('medico-social-notice')).toContainText(
    'No target specific to the medico-social sector was found',
  );
  await expectAccessible(page);
});
