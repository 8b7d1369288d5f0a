import type { RowInput } from 'jspdf-autotable';
import type { Consolidation, ConsolidatedRow } from '../../domain/consolidation/consolidate';
import { matchExpected } from '../../domain/consolidation/expected-list';
import type { Distribution } from '../../domain/consolidation/quantiles';
import {
  benchmarkOf,
  listDomainIds,
  listSelections,
  selectRows,
  summarizeRegion,
  type GroupDistributions,
  type RowFilters,
  type Selection,
} from '../../domain/consolidation/regional-views';
import type { Language } from '../../domain/localized-text';
import { formatDate, formatNumber, formatPercent } from '../report-format';
import { reportTexts } from '../report-texts';
import { COLORS, CONTENT_WIDTH, Layout, MARGIN, PAGE, type RenderedReport } from '../pdf/render-report';
import type { ReportFonts } from '../pdf/report-fonts';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { regionalTexts } from './regional-texts';

/**
 * The auditor's two PDFs (issue 8), laid out with the gap-analysis report's primitives (src/report/pdf/render-report.ts:
 * same fonts, tables, footer "page n / N"):
 * - the regional report: for each questionnaire × campaign, the expected establishments that are missing, the medians
 *   and quartiles per domain and category, the heat map as a table of numbers, the budget ratios of sums, the MFA
 *   totals and the critical items most often unmet;
 * - the benchmark report of one establishment: its scores beside the median and quartiles of its category in the
 *   region. No other establishment is ever named in it: only distributions of groups of at least three
 *   (MINIMUM_BENCHMARK_GROUP, src/domain/consolidation/regional-views.ts).
 * Both are rendered from a finished consolidation; fonts are handed in, bytes handed back.
 */

export interface ExpectedForReport {
  finess: string;
  name?: string | undefined;
  department?: string | undefined;
}

export interface RegionalPdfOptions {
  fonts: ReportFonts;
  language?: Language;
  /** The region's name, printed on the cover when given. */
  region?: string;
  /** ISO date printed on the cover (default: today, UTC). */
  asOf?: string;
  /** The questionnaire × campaign pairs to print (default: every pair present, latest campaign first). */
  selections?: readonly Selection[];
  filters?: RowFilters;
  /** The list of expected establishments, when the auditor gave one. */
  expected?: readonly ExpectedForReport[];
  questionnaireTitle?: (questionnaireId: string) => string;
  domainTitle?: (questionnaireId: string, domainId: string) => string;
  domainOrder?: (questionnaireId: string) => readonly string[];
  /** The question of an item, printed beside its id when known. */
  question?: (itemId: string) => string | undefined;
  criticalGapLimit?: number;
}

export type BenchmarkPdfOptions = Omit<
  RegionalPdfOptions,
  'selections' | 'filters' | 'expected' | 'criticalGapLimit'
> & {
  /** The questionnaire × campaign to compare in (default: the latest one the establishment submitted). */
  selection?: Selection;
};

const today = () => new Date().toISOString().slice(0, 10);

function setUp(options: RegionalPdfOptions | BenchmarkPdfOptions) {
  const language = options.language ?? 'fr';
  const l = new Layout(reportTexts[language], language, options.fonts);
  l.doc.setLanguage(language === 'fr' ? 'fr-FR' : 'en-GB');
  const asOf = options.asOf ?? today();
  l.doc.setCreationDate(new Date(`${asOf}T00:00:00Z`));
  return {
    l,
    language,
    asOf,
    r: regionalTexts[language],
    questionnaireTitle: options.questionnaireTitle ?? ((id: string) => id),
    domainTitle: options.domainTitle ?? ((_: string, id: string) => id),
    domainOrder: options.domainOrder ?? (() => []),
  };
}

function title(l: Layout, text: string): void {
  l.y = 36;
  l.font('bold', 20, COLORS.accent);
  for (const line of l.doc.splitTextToSize(clean(text), CONTENT_WIDTH) as string[]) {
    l.y += l.lineHeight(20);
    l.doc.text(line, MARGIN.left, l.y);
  }
  l.y += 6;
  l.font('normal', 9);
}

/** A level-1 heading that also enters the PDF's outline. */
function chapter(l: Layout, text: string, newPage = true): void {
  if (newPage) l.newPage();
  l.doc.outline.add(null, clean(text), { pageNumber: l.doc.getCurrentPageInfo().pageNumber });
  l.heading(text, 1);
}

