import { expect, expectAccessible, test } from './fixtures';
import { createEstablishment, saved } from './helpers';

test('starting an assessment that already exists opens it, and the header follows the writes of that screen', async ({
  page,
}) => {
  await createEstablishment(page, 'Centre hospitalier de Montargis-sur-Loing', '450000278');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.locator('.assessment')).toBeVisible();
  const assessmentUrl = page.url();
  await page.getByRole('link', { name: 'Centre hospitalier de Montargis-sur-Loing' }).click();

  // The same questionnaire and year again: the existing assessment opens, no « Non enregistré » anywhere.
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page).toHaveURL(assessmentUrl);
  await expect(page.locator('[data-save-state="failed"]')).toHaveCount(0);

  await page.locator('article[data-item-id] input[value="yes"]').first().check();
  await expect(saved(page)).toBeVisible();
  await expect(page.getByText(/Non enregistré/)).toHaveCount(0);
  await expectAccessible(page);
});

test('an EHPAD director, from an empty browser to the printed one-page summary, with only the default choices', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Créer un premier établissement' }).click();
  // The category comes first, none is preselected, and an EHPAD is asked nothing about a GHT.
  const category = page.getByLabel('Catégorie');
  await expect(category).toHaveValue('');
  await category.selectOption('ehpad');
  await expect(page.getByLabel('Groupement hospitalier de territoire (GHT)')).toHaveCount(0);
  await page.getByLabel('Nom de l’établissement').fill('EHPAD Les Glycines');
  await page.getByLabel('Numéro FINESS juridique (EJ)').fill('450000278');
  await page.getByLabel('Lits et places').fill('84');
  await page.getByRole('button', { name: 'Créer l’établissement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'EHPAD Les Glycines' })).toBeVisible();

  // The profile chooses the ESMS path; HospiConnect waits under « autres questionnaires ».
  await expect(page.locator('.start-form__questionnaire')).toContainText('Parcours médico-social');
  await expect(page.getByLabel('Questionnaire', { exact: true })).toBeHidden();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.locator('article[data-item-id^="esms."]').first()).toBeVisible();

  // Every question of every domain, then « Domaine suivant » down to the results.
  for (let domain = 0; domain < 20; domain += 1) {
    const cards = page.locator('article[data-item-id]');
    for (let i = 0; i < (await cards.count()); i += 1) {
      const card = cards.nth(i);
      const date = card.locator('input[type=date]');
      if ((await date.count()) > 0) await date.fill(new Date().toISOString().slice(0, 10));
      else if (i % 3 === 0 && (await card.locator('input[value="no"]').count()) > 0)
        await card.locator('input[value="no"]').check(); // some gaps, for the summary's first actions
      else await card.locator('input[type=radio]').first().check();
    }
    await expect(saved(page)).toBeVisible();
    const next = page.getByRole('link', { name: /^Domaine suivant/ });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page.locator('#domain-title')).toBeFocused();
  }
  // Every question of the ESMS path (2026.2) answered.
  await expect(page.getByText(/\b(\d+) sur \1 questions répondues/)).toBeVisible();
  await page.getByRole('link', { name: 'Dernier domaine : voir les résultats' }).click();

  // Results: the RIE dates of HospiConnect, never started, are « non évalué » and not shown as passed.
  await expect(page.locator('.deadlines')).toBeVisible();
  const notEvaluated = page.locator('tr', { has: page.locator('.status-tag--not-evaluated') });
  await expect(notEvaluated).toHaveCount(3);
  await expect(notEvaluated.locator('.status-tag')).toHaveText(['Non évalué', 'Non évalué', 'Non évalué']);
  await expect(notEvaluated.getByText('Échéance dépassée')).toHaveCount(0);
  await expect(notEvaluated.locator('.deadline--late')).toHaveCount(0);

  await page.getByRole('link', { name: 'Résumé pour la direction' }).click();
  const summary = page.locator('.summary');
  await expect(summary.getByText(/Score Parcours médico-social/)).toBeVisible();
  // The first actions are things to do, never the questions.
  const actions = summary.locator('.summary__action-title');
  await expect(actions.first()).toBeVisible();
  for (const text of await actions.allTextContents()) expect(text).not.toContain('?');
  await expectAccessible(page);

  // Printed: one A4 page.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});
