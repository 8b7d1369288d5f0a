import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { generateExportFiles, loadDemo } from './helpers';

/**
 * Every screen on a 390 × 844 phone (issue 16, design §8): with the demonstration data loaded, no page scrolls
 * sideways (a wide table scrolls inside its own labelled region) and axe finds no violation; the same screens at
 * 1366 px do not scroll sideways either. Then the assessment's domain list folds away on the phone, choosing a
 * domain moves the focus to its heading, the radar's labels stay at 11 px or more, and the page heading shows its
 * focus ring only when the keyboard brought the focus there.
 */

/** Every route of src/app/routes.tsx, on the demo data's records. */
const routes = [
  '/',
  '/establishments/new',
  '/establishments/demo-chu',
  '/establishments/demo-ehpad/edit',
  '/assessments/demo-chu-care-2026',
  '/assessments/demo-ehpad-esms-2026/continuity-recovery',
  '/assessments/demo-chu-care-2026/results',
  '/assessments/demo-chu-care-2026/results/gaps',
  '/assessments/demo-chu-hc-2026/results/questions',
  '/assessments/demo-chu-care-2026/summary',
  '/establishments/demo-chu/budget/2026',
  '/establishments/demo-chu/applications',
  '/establishments/demo-chu/actions',
  '/assessments/demo-chu-care-2026/export',
  '/assessments/demo-chu-care-2026/report',
  '/questionnaires',
  '/auditor',
  '/settings',
  '/no-such-page',
];

const phone = { width: 390, height: 844 };

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The elements that stick out of the viewport outside any scroll region: what to fix when the width check fails. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
}

async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  expect(
    await pageWidth(page),
    `${page.url()} is wider than ${width} px: ${(await overflowing(page)).join(', ')}`,
  ).toBeLessThanOrEqual(width);
}

test('every screen fits a 390-px phone, with no axe violation', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(phone);
  await loadDemo(page);
  for (const route of routes) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Chargement/ })).toHaveCount(0);
    await expectNoSidewaysScroll(page, phone.width);
    await expectAccessible(page);
  }

  // The auditor's dashboard, with a campaign imported: the heat map and the tables scroll inside their regions.
  const files = generateExportFiles(test.info().outputPath('exports'), 30);
  await page.goto('/auditor');
  await page.getByLabel('Choisir des fichiers').setInputFiles(files.map((f) => f.path));
  await expect(page.getByRole('table', { name: 'Résultat par fichier' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('table', { name: /Score de chaque établissement par domaine/ })).toBeVisible();
  await expectNoSidewaysScroll(page, phone.width);
  await expectAccessible(page);
});

test('the same screens do not scroll sideways at 1366 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await loadDemo(page);
  for (const route of routes) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, 1366);
  }
});

test('on a phone the domain list folds away, and choosing a domain takes the focus to its heading', async ({
  page,
}) => {
  await page.setViewportSize(phone);
  await loadDemo(page);
  await page.goto('/assessments/demo-chu-care-2026');
  const toggle = page.getByRole('button', { name: /^Domaines du questionnaire/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('Domaine 1 sur 9');
  const menu = page.getByRole('navigation', { name: 'Domaines du questionnaire' });
  await expect(menu.getByRole('link')).toHaveCount(0);
  // The first question is on the first screen, not below the domain links.
  const firstQuestion = page.locator('article[data-item-id]').first();
  await expect(firstQuestion).toBeVisible();
  // The demo assessment was begun on 2026.1: the offer to move it to 2026.2 comes first, then the first question.
  const versionOffer = page.locator('.version-move');
  const offerHeight = (await versionOffer.count()) > 0 ? ((await versionOffer.boundingBox())?.height ?? 0) : 0;
  expect((await firstQuestion.boundingBox())?.y ?? Infinity).toBeLessThan(phone.height + offerHeight);

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const crisis = menu.getByRole('link', { name: /^Gestion de crise/ });
  await crisis.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/assessments\/demo-chu-care-2026\/[a-z-]+$/);
  const heading = page.getByRole('heading', { level: 2, name: /^Gestion de crise/ });
  await expect(heading).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('Domaine 2 sur 9');
  await expectAccessible(page);

  // On a desktop the list is always there, and Enter on a link moves the focus the same way.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByRole('button', { name: /^Domaines du questionnaire/ })).toHaveCount(0);
  await menu.getByRole('link', { name: /^Incidents/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Incidents/ })).toBeFocused();
});

test('the radar’s labels stay at 11 px or more on a phone', async ({ page }) => {
  await page.setViewportSize(phone);
  await loadDemo(page);
  await page.goto('/assessments/demo-chu-care-2026/results');
  const chart = page.getByRole('img', { name: /^Score par domaine/ });
  await expect(chart).toBeVisible();
  const sizes = await chart.evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    return [...svg.querySelectorAll('.radar__label')].map(
      (label) => parseFloat(getComputedStyle(label).fontSize) * scale,
    );
  });
  expect(sizes).toHaveLength(9);
  for (const size of sizes) expect(size).toBeGreaterThanOrEqual(11);
});

test('the page heading’s focus ring shows after keyboard navigation only', async ({ page }) => {
  await loadDemo(page);
  const ringShown = () =>
    page.evaluate(() => {
      const h1 = document.querySelector('h1');
      return { focused: document.activeElement === h1, visible: h1?.matches(':focus-visible') ?? false };
    });

  // A full load leaves the focus at the top of the document: no ring around the heading.
  await page.goto('/establishments/demo-chu');
  await expect(page.getByRole('heading', { level: 1, name: 'CHU de Val-de-Loire' })).toBeVisible();
  expect(await ringShown()).toEqual({ focused: false, visible: false });

  // A click on a link: the new page's heading has the focus, without the ring.
  await page.getByRole('link', { name: /^Ouvrir l’évaluation Programme CaRE.* — 2026$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Programme CaRE/ })).toBeFocused();
  expect(await ringShown()).toEqual({ focused: true, visible: false });

  // The keyboard: Enter on a link, and the heading shows its ring.
  await page.getByRole('link', { name: 'CHU de Val-de-Loire' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'CHU de Val-de-Loire' })).toBeFocused();
  expect(await ringShown()).toEqual({ focused: true, visible: true });

  // The assessment's title link: its accessible name contains its visible text (WCAG 2.5.3).
  const titleLink = page.locator('.card__title').filter({ hasText: /2026$/ }).first();
  const visible = (await titleLink.innerText()).trim();
  await expect(titleLink).toHaveAccessibleName(new RegExp(visible.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});