/** The footer of every page, once the page count is known. */
function footer(l: Layout, left: string): void {
  const { doc } = l;
  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page += 1) {
    doc.setPage(page);
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.2);
    doc.line(MARGIN.left, PAGE.height - 13, PAGE.width - MARGIN.right, PAGE.height - 13);
    l.font('normal', 7.5, COLORS.muted);
    const text = doc.splitTextToSize(clean(left), CONTENT_WIDTH - 30) as string[];
    doc.text(text[0] ?? '', MARGIN.left, PAGE.height - 9);
    doc.text(l.t.page(page, total), PAGE.width - MARGIN.right, PAGE.height - 9, { align: 'right' });
  }
}

const done = (l: Layout): RenderedReport => ({
  bytes: new Uint8Array(l.doc.output('arraybuffer')),
  pageCount: l.doc.getNumberOfPages(),
});

function number(value: number | undefined, language: Language, none: string, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? none : formatNumber(value, language, digits);
}

function share(value: number | undefined, language: Language, none: string, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? none : formatPercent(value, language, digits);
}

// ---------------------------------------------------------------------------------------------------------------
// Regional report

export function renderRegionalPdf(consolidation: Consolidation, options: RegionalPdfOptions): RenderedReport {
  const { l, language, asOf, r, questionnaireTitle, domainTitle, domainOrder } = setUp(options);
  const none = r.none;
  const n = (value: number) => formatNumber(value, language);
  const selections = options.selections ?? listSelections(consolidation.rows);
  const filters = options.filters ?? {};
  const years = [...new Set(selections.map((s) => s.campaignYear))].sort((a, b) => b - a);
  l.doc.setDocumentProperties({
    title: clean([r.regionalTitle, options.region, years.join(', ')].filter(Boolean).join(' — ')),
    creator: 'Autodiag CaRE',
  });

  title(l, r.regionalTitle);
  const kept = selections.reduce((sum, s) => sum + selectRows(consolidation.rows, s, filters).length, 0);
  l.pairs(
    [
      ...(options.region ? [[r.cover.region, options.region] as [string, string]] : []),
      [r.cover.campaign, years.join(', ') || none],
      [r.cover.date, formatDate(asOf, language)],
      [r.cover.files, n(consolidation.filesAdded)],
      [r.cover.duplicates, n(consolidation.duplicates)],
      [r.cover.establishments, n(kept)],
    ],
    9.5,
    70,
  );
  if (selections.length > 0) {
    l.heading(r.cover.selections, 2);
    l.bullets(
      selections.map(
        (s) =>
          `${r.selectionHeading(questionnaireTitle(s.questionnaireId), s.campaignYear)}${language === 'fr' ? '\u00a0:' : ':'} ` +
          n(selectRows(consolidation.rows, s, filters).length),
      ),
    );
  }

  const expectedDone = new Set<number>();
  for (const selection of selections) {
    const qid = selection.questionnaireId;
    const summary = summarizeRegion(consolidation.rows, selection, {
      filters,
      domainOrder: domainOrder(qid),
      ...(options.criticalGapLimit !== undefined ? { criticalGapLimit: options.criticalGapLimit } : {}),
    });
    chapter(l, r.selectionHeading(questionnaireTitle(qid), selection.campaignYear));

    if (options.expected && !expectedDone.has(selection.campaignYear)) {
      expectedDone.add(selection.campaignYear);
      const campaignRows = consolidation.rows.filter((row) => row.campaignYear === selection.campaignYear);
      const match = matchExpected(campaignRows, options.expected);
      l.heading(r.expected.title, 2);
      l.paragraph(
        r.expected.summary(
          n(options.expected.length),
          n(match.submitted),
          n(match.missing.length),
          n(match.unexpected.length),
        ),
      );
      if (match.missing.length === 0) l.paragraph(r.expected.noneMissing);
      else
        l.table({
          head: [r.expected.finess, r.expected.name, r.expected.department],
          widths: [30, 114, 30],
          body: match.missing.map((e) => [e.finess, clean(e.name ?? ''), clean(e.department ?? '')]),
        });
    }

    // Medians and quartiles: the whole region, then each category.
    l.heading(r.distributions.title, 2);
    l.paragraph(r.distributions.intro, { color: COLORS.muted });
    const groups: { label: string; distributions: GroupDistributions }[] = [
      ...(summary.region ? [{ label: r.distributions.region, distributions: summary.region }] : []),
      ...summary.byCategory.map((g) => ({
        label: categoryLabel(language, g.group),
        distributions: g,
      })),
    ];
    for (const { label, distributions } of groups) {
      l.paragraph(r.distributions.group(label, n(distributions.count)), { bold: true });
      const line = (name: string, d: Distribution | undefined): RowInput => [
        clean(name),
        d ? n(d.count) : '0',
        ...(d
          ? [d.min, d.q1, d.median, d.q3, d.max].map((v) => number(v, language, none, 1))
          : [none, none, none, none, none]),
      ];
      l.table({
        head: [
          r.distributions.domain,
          r.distributions.count,
          r.distributions.min,
          r.distributions.q1,
          r.distributions.median,
          r.distributions.q3,
          r.distributions.max,
        ],
        widths: [74, 14, 17, 17, 17, 17, 18],
        body: [
          line(r.distributions.overall, distributions.overall),
          ...summary.domainIds.map((id) => line(domainTitle(qid, id), distributions.domains[id])),
        ],
        extra: { columnStyles: numericColumns([74, 14, 17, 17, 17, 17, 18], 1) },
      });
    }

    // The heat map, as numbers: domain columns by code, with their legend.
    l.heading(r.heatMap.title, 2);
    l.paragraph(r.heatMap.intro, { color: COLORS.muted });
    const codes = summary.domainIds.map((_, i) => `D${i + 1}`);
    if (codes.length > 0)
      l.table({
        head: [r.heatMap.code, r.heatMap.domain],
        widths: [20, 154],
        size: 7.5,
        body: summary.domainIds.map((id, i) => [codes[i] ?? '', clean(domainTitle(qid, id))]),
      });
    const finessWidth = 19;
    const overallWidth = 13;
    const cell = codes.length > 0 ? Math.min(14, (CONTENT_WIDTH - finessWidth - overallWidth - 38) / codes.length) : 0;
    const nameWidth = CONTENT_WIDTH - finessWidth - overallWidth - cell * codes.length;
    const widths = [finessWidth, nameWidth, overallWidth, ...codes.map(() => cell)];
    l.table({
      head: [r.heatMap.finess, r.heatMap.name, r.heatMap.overall, ...codes],
      widths,
      size: codes.length > 12 ? 6 : 7,
      body: summary.heatMap.rows.map((line) => [
        finessOf(line.row),
        clean(line.row.name),
        number(line.overall, language, none),
        ...line.cells.map((v) => number(v, language, none)),
      ]),
      extra: { columnStyles: numericColumns(widths, 2) },
    });

    // Budget: ratios of sums.
    l.heading(r.budget.title, 2);
    if (summary.budget.withBudget === 0) l.paragraph(r.budget.none);
    else {
      l.paragraph(r.budget.intro, { color: COLORS.muted });
      l.pairs(
        [
          [r.budget.withBudget, n(summary.budget.withBudget)],
          [r.budget.withFigures, n(summary.budget.withFigures)],
          [r.budget.itShare, share(summary.budget.ratios.itShareOfOperating.value, language, none, 2)],
          [r.budget.cyberShare, share(summary.budget.ratios.cyberShareOfIt.value, language, none, 1)],
        ],
        9,
        100,
      );
    }

    // Two-factor authentication.
    l.heading(r.mfa.title, 2);
    const mfa = summary.mfa;
    if (mfa.establishments === 0) l.paragraph(r.mfa.none);
    else {
      l.paragraph(r.mfa.intro, { color: COLORS.muted });
      l.pairs(
        [
          [r.mfa.establishments, n(mfa.establishments)],
          [
            r.mfa.applications,
            r.mfa.ofTotal(n(mfa.compliantCount), n(mfa.sensitiveCount), share(mfa.compliantShare, language, none)),
          ],
          [r.mfa.users, r.mfa.ofTotal(n(mfa.usersWithTwoFactors), n(mfa.users), share(mfa.usersShare, language, none))],
        ],
        9,
        100,
      );
    }

    // The critical items most often unmet.
    l.heading(r.gaps.title, 2);
    const ranking = summary.criticalGaps;
    if (ranking.gaps.length === 0) l.paragraph(r.gaps.none);
    else {
      l.paragraph(r.gaps.intro(n(ranking.reporting)), { color: COLORS.muted });
      l.table({
        head: [r.gaps.question, r.gaps.item, r.gaps.count, r.gaps.share],
        widths: [104, 30, 22, 18],
        body: ranking.gaps.map((gap) => [
          clean(options.question?.(gap.itemId) ?? gap.itemId),
          gap.itemId,
          n(gap.count),
          share(gap.share, language, none, 0),
        ]),
        extra: { columnStyles: numericColumns([104, 30, 22, 18], 2) },
      });
    }
  }

  footer(l, [r.regionalTitle, options.region].filter(Boolean).join(' — '));
  return done(l);
}

