// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildReportModel, type ReportInput } from '../report-model';
import { demoReportInput, loadDemo } from '../../testing/report/report-test-data';
import { nodeFontLoader } from './fonts-node';
import {
  bodyText,
  pdfPages,
  renderPages,
  squeeze,
  wordBoxes,
  writeTempPdf,
} from '../../testing/report/pdf/pdf-test-tools';
import { renderReportPdf } from './render-report';
import { reportSections } from '../report-sections';
import { createReportTranslator } from '../report-translator';
import { sanitizeForPdf } from './sanitize';

/**
 * The PDFs are read back with poppler (pdftotext, pdftoppm), as a reader's viewer would: every item id, every
 * comment, every justification and every piece of evidence of the demo assessments must be found in the text, and
 * every page must say "page n / N". Reports that silently miss content are the first complaint about peer tools
 * (peers.md §3 item 2).
 */

const MM = 72 / 25.4;

async function render(input: ReportInput) {
  const model = buildReportModel(input);
  const { bytes, pageCount } = renderReportPdf(model, await nodeFontLoader());
  const file = writeTempPdf(bytes);
  return { model, bytes, pageCount, file, pages: pdfPages(file) };
}

function furnitureOf(input: ReportInput): RegExp[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    // The footer (establishment, fingerprint, page number) and the header (questionnaire, campaign, draft mark).
    /page \d+ \/ \d+$/,
    new RegExp(`^${escape(input.establishment.name.slice(0, 40))}`),
    new RegExp(
      `^${escape(input.questionnaire.id)} ${escape(input.questionnaire.version)} — (Campagne|Campaign) \\d+( (BROUILLON|DRAFT))?$`,
    ),
    /^(BROUILLON|DRAFT)$/,
  ];
}

