import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures';
import { loadDemo } from './helpers';

/**
 * From the demonstration data to the results, a gap turned into an action, the action marked done, and the
 * answer it came from opened for updating; then the director summary, which prints on one A4 page.
 */
test('demo data → results → gap → action → done → answer; summary on one A4 page', async ({ page }) => {
  // Seven screens, each checked with axe: the journey needs more than the default minute on a busy machine.
  test.slow();
  await loadDemo(page);

  // Results of the CHU's 2026 CaRE campaign, from its establishment page.
  await page.getByRole('link', { name: 'Établissements' }).click();
  await page.getByRole('link', { name: 'CHU de Val-de-Loire' }).click();
  await page.getByRole('link', { name: /^Résultats de Programme CaRE.* 2026$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Résultats/ })).toBeVisible();
  await expect(page.getByTestId('overall-score')).toHaveText(/^\d{1,3}\s%$/);
  await expect(page.getByRole('img', { name: /^Score par domaine/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Score par domaine/ })).toContainText('Gouvernance et pilotage');
  // The CHU has a 2025 campaign: the change is shown.
  await expect(page.getByText(/depuis 2025$/)).toBeVisible();
  const deadlines = page.getByRole('table', { name: 'Échéances du programme et leur état' });
  await expect(deadlines).toContainText('Exercice de crise cyber annuel');
  // The CaRE domain 2 date opened the declaration window: never « Échéance dépassée » nor « il y a … jours ».
  const d2 = deadlines.getByRole('row').filter({ hasText: 'CaRE domaine 2 : déclaration d’atteinte des objectifs' });
  await expect(d2).toContainText('Guichet ouvert depuis le 16 janvier 2026');
  await expect(d2).not.toContainText('Échéance dépassée');
  await expect(d2).not.toContainText(/il y a \d/);
  // The RIE commitment is yearly: it says when it is due again.
  const commitment = deadlines.getByRole('row').filter({ hasText: 'Engagement de sécurisation' });
  await expect(commitment).toContainText(/Chaque année.*prochaine échéance le 31 mai 2027/);
  await expectAccessible(page);

  // The gaps, ranked, with a search; a gap without an action becomes one.
  await page.getByRole('link', { name: /^Écarts \(\d+\)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Écarts à combler/ })).toBeVisible();
  const firstGap = page
    .getByRole('list')
    .filter({ has: page.getByRole('article') })
    .getByRole('article')
    .first();
  await expect(firstGap).toContainText('Critique');
  await expect(firstGap).toContainText('Preuve qui fermerait l’écart');
  await expectAccessible(page);
  await page.getByLabel('Rechercher').fill('sauvegarde');
  await expect(page.getByRole('status').filter({ hasText: /affichés? sur/ })).not.toHaveText(/^0 /);
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();

  const create = page.getByRole('link', { name: /^Créer une action ?— / }).first();
  const itemId = ((await create.getAttribute('href')) ?? '').match(/item=([^&]+)/)?.[1] ?? '';
  expect(itemId).toMatch(/^care\./);
  await create.click();

  const form = page.getByRole('region', { name: 'Nouvelle action' });
  await expect(form).toContainText(`Pour combler l’écart ${itemId}`);
  await expect(form.getByRole('heading', { name: 'Nouvelle action' })).toBeFocused();
  await expectAccessible(page);
  await form.getByLabel('Intitulé de l’action').fill('Action de démonstration de bout en bout');
  await form.getByLabel(/^Responsable/).fill('RSSI du GHT');
  await form.getByLabel(/^Coût estimé/).fill('12 500');
  await form.getByRole('button', { name: 'Créer l’action' }).click();
  const row = page.getByRole('row', { name: /Action de démonstration de bout en bout/ });
  await expect(row).toContainText(/12\s500\s€/);
  await expect(page.getByText(/Le plan en représente \d+\s%/)).toBeVisible();
  // The demo plan has an action past its due date: it stands out in words.
  await expect(page.getByRole('row').filter({ hasText: 'En retard' }).first()).toBeVisible();
  await expectAccessible(page);

  // Done, from the keyboard-usable status select; the plan invites updating the answer.
  await row.getByRole('combobox').selectOption('done');
  const invite = page.getByRole('link', { name: 'Mettre à jour la réponse' });
  await expect(invite).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `question ${itemId}` })).toBeVisible();

  // The board shows the action in its column.
  await page.getByRole('radio', { name: 'Tableau par état' }).check();
  const doneColumn = page.getByRole('region', { name: /^Terminée \(\d+\)$/ });
  await expect(doneColumn).toContainText('Action de démonstration de bout en bout');
  await expectAccessible(page);

  await invite.click();
  await expect(page).toHaveURL(new RegExp(`item=${itemId.replace(/\./g, '\\.')}`));
  const card = page.locator(`article[data-item-id="${itemId}"]`);
  await expect(card).toBeVisible();
  await expect(card.locator('input').first()).toBeFocused();

  // The director summary: three figures, five first actions, next deadlines, on one A4 page.
  await page.goto(page.url().replace(/\/assessments\/([^/]+)\/.*$/, '/assessments/$1/summary'));
  await expect(page.getByRole('heading', { level: 1, name: /^Résumé pour la direction/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Les trois chiffres clés' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Les cinq premières actions' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Les cinq premières actions' }).getByRole('row')).toHaveCount(6);
  await expect(page.getByRole('heading', { name: 'Les prochaines échéances' })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // The questions for the IT provider.
  await page.getByRole('link', { name: /^Questions pour le prestataire/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Questions pour votre prestataire/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
  await expectAccessible(page);
});

test('a medico-social director reads the summary, in French then in English, and offline', async ({
  page,
  context,
}) => {
  await loadDemo(page);
  await page.getByRole('link', { name: 'Établissements' }).click();
  await page.getByRole('link', { name: 'IME Les Tournesols' }).click();
  await page
    .getByRole('link', { name: /^Résultats de / })
    .first()
    .click();
  await page.getByRole('link', { name: 'Résumé pour la direction' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Résumé pour la direction/ })).toBeVisible();
  const figures = page.getByRole('heading', { name: 'Les trois chiffres clés' }).locator('xpath=..');
  await expect(figures.getByRole('listitem')).toHaveCount(3);
  // The demo IME has no inventory of applications yet: the figure says so and links to where it is entered.
  await expect(figures.getByRole('link', { name: 'Recenser les applications sensibles' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Summary for the director/ })).toBeVisible();
  await expectAccessible(page);

  // The results screens are precached: they open with no network.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Summary for the director/ })).toBeVisible();
  await page.getByRole('link', { name: /^Gaps \(\d+\)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Gaps to close/ })).toBeVisible();
  await context.setOffline(false);
});
