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