function expectInOrder(text: string, tokens: readonly string[]): void {
  let at = 0;
  for (const token of tokens) {
    const found = text.indexOf(token, at);
    expect(found, `« ${token} » after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + token.length;
  }
}

const demo = loadDemo();

describe('the PDF of each demo assessment', () => {
  for (const assessment of demo.assessments) {
    it(`holds every item, comment and piece of evidence of ${assessment.id}, and numbers its pages`, async () => {
      const input = demoReportInput(assessment.id);
      const { model, pageCount, pages, file } = await render(input);
      expect(pages).toHaveLength(pageCount);
      pages.forEach((page, i) => {
        expect(page).toContain(`page ${i + 1} / ${pageCount}`);
        expect(page).toContain(input.establishment.name);
      });

      const text = bodyText(pages, furnitureOf(input));
      const applicable = model.annex.flatMap((g) => g.entries.map((e) => e.itemId));
      expect(applicable.length).toBeGreaterThan(0);
      for (const id of applicable) expect(text, id).toContain(squeeze(id));
      for (const [id, answer] of Object.entries(input.answers ?? {})) {
        expect(text, id).toContain(squeeze(id));
        if (answer.comment?.trim()) expect(text, `comment of ${id}`).toContain(squeeze(sanitizeForPdf(answer.comment)));
        if (answer.response?.kind === 'not-applicable' && answer.response.justification)
          expect(text, `justification of ${id}`).toContain(squeeze(answer.response.justification));
      }
      for (const evidence of input.evidence) {
        expect(text).toContain(squeeze(evidence.name));
        expect(text).toContain(evidence.sha256);
      }
      for (const action of input.actions) expect(text).toContain(squeeze(action.title));

      // The counts the report prints are the counts of the source.
      const comments = Object.values(input.answers ?? {}).filter((a) => a.comment?.trim()).length;
      expect(text).toContain(squeeze(`${comments} commentaire(s)`));
      expect(text).toContain(squeeze(`${input.evidence.length} pièce(s) justificative(s)`));

      // Every page renders to an image.
      expect(renderPages(file)).toHaveLength(pageCount);
    }, 30_000);
  }

  it('prints French numbers with their narrow no-break spaces and euros', async () => {
    const { pages } = await render(demoReportInput('demo-chu-care-2026'));
    const all = pages.join('\n');
    // 1 850 beds: Intl puts U+202F between thousands; Helvetica would have printed "1 /850".
    expect(all).toMatch(/1[\u202f\u00a0 ]850 lits et places/);
    expect(all).toMatch(/\d[\u202f\u00a0 ]\d{3}(,\d+)?[\u00a0\u202f ]€/);
    expect(all).not.toMatch(/\d \/\d{3}/);
    expect(all).toContain('«');
  }, 30_000);

  it('marks an incomplete assessment as a draft on every page, and a complete one nowhere', async () => {
    const draft = await render(demoReportInput('demo-chu-care-2026'));
    expect(draft.model.completeness.complete).toBe(false);
    for (const page of draft.pages) expect(page).toMatch(/(^| )BROUILLON$/m);

    const base = demoReportInput('demo-ime-esms-2026');
    const answers = Object.fromEntries(
      base.questionnaire.items.map((item) => [item.id, { response: { kind: 'unknown' as const }, updatedAt: 0 }]),
    );
    const complete = await render({ ...base, answers });
    expect(complete.model.completeness.complete).toBe(true);
    for (const page of complete.pages) expect(page).not.toMatch(/BROUILLON/);
  }, 30_000);

  it('prints in English', async () => {
    const input = demoReportInput('demo-ehpad-esms-2026', { language: 'en' });
    const { pages, pageCount } = await render(input);
    expect(pages[0]).toContain('Cybersecurity gap-analysis report');
    expect(pages[pageCount - 1]).toContain(`page ${pageCount} / ${pageCount}`);
  }, 30_000);
});

describe('the report’s layout', () => {
  const reports: [string, () => ReportInput][] = [
    ['the demo CHU', () => demoReportInput('demo-chu-care-2026')],
    ['an ESMS', () => demoReportInput('demo-ehpad-esms-2026')],
    [
      'an empty assessment',
      () => ({
        ...demoReportInput('demo-ime-esms-2026'),
        answers: {},
        evidence: [],
        actions: [],
        budgets: [],
        applications: [],
      }),
    ],
  ];

  for (const [name, inputOf] of reports) {
    it(`leaves no heading alone at the foot of a page and no nearly empty page in the report of ${name}`, async () => {
      const input = inputOf();
      const { model, pages } = await render(input);
      const t = createReportTranslator('fr');
      const headings = new Set(
        [
          ...reportSections.map((section) => t(`report.sections.${section.key}`)),
          ...model.annex.map((group) => group.title),
          ...model.providerQuestions.map((group) => group.domainTitle),
          t('report.summary.radarTitle'),
          t('report.fingerprintNote.title'),
        ].map(squeeze),
      );
      const furniture = furnitureOf(input);
      pages.forEach((page, i) => {
        const lines = page.split('\n').filter((line) => line.trim() && !furniture.some((re) => re.test(line)));
        for (const k of [1, 2]) {
          const last = squeeze(lines.slice(-k).join(''));
          expect(headings.has(last), `page ${i + 1} ends on the heading « ${last} »`).toBe(false);
        }
        // The last page may be short (it ends the report); any other page holds more than a few lines.
        if (i < pages.length - 1) expect(lines.length, `page ${i + 1}`).toBeGreaterThan(6);
      });
    }, 30_000);
  }

  it('prints « 0 € » with its space and cuts no header word (« Non applicables »)', async () => {
    const base = demoReportInput('demo-chu-care-2026');
    const input: ReportInput = {
      ...base,
      actions: [{ title: 'Action sans coût', status: 'todo', estimatedCost: 0, dueDate: '2027-01-15' }],
    };
    const { file, pages } = await render(input);
    const all = pages.join('\n');
    expect(all).toMatch(/Action sans coût[^\n]* 0 €/);
    expect(all).not.toMatch(/\d€/);
    const { words } = wordBoxes(file);
    // Every euro sign stands apart from the number before it: the no-break space is drawn, not lost.
    const euros = words.filter((w, i) => w.text === '€' && words[i - 1]?.page === w.page);
    expect(euros.length).toBeGreaterThan(3);
    for (const euro of euros) {
      const before = words[words.indexOf(euro) - 1];
      expect(before?.text).toMatch(/\d$/);
      expect(euro.xMin - (before?.xMax ?? 0)).toBeGreaterThan(1);
    }
    const texts = new Set(words.map((w) => w.text));
    expect(texts.has('applicables')).toBe(true);
    for (const fragment of ['appli', 'cables', 'Attein', 'Répons', 'Évolu']) expect(texts.has(fragment)).toBe(false);
  }, 30_000);

  it('prints the change since 2025 on the summary, on the radar and for each domain', async () => {
    const input = demoReportInput('demo-chu-care-2026');
    const { model, pages } = await render(input);
    const change = model.summary.comparison;
    expect(change?.delta).toBeDefined();
    const points = (delta: number | undefined) =>
      delta === undefined ? '—' : `${delta > 0 ? '+' : delta < 0 ? '–' : '±'}${Math.abs(Math.round(delta))} point`;
    const summary = pages.find((page) => page.includes('Score global')) ?? '';
    expect(squeeze(summary)).toContain(
      squeeze(`Évolution depuis 2025 ${points(change?.delta)}s (score 2025 : ${Math.round(change?.previous ?? 0)} %)`),
    );
    // The radar's legend names both campaigns.
    expect(summary).toMatch(/Campagne 2026\s+Campagne 2025/);
    const domains = pages.find((page) => /Domaine 2026 2025 Évolution/.test(page)) ?? '';
    expect(domains).toContain('Résultats par domaine');
    for (const d of model.domains) {
      expect(d.previous, d.domainId).toBeDefined();
      expect(squeeze(domains)).toContain(
        squeeze(
          `${d.score === undefined ? '' : Math.round(d.score)} % ${Math.round(d.previous ?? 0)} % ${points(d.delta)}`,
        ),
      );
    }
  }, 30_000);

  it('prints the SHA-256 on the last page with what it is for, not on the cover', async () => {
    const input = demoReportInput('demo-chu-care-2026');
    const { pages } = await render(input);
    const hash = input.fingerprint?.value ?? '';
    const grouped = hash.match(/.{4}/g)?.join(' ') ?? '';
    expect(pages[0]).not.toContain(grouped);
    expect(pages[0]).not.toContain('SHA-256');
    const last = pages[pages.length - 1] ?? '';
    expect(squeeze(last)).toContain(squeeze(grouped));
    expect(last).toMatch(/Cette empreinte sert à vérifier qu’un exemplaire imprimé/);
  }, 30_000);
});

describe('a hostile report', () => {
  const long = Array.from({ length: 1100 }, (_, i) => `mot${i}`)
    .join(' ')
    .slice(0, 10_000);
  const unbroken = 'x'.repeat(3000);
  const hostile = {
    pdf: 'Fin de chaîne ) Tj ET ( /Type /Catalog >> endobj \\ (',
    markup: '<script>alert("x")</script> <b>gras</b> &amp; <!-- note -->',
    bidi: 'avant \u202Eevil\u202C après \u2066isolé\u2069 \u200Fmarque',
    controls: 'nul\u0000 bell\u0007 tab\tfin\r\nligne',
    long,
    unbroken,
  };

  function hostileInput(): ReportInput {
    const base = demoReportInput('demo-chu-care-2026');
    const ids = base.questionnaire.items.map((i) => i.id);
    const answers = { ...(base.answers ?? {}) };
    Object.values(hostile).forEach((comment, i) => {
      const id = ids[i] ?? '';
      answers[id] = { response: { kind: 'status', value: 'no' }, comment };
    });
    return {
      ...base,
      establishment: { ...base.establishment, name: `${'Établissement au nom très long '.repeat(8)}<b>) Tj (` },
      author: hostile.bidi,
      answers,
      actions: [
        {
          title: hostile.pdf,
          description: long,
          owner: hostile.markup,
          status: 'todo',
          dueDate: '2026-01-01',
          estimatedCost: 1234567.5,
        },
      ],
      evidence: [
        ...base.evidence,
        { itemId: ids[0] ?? '', name: `${'n'.repeat(400)}.pdf`, size: 1, sha256: 'f'.repeat(64) },
        { itemId: 'unknown.item.99', name: 'orpheline.pdf', size: 1, sha256: 'e'.repeat(64) },
        // A file name goes into a translated sentence as a value: i18next must print it, not read it.
        { itemId: ids[1] ?? '', name: '{{name}} $t(report.title) {{- sha256}}.pdf', size: 1, sha256: 'd'.repeat(64) },
      ],
    };
  }

  it('renders with every text in place, PDF syntax and markup printed as text, bidi controls made visible', async () => {
    const input = hostileInput();
    const { pages, pageCount, file, model } = await render(input);
    pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} / ${pageCount}`));
    const all = pages.join('\n');
    expect(all).toContain(') Tj ET (');
    expect(all).toContain('<script>alert("x")</script>');
    // eslint-disable-next-line no-control-regex -- the control characters of the fixture must be gone
    expect(all).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200f\u0000\u0007]/);
    const text = bodyText(pages, furnitureOf(input));
    // A 10,000-character comment runs over several pages, with the repeated table header between its parts: every
    // one of its words is printed, in order.
    expectInOrder(text, long.split(' '));
    const xRuns = (text.match(/x{20,}/g) ?? []).map((run) => run.length);
    expect(xRuns.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(unbroken.length);
    // The spoofing name prints its controls as code points, as on screen and in the CSV (displayName).
    expect(text).toContain(squeeze('avant ‹U+202E›evil‹U+202C› après ‹U+2066›isolé‹U+2069› ‹U+200F›marque'));
    expect(text).toContain('orpheline.pdf');
    expect(text).toContain(squeeze('{{name}} $t(report.title) {{- sha256}}.pdf'));
    expect(model.completeness.missing.map((m) => m.code)).toContain('evidence-unknown-item');

    // Nothing runs off the page: every word lies within the margins (the footer and header lie within them too).
    const { words, width, height } = wordBoxes(file);
    expect(words.length).toBeGreaterThan(1000);
    const outside = words.filter(
      (w) => w.xMin < 18 * MM - 1 || w.xMax > width - 18 * MM + 1 || w.yMin < 0 || w.yMax > height - 5 * MM,
    );
    expect(outside.map((w) => `${w.page}: ${w.text}`).slice(0, 5)).toEqual([]);
  }, 60_000);
});
