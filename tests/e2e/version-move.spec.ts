import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { loadDemo } from './helpers';

/**
 * An assessment begun on 2026.1 (the demo EHPAD's) moves to 2026.2 (issue 15): the answers to unchanged questions
 * stay as they were, those to reworded questions stay marked « À revoir », the new question is there to answer,
 * and the EHPAD reads « résidents » where the path says « personnes accompagnées ».
 */
const shots = process.env.SCREENSHOT_DIR;

test('an assessment begun on 2026.1 moves to 2026.2 and keeps every answer of an unchanged question', async ({
  page,
}) => {
  await loadDemo(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'EHPAD Les Glycines' }).click();
  await page.getByRole('link', { name: /Ouvrir l’évaluation Parcours médico-social.*2026/ }).click();
  const offer = page.getByRole('region', { name: 'Version 2026.2 du questionnaire disponible' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('commencée sur la version 2026.1');
  const unchanged = page.locator('article[data-item-id="esms.gov.03"]');
  await expect(unchanged.locator('input[type=radio][value=yes]')).toBeChecked();
  await expectAccessible(page);

  await offer.getByRole('button', { name: 'Passer à la version 2026.2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Évaluation passée à la version 2026.2' })).toContainText(
    'telles quelles\u00a0: 9\u202f; à revoir\u00a0: 6',
  );
  await expect(offer).toHaveCount(0);

  await expect(unchanged.locator('.badge--change-unchanged')).toHaveText('Inchangée depuis la version 2026.1');
  await expect(unchanged.locator('input[type=radio][value=yes]')).toBeChecked();
  await expect(unchanged.locator('.badge--review')).toHaveCount(0);
  const reworded = page.locator('article[data-item-id="esms.gov.01"]');
  await expect(reworded.locator('.badge--change-changed')).toHaveText('Modifiée depuis la version 2026.1');
  await expect(reworded.locator('.badge--review')).toHaveText('À revoir');
  await expect(reworded.locator('input[type=radio][value=yes]')).toBeChecked();
  await expectAccessible(page);

  // The new 2027 two-factor question, and the EHPAD's own word for the people it serves.
  await page.getByRole('link', { name: /^Authentification des professionnels/ }).click();
  const added = page.locator('article[data-item-id="esms.auth.03"]');
  await expect(added.locator('.badge--change-new')).toHaveText('Nouvelle question');
  await expect(added).toContainText('Objectif 2027');
  if (shots) {
    mkdirSync(shots, { recursive: true });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await added.screenshot({ path: join(shots, `new-item-${width}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }
  await page.getByRole('link', { name: /^Sauvegardes et continuité/ }).click();
  await expect(page.locator('article[data-item-id="esms.bak.01"] h3')).toContainText('dossiers des résidents');

  // Opened again, the assessment is on 2026.2 and offers nothing more.
  await page.reload();
  await expect(page.locator('article[data-item-id="esms.bak.01"]')).toBeVisible();
  await expect(page.getByRole('region', { name: /Version 2026\.2 du questionnaire disponible/ })).toHaveCount(0);
});
