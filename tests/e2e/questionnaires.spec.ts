import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';

const care = JSON.parse(readFileSync('questionnaires/care/2026.1.json', 'utf8')) as {
  items: { domain: string; basis: { kind: string } }[];
  domains: { id: string; title: { fr: string } }[];
};

test('the questionnaires screen lists each questionnaire with its version, counts per domain and sources', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Questionnaires' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
  const sections = page.locator('section.questionnaire-summary');
  await expect(sections).toHaveCount(3);

  const careSection = sections.filter({ hasText: 'Programme CaRE' });
  await expect(careSection).toContainText('Version 2026.1');
  await expect(careSection).toContainText(`${care.items.length} questions`);
  const official = care.items.filter((i) => i.basis.kind === 'official').length;
  await expect(careSection).toContainText(`${official} objectifs officiels`);
  const continuity = care.domains.find((d) => d.id === 'continuity-recovery')!;
  const row = careSection.getByRole('row', { name: new RegExp(continuity.title.fr.slice(0, 20)) });
  await expect(row).toContainText(String(care.items.filter((i) => i.domain === 'continuity-recovery').length));
  await expect(careSection.getByRole('heading', { name: 'Sources' })).toBeVisible();
  await expect(careSection).toContainText('Arrêté du 3 juillet 2025');
  await expectAccessible(page);
});

test('an item resting on an unconfirmed fact shows the flag beside the question', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/données de démonstration ont été chargées/)).toBeVisible();
  await page.goto('/');
  await page.getByRole('link', { name: 'CHU de Val-de-Loire' }).click();
  await page.getByRole('link', { name: /Ouvrir l’évaluation Programme CaRE.*2026/ }).click();
  await page.getByRole('link', { name: /^Postes de travail/ }).click();
  const flagged = page.locator('article').filter({ has: page.locator('.badge--unconfirmed') });
  await expect(flagged.first()).toBeVisible();
  await expect(flagged.first().locator('.badge--unconfirmed')).toHaveText('Fait non confirmé');
  await expectAccessible(page);
});
