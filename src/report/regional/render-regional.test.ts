// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildSubmission, finessOf, withScores } from '../../testing/domain/consolidation/builders';
import { consolidate } from '../../domain/consolidation/consolidate';
import type { EstablishmentCategory } from '../../domain/establishment/establishment';
import { formatNumber } from '../../texts/format';
import { nodeFontLoader } from '../pdf/fonts-node';
import { pagePixels, pdfPages, squeeze, wordBoxes, writeTempPdf } from '../../testing/report/pdf/pdf-test-tools';
import { renderBenchmarkPdf } from './render-benchmark';
import { HEAT_COLORS, renderRegionalPdf } from './render-regional';

/**
 * The auditor's PDFs read back with pdftotext, as the gap-analysis report is (src/report/pdf/render-report.test.ts):
 * the regional report must list every establishment in its heat map and number its pages; the benchmark report must
 * name its establishment, print its category's median and name no other establishment.
 */

const establishments: { body: string; name: string; category: EstablishmentCategory; scores: number[] }[] = [
  { body: '45000001', name: 'Centre hospitalier de Montargis', category: 'ch', scores: [52, 40, 64] },
  { body: '45000002', name: 'Centre hospitalier de Gien', category: 'ch', scores: [61, 55, 70] },
  { body: '45000003', name: 'Centre hospitalier de Pithiviers', category: 'ch', scores: [38, 30, 47] },
  { body: '45000004', name: 'Centre hospitalier d’Amilly', category: 'ch', scores: [70, 66, 75] },
  { body: '45000005', name: 'CHU de Val-de-Loire', category: 'chu', scores: [58, 50, 62] },
  { body: '45000006', name: 'Clinique des Tilleuls', category: 'clinic', scores: [44, 35, 51] },
];

const consolidation = consolidate(
  establishments.map((e, i) => {
    const finessEj = finessOf(e.body);
    const base = buildSubmission({
      establishment: { finessEj, name: e.name, category: e.category },
      content: {
        criticalGaps: i % 2 === 0 ? ['GOV-01', 'INC-03'] : ['GOV-01'],
        budget: { year: 2025, ratios: { itShareOfOperating: 0.02 + i / 1000, cyberShareOfIt: 0.07 } },
        mfa: { sensitiveCount: 4, compliantCount: i % 4, users: 100, usersWithTwoFactors: 10 * i },
      },
    });
    const [overall, ...domains] = e.scores;
    return withScores(base, overall, domains);
  }),
);

const questions: Record<string, string> = { 'GOV-01': 'Une politique de sécurité est-elle adoptée\u00a0?' };

function read(bytes: Uint8Array) {
  return pdfPages(writeTempPdf(bytes));
}

