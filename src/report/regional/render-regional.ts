import type { RowInput } from 'jspdf-autotable';
import type { Consolidation } from '../../domain/consolidation/consolidate';
import { matchExpected } from '../../domain/consolidation/expected-list';
import type { Distribution } from '../../domain/consolidation/quantiles';
import {
  listSelections,
  selectRows,
  summarizeRegion,
  type GroupDistributions,
  type RegionalSummary,
} from '../../domain/consolidation/regional-views';
import type { RenderedReport } from '../pdf/layout';
import { drawFooters } from '../pdf/page-furniture';
import { COLORS, CONTENT_WIDTH, numericColumns } from '../pdf/page-geometry';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { formatDate } from '../report-format';
import {
  categoryLabel,
  drawTitle,
  finessOf,
  numberCell,
  setUpRegionalPage,
  shareCell,
  type ExpectedForReport,
  type RegionalPage,
  type RegionalPdfOptions,
} from './regional-page';

/**
 * The auditor's regional report (issue 8): for each questionnaire × campaign, the expected establishments that are
 * missing, the medians and quartiles per domain and category, the heat map as a table of numbers, the budget ratios
 * of sums, the MFA totals and the critical items most often unmet. Rendered from a finished consolidation; fonts are
 * handed in, bytes handed back.
 */

export type { BenchmarkPdfOptions, ExpectedForReport, RegionalPdfOptions } from './regional-page';

export function renderRegionalPdf(consolidation: Consolidation, options: RegionalPdfOptions): RenderedReport {
  const page = setUpRegionalPage(options);
  const { l, language, asOf, r, none, n, questionnaireTitle, domainOrder } = page;
  const selections = options.selections ?? listSelections(consolidation.rows);
  const filters = options.filters ?? {};
  const years = [...new Set(selections.map((s) => s.campaignYear))].sort((a, b) => b - a);
  l.doc.setDocumentProperties({
    title: clean([r.regionalTitle, options.region, years.join(', ')].filter(Boolean).join(' — ')),
    creator: 'Autodiag CaRE',
  });

  drawTitle(l, r.regionalTitle);
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
    l.newPage();
    l.chapter(r.selectionHeading(questionnaireTitle(qid), selection.campaignYear));
    // The expected establishments are listed once per campaign, under its first questionnaire.
    if (options.expected && !expectedDone.has(selection.campaignYear)) {
      expectedDone.add(selection.campaignYear);
      const campaignRows = consolidation.rows.filter((row) => row.campaignYear === selection.campaignYear);
      drawExpected(page, campaignRows, options.expected);
    }
    drawDistributions(page, summary, qid);
    drawHeatMap(page, summary, qid);
    drawBudget(page, summary);
    drawMfa(page, summary);
    drawCriticalGaps(page, summary, options.question);
  }

  drawFooters(l, [r.regionalTitle, options.region].filter(Boolean).join(' — '));
  return l.output();
}

function drawExpected(
  { l, r, n }: RegionalPage,
  campaignRows: Consolidation['rows'],
  expected: readonly ExpectedForReport[],
): void {
  const match = matchExpected(campaignRows, expected);
  l.heading(r.expected.title, 2);
  l.paragraph(
    r.expected.summary(n(expected.length), n(match.submitted), n(match.missing.length), n(match.unexpected.length)),
  );
  if (match.missing.length === 0) l.paragraph(r.expected.noneMissing);
  else
    l.table({
      head: [r.expected.finess, r.expected.name, r.expected.department],
      widths: [30, 114, 30],
      body: match.missing.map((e) => [e.finess, clean(e.name ?? ''), clean(e.department ?? '')]),
    });
}

