import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;
const care = JSON.parse(readFileSync('questionnaires/care/2026.2.json', 'utf8')) as {
  releaseNotes: { fr: string }[];
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
  await expect(careSection).toContainText('Version 2026.2');
  // The frozen 2026.1 stays, for the assessments begun on it.
  await expect(careSection).toContainText(/Version 2026\.1 du .* conservée pour les évaluations commencées dessus/);
  const news = careSection.getByRole('list', { name: 'Nouveautés de la version 2026.2' });
  await expect(news.getByRole('listitem')).toHaveCount(care.releaseNotes.length);
  await expect(news).toContainText(care.releaseNotes[0]!.fr);
  const roadmap = page.getByRole('region', { name: /feuille de route du numérique en santé 2023-2027/ });
  await expect(roadmap).toContainText('4 axes et 65 objectifs');
  await expect(roadmap).toContainText('action 15, dans l’axe 4');
  await expect(careSection).toContainText(`${care.items.length} questions`);
  const official = care.items.filter((i) => i.basis.kind === 'official').length;
  await expect(careSection).toContainText(`${official} objectifs officiels`);
  const continuity = care.domains.find((d) => d.id === 'continuity-recovery')!;
  const row = careSection.getByRole('row', { name: new RegExp(continuity.title.fr.slice(0, 20)) });
  await expect(row).toContainText(String(care.items.filter((i) => i.domain === 'continuity-recovery').length));
  await expect(careSection.getByRole('heading', { name: 'Sources' })).toBeVisible();
  await expect(careSection).toContainText('Arrêté du 3 juillet 2025');
  await expectAccessible(page);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `questionnaires-${width}.png`), fullPage: false });
      await careSection.getByRole('heading', { name: 'Nouveautés de la version 2026.2' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `questionnaires-news-${width}.png`) });
    }
  }
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