describe('the regional PDF', () => {
  it('prints every establishment’s FINESS in the heat map and numbers its pages', async () => {
    const expected = [
      ...establishments.map((e) => ({ finess: finessOf(e.body), name: e.name })),
      { finess: finessOf('01000009'), name: 'Hôpital de Bourg', department: '01' },
    ];
    const { bytes, pageCount } = renderRegionalPdf(consolidation, {
      fonts: await nodeFontLoader(),
      region: 'Centre-Val de Loire',
      asOf: '2026-11-23',
      expected,
      question: (id) => questions[id],
    });
    const pages = read(bytes);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} / ${pageCount}`));
    expect(pages[0]).toContain('page 1 / ');
    const text = squeeze(pages.join('\n'));
    const heatMap = text.slice(text.indexOf(squeeze('Carte de chaleur des scores')));
    for (const e of establishments) {
      expect(heatMap, e.name).toContain(finessOf(e.body));
      expect(heatMap, e.name).toContain(squeeze(e.name));
    }
    expect(text).toContain('Centre-ValdeLoire');
    expect(text).toContain(squeeze('Médianes et quartiles par domaine'));
    // The missing expected establishment, the question text of a frequent critical gap, the ratio of sums.
    expect(text).toContain(finessOf('01000009'));
    expect(text).toContain(squeeze('Hôpital de Bourg'));
    expect(text).toContain(squeeze(questions['GOV-01'] ?? ''));
    expect(text).toContain('INC-03');
  });

  it('colours each heat-map score by the screen’s bands, prints the number on it, and names the domains', async () => {
    const { bytes } = renderRegionalPdf(consolidation, {
      fonts: await nodeFontLoader(),
      asOf: '2026-11-23',
      domainTitle: (_, id) => `Domaine complet ${id}`,
      domainShortTitle: (_, id) => `Court ${id}`,
    });
    const file = writeTempPdf(bytes);
    const text = squeeze(pdfPages(file).join('\n'));
    // The legend names each coded domain, with its short label and its full title, and says what the colours mean.
    expect(text).toContain(squeeze('D1 Court d1 Domaine complet d1'));
    expect(text).toContain(squeeze('Couleurs des scores (le nombre est toujours imprimé)'));
    expect(text).toContain(squeeze('moins de 20 20 à 39 40 à 59 60 à 79 80 et plus'));
    // Centre hospitalier de Gien: 61 overall (60–79), 55 (40–59), 70 (60–79). The pixel just left of each number,
    // inside its cell, is its band's colour.
    const { words } = wordBoxes(file);
    const finess = words.find((w) => w.text === finessOf('45000002') && w.xMin < 80);
    expect(finess).toBeDefined();
    if (!finess) return;
    const row = words.filter((w) => w.page === finess.page && Math.abs(w.yMin - finess.yMin) < 1);
    const image = pagePixels(file, finess.page);
    const colourBefore = (value: string) => {
      const word = row.find((w) => w.text === value);
      expect(word, value).toBeDefined();
      return image.at((word?.xMin ?? 0) - 2, ((word?.yMin ?? 0) + (word?.yMax ?? 0)) / 2);
    };
    // Within a few levels: the rasteriser rounds the colour.
    const near = (actual: number[], expected: readonly number[]) =>
      actual.every((channel, i) => Math.abs(channel - (expected[i] ?? 0)) <= 3);
    expect(near(colourBefore('61'), HEAT_COLORS.good)).toBe(true);
    expect(near(colourBefore('55'), HEAT_COLORS.medium)).toBe(true);
    expect(near(colourBefore('70'), HEAT_COLORS.good)).toBe(true);
    expect(near(colourBefore('61'), HEAT_COLORS.medium)).toBe(false);
  });

  it('can be printed in English', async () => {
    const { bytes } = renderRegionalPdf(consolidation, { fonts: await nodeFontLoader(), language: 'en' });
    const text = squeeze(read(bytes).join('\n'));
    expect(text).toContain(squeeze('Heat map of the scores'));
    expect(text).toContain(squeeze('Regional summary of the self-assessment'));
  });
});

describe('the benchmark PDF', () => {
  it('names its establishment, shows its category median, and names no other establishment', async () => {
    const target = establishments[0];
    if (!target) throw new Error('no establishment');
    const { bytes, pageCount } = renderBenchmarkPdf(consolidation, finessOf(target.body), {
      fonts: await nodeFontLoader(),
      asOf: '2026-11-23',
    });
    const pages = read(bytes);
    pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} / ${pageCount}`));
    const text = squeeze(pages.join('\n'));
    expect(text).toContain(squeeze(target.name));
    expect(text).toContain(finessOf(target.body));
    // The four CH: overall scores 38, 52, 61, 70 → median 56,5.
    expect(text).toContain(squeeze(`Médiane de la catégorie`));
    expect(text).toContain(squeeze(formatNumber(56.5, 'fr', 1)));
    for (const other of establishments.filter((e) => e !== target)) {
      expect(text, other.name).not.toContain(squeeze(other.name));
      expect(text, other.name).not.toContain(finessOf(other.body));
    }
  });

  it('does not print the figures of a category smaller than three', async () => {
    const { bytes } = renderBenchmarkPdf(consolidation, finessOf('45000006'), { fonts: await nodeFontLoader() });
    const text = squeeze(read(bytes).join('\n'));
    expect(text).toContain(squeeze('Clinique des Tilleuls'));
    expect(text).toContain(squeeze('groupe trop petit'));
  });

  it('refuses a FINESS that is not in the consolidation', async () => {
    const fonts = await nodeFontLoader();
    expect(() => renderBenchmarkPdf(consolidation, finessOf('99000001'), { fonts })).toThrow(/FINESS/);
  });
});

describe('a declared, spoofing establishment in the auditor’s PDFs (issue 14)', () => {
  const spoofName = 'CH de \u202eenruoB\u202c';
  const spoofed = consolidate([
    ...establishments
      .slice(0, 3)
      .map((e) =>
        withScores(buildSubmission({ establishment: { finessEj: finessOf(e.body), name: e.name } }), 50, [50, 50]),
      ),
    withScores(
      buildSubmission({
        sharingLevel: 'statistics',
        establishment: { finessEj: finessOf('45000009'), name: spoofName },
      }),
      90,
      [90, 90],
    ),
  ]);

  it('the regional PDF marks the declared figures and prints the name’s controls as code points', async () => {
    const text = squeeze(read(renderRegionalPdf(spoofed, { fonts: await nodeFontLoader() }).bytes).join('\n'));
    expect(text).toContain(squeeze('CH de ‹U+202E›enruoB‹U+202C› (déclaré)'));
    expect(text).toContain(squeeze('1 établissement marqué «\u00a0déclaré\u00a0»'));
  });

  it('the benchmark PDF says its own figures are declared', async () => {
    const { bytes } = renderBenchmarkPdf(spoofed, finessOf('45000009'), { fonts: await nodeFontLoader() });
    const text = squeeze(read(bytes).join('\n'));
    expect(text).toContain(squeeze('CH de ‹U+202E›enruoB‹U+202C›'));
    expect(text).toContain(squeeze('Chiffres déclarés'));
    expect(text).toMatch(/90%?\(déclaré\)/);
  });
});