/** Medians and quartiles: the whole region, then each category. */
function drawDistributions(page: RegionalPage, summary: RegionalSummary, qid: string): void {
  const { l, r, n, none, language, domainTitle } = page;
  l.heading(r.distributions.title, 2);
  l.paragraph(r.distributions.intro, { color: COLORS.muted });
  const groups: { label: string; distributions: GroupDistributions }[] = [
    ...(summary.region ? [{ label: r.distributions.region, distributions: summary.region }] : []),
    ...summary.byCategory.map((g) => ({ label: categoryLabel(language, g.group), distributions: g })),
  ];
  const widths = [74, 14, 17, 17, 17, 17, 18];
  for (const { label, distributions } of groups) {
    l.paragraph(r.distributions.group(label, n(distributions.count)), { bold: true });
    const line = (name: string, d: Distribution | undefined): RowInput => [
      clean(name),
      d ? n(d.count) : '0',
      ...(d ? [d.min, d.q1, d.median, d.q3, d.max].map((v) => numberCell(v, page, 1)) : [none, none, none, none, none]),
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
      widths,
      body: [
        line(r.distributions.overall, distributions.overall),
        ...summary.domainIds.map((id) => line(domainTitle(qid, id), distributions.domains[id])),
      ],
      extra: { columnStyles: numericColumns(widths, 1) },
    });
  }
}

/** The heat map, as numbers: domain columns by code, with their legend. */
function drawHeatMap(page: RegionalPage, summary: RegionalSummary, qid: string): void {
  const { l, r, domainTitle } = page;
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
      numberCell(line.overall, page),
      ...line.cells.map((v) => numberCell(v, page)),
    ]),
    extra: { columnStyles: numericColumns(widths, 2) },
  });
}

/** Budget: ratios of sums. */
function drawBudget(page: RegionalPage, summary: RegionalSummary): void {
  const { l, r, n } = page;
  l.heading(r.budget.title, 2);
  if (summary.budget.withBudget === 0) {
    l.paragraph(r.budget.none);
    return;
  }
  l.paragraph(r.budget.intro, { color: COLORS.muted });
  l.pairs(
    [
      [r.budget.withBudget, n(summary.budget.withBudget)],
      [r.budget.withFigures, n(summary.budget.withFigures)],
      [r.budget.itShare, shareCell(summary.budget.ratios.itShareOfOperating.value, page, 2)],
      [r.budget.cyberShare, shareCell(summary.budget.ratios.cyberShareOfIt.value, page, 1)],
    ],
    9,
    100,
  );
}

/** Two-factor authentication. */
function drawMfa(page: RegionalPage, summary: RegionalSummary): void {
  const { l, r, n } = page;
  l.heading(r.mfa.title, 2);
  const mfa = summary.mfa;
  if (mfa.establishments === 0) {
    l.paragraph(r.mfa.none);
    return;
  }
  l.paragraph(r.mfa.intro, { color: COLORS.muted });
  l.pairs(
    [
      [r.mfa.establishments, n(mfa.establishments)],
      [
        r.mfa.applications,
        r.mfa.ofTotal(n(mfa.compliantCount), n(mfa.sensitiveCount), shareCell(mfa.compliantShare, page)),
      ],
      [r.mfa.users, r.mfa.ofTotal(n(mfa.usersWithTwoFactors), n(mfa.users), shareCell(mfa.usersShare, page))],
    ],
    9,
    100,
  );
}

/** The critical items most often unmet. */
function drawCriticalGaps(
  page: RegionalPage,
  summary: RegionalSummary,
  question: RegionalPdfOptions['question'],
): void {
  const { l, r, n } = page;
  l.heading(r.gaps.title, 2);
  const ranking = summary.criticalGaps;
  if (ranking.gaps.length === 0) {
    l.paragraph(r.gaps.none);
    return;
  }
  l.paragraph(r.gaps.intro(n(ranking.reporting)), { color: COLORS.muted });
  const widths = [104, 30, 22, 18];
  l.table({
    head: [r.gaps.question, r.gaps.item, r.gaps.count, r.gaps.share],
    widths,
    body: ranking.gaps.map((gap) => [
      clean(question?.(gap.itemId) ?? gap.itemId),
      gap.itemId,
      n(gap.count),
      shareCell(gap.share, page, 0),
    ]),
    extra: { columnStyles: numericColumns(widths, 2) },
  });
}
