// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createReportTranslator } from '../report-translator';
import { nodeFontLoader } from './fonts-node';
import { Layout } from './layout';
import { pdfPages, wordBoxes, writeTempPdf } from '../../testing/report/pdf/pdf-test-tools';

/**
 * The page-break rules of every report PDF, on a page filled on purpose to its foot: a heading goes to the next page
 * with the first rows of its table, a table never leaves its header alone at the foot of a page, a short table stays
 * whole, and a header word too long for its column is set smaller rather than cut.
 */

async function layout(): Promise<Layout> {
  return new Layout(createReportTranslator('fr'), 'fr', await nodeFontLoader());
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Ligne ${i + 1}`, String(i)]);

function pagesOf(l: Layout): string[] {
  return pdfPages(writeTempPdf(l.output().bytes));
}

describe('Layout page breaks', () => {
  it('takes a heading at the foot of a page to the next page, with its table', async () => {
    const l = await layout();
    l.y = l.bottom - 22;
    l.heading('Titre en bas de page', 2);
    l.table({ head: ['Colonne A', 'Colonne B'], body: rows(40), widths: [120, 54] });
    const pages = pagesOf(l);
    expect(pages[0]).not.toContain('Titre en bas de page');
    expect(pages[1]).toMatch(/Titre en bas de page\s+Colonne A Colonne B\s+Ligne 1 0\s+Ligne 2 1/);
  });

  it('keeps a heading and its intro with the first rows, whatever comes between', async () => {
    const l = await layout();
    l.y = l.bottom - 30;
    l.heading('Section', 1);
    l.paragraph('Une introduction de deux lignes au plus.', { keepWithNext: true });
    l.heading('Sous-section', 2);
    l.table({ head: ['Colonne A', 'Colonne B'], body: rows(40), widths: [120, 54] });
    const pages = pagesOf(l);
    expect(pages[0]).not.toMatch(/Section|introduction|Colonne/);
    expect(pages[1]).toMatch(/^Section\s+Une introduction[^]*Sous-section\s+Colonne A Colonne B\s+Ligne 1 0/);
  });

  it('never leaves a table’s header alone at the foot of a page', async () => {
    const l = await layout();
    l.y = l.bottom - 20;
    // Rows of five lines: the header fits at the foot of the page, its first row does not.
    const tall = rows(10).map(([a = '', b = '']) => [`${a}\nsuite\nsuite\nsuite\nfin`, b]);
    l.table({ head: ['Colonne A', 'Colonne B'], body: tall, widths: [120, 54] });
    const pages = pagesOf(l);
    expect(pages[0]).not.toContain('Colonne A');
    expect(pages[1]).toMatch(/^Colonne A Colonne B\s+Ligne 1/);
  });

  it('moves a short table whole rather than leave its last row alone on the next page', async () => {
    const l = await layout();
    l.y = l.bottom - 22;
    l.table({ head: ['Colonne A', 'Colonne B'], body: rows(4), widths: [120, 54] });
    const pages = pagesOf(l);
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Ligne');
    expect(pages[1]).toMatch(/Ligne 1 0\s+Ligne 2 1\s+Ligne 3 2\s+Ligne 4 3/);
  });

  it('sets a header word too long for its column smaller instead of cutting it', async () => {
    const l = await layout();
    l.table({
      head: ['Domaine', 'Non applicables', '« Je ne sais pas »'],
      body: [['Gouvernance', '0', '1']],
      widths: [142, 16, 16],
    });
    const { words } = wordBoxes(writeTempPdf(l.output().bytes));
    const texts = words.map((w) => w.text);
    expect(texts).toContain('applicables');
    expect(texts).not.toContain('appli');
    expect(texts).not.toContain('cables');
  });
});