function categoryLabel(language: Language, category: string): string {
  const labels: Readonly<Record<string, string>> = reportTexts[language].categories;
  return labels[category] ?? category;
}

function finessOf(row: ConsolidatedRow): string {
  return row.finessEg ?? row.finessEj;
}

/** Column widths, with the columns from `from` on aligned right (numbers). */
function numericColumns(widths: readonly number[], from: number) {
  return Object.fromEntries(
    widths.map((w, i) => [i, i >= from ? { cellWidth: w, halign: 'right' as const } : { cellWidth: w }]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Benchmark report of one establishment

/** Whether a row is the establishment of this FINESS (geographic or legal). */
const isEstablishment = (row: ConsolidatedRow, finess: string) => row.finessEg === finess || row.finessEj === finess;

export function renderBenchmarkPdf(
  consolidation: Consolidation,
  finess: string,
  options: BenchmarkPdfOptions,
): RenderedReport {
  const { l, language, asOf, r, questionnaireTitle, domainTitle, domainOrder } = setUp(options);
  const none = r.none;
  const n = (value: number) => formatNumber(value, language);
  const own = consolidation.rows.filter((row) => isEstablishment(row, finess));
  const selection = options.selection ?? listSelections(own)[0];
  const rows = selection ? selectRows(consolidation.rows, selection) : [];
  const row = rows.find((candidate) => isEstablishment(candidate, finess));
  if (!selection || !row) throw new Error(regionalTexts[language].benchmark.notFound(finess));
  const qid = selection.questionnaireId;
  const domainIds = listDomainIds(rows, domainOrder(qid));
  const benchmark = benchmarkOf(rows, row.key, domainIds, 'category');
  if (!benchmark) throw new Error(regionalTexts[language].benchmark.notFound(finess));
  const categoryLabel = reportTexts[language].categories[row.category];

  l.doc.setDocumentProperties({
    title: clean(`${r.benchmarkTitle} — ${row.name} — ${questionnaireTitle(qid)} ${selection.campaignYear}`),
    creator: 'Autodiag CaRE',
  });
  title(l, r.benchmarkTitle);
  l.font('bold', 15);
  for (const line of l.doc.splitTextToSize(clean(row.name), CONTENT_WIDTH) as string[]) {
    l.y += l.lineHeight(15);
    l.doc.text(line, MARGIN.left, l.y);
  }
  l.y += 4;
  l.pairs(
    [
      [reportTexts[language].cover.finessEj, row.finessEj],
      ...(row.finessEg ? [[reportTexts[language].cover.finessEg, row.finessEg] as [string, string]] : []),
      [r.benchmark.category, categoryLabel],
      ...(options.region ? [[r.cover.region, options.region] as [string, string]] : []),
      [r.cover.questionnaire, questionnaireTitle(qid)],
      [r.cover.campaign, String(selection.campaignYear)],
      [r.cover.date, formatDate(asOf, language)],
    ],
    9.5,
    58,
  );
  l.paragraph(r.benchmark.group(n(benchmark.groupCount)));
  l.paragraph(r.benchmark.region(n(benchmark.regionCount)));

  chapter(l, r.benchmark.scoresTitle, false);
  const widths = [62, 22, 30, 34, 26];
  const line = (label: string, b: typeof benchmark.overall): RowInput => [
    clean(label),
    number(b.score, language, none),
    b.group ? number(b.group.median, language, none, 1) : r.benchmark.tooSmall,
    b.group ? `${number(b.group.q1, language, none, 1)} – ${number(b.group.q3, language, none, 1)}` : none,
    b.region ? number(b.region.median, language, none, 1) : r.benchmark.tooSmall,
  ];
  l.table({
    head: [
      r.benchmark.domain,
      r.benchmark.own,
      `${r.benchmark.categoryMedian} (${categoryLabel})`,
      r.benchmark.categoryQuartiles,
      r.benchmark.regionMedian,
    ],
    widths,
    body: [
      line(r.distributions.overall, benchmark.overall),
      ...benchmark.domains.map((d) => line(domainTitle(qid, d.domainId ?? ''), d)),
    ],
    extra: { columnStyles: numericColumns(widths, 1) },
  });

  l.heading(r.benchmark.guideTitle, 2);
  for (const p of r.benchmark.guide) l.paragraph(p);

  footer(l, `${r.benchmarkTitle} — ${row.name}`);
  return done(l);
}
