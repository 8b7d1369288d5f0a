import type { RowInput } from 'jspdf-autotable';
import type { Consolidation } from '../../domain/consolidation/consolidate';
import { matchExpected } from '../../domain/consolidation/expected-list';
import type { Distribution } from '../../domain/consolidation/quantiles';
import {
  heatBandOf,
  heatBands,
  listSelections,
  selectRows,
  summarizeRegion,
  type HeatBand,
  type GroupDistributions,
  type RegionalSummary,
} from '../../domain/consolidation/regional-views';
import type { RenderedReport } from '../pdf/layout';
import { drawFooters } from '../pdf/page-furniture';
import { COLORS, CONTENT_WIDTH, numericColumns, type Color } from '../pdf/page-geometry';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { formatDate } from '../../texts/format';
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
 * missing, the medians and quartiles per domain and category, the heat map (numbers on the screen's colours), the budget ratios
 * of sums, the MFA totals and the critical items most often unmet. Rendered from a finished consolidation; fonts are
 * handed in, bytes handed back.
 */

export type { BenchmarkPdfOptions, ExpectedForReport, RegionalPdfOptions } from './regional-page';

export function renderRegionalPdf(consolidation: Consolidation, options: RegionalPdfOptions): RenderedReport {
  const page = setUpRegionalPage(options);
  const { l, language, asOf, t, none, n, questionnaireTitle, domainOrder } = page;
  const selections = options.selections ?? listSelections(consolidation.rows);
  const filters = options.filters ?? {};
  const years = [...new Set(selections.map((s) => s.campaignYear))].sort((a, b) => b - a);
  l.doc.setDocumentProperties({
    title: clean([t('regional.regionalTitle'), options.region, years.join(', ')].filter(Boolean).join(' — ')),
    creator: 'Autodiag CaRE',
  });

  drawTitle(l, t('regional.regionalTitle'));
  const kept = selections.reduce((sum, s) => sum + selectRows(consolidation.rows, s, filters).length, 0);
  l.pairs(
    [
      ...(options.region ? [[t('regional.cover.region'), options.region] as [string, string]] : []),
      [t('regional.cover.campaign'), years.join(', ') || none],
      [t('regional.cover.date'), formatDate(asOf, language)],
      [t('regional.cover.files'), n(consolidation.filesAdded)],
      [t('regional.cover.duplicates'), n(consolidation.duplicates)],
      [t('regional.cover.establishments'), n(kept)],
    ],
    9.5,
    70,
  );
  if (selections.length > 0) {
    l.heading(t('regional.cover.selections'), 2);
    l.bullets(
      selections.map(
        (s) =>
          `${t('regional.selectionHeading', { questionnaire: questionnaireTitle(s.questionnaireId), year: s.campaignYear })}${language === 'fr' ? '\u00a0:' : ':'} ` +
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
    l.chapter(t('regional.selectionHeading', { questionnaire: questionnaireTitle(qid), year: selection.campaignYear }));
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

  drawFooters(l, [t('regional.regionalTitle'), options.region].filter(Boolean).join(' — '));
  return l.output();
}

function drawExpected(
  { l, t, n }: RegionalPage,
  campaignRows: Consolidation['rows'],
  expected: readonly ExpectedForReport[],
): void {
  const match = matchExpected(campaignRows, expected);
  l.heading(t('regional.expected.title'), 2);
  l.paragraph(
    t('regional.expected.summary', {
      total: n(expected.length),
      submitted: n(match.submitted),
      missing: n(match.missing.length),
      unexpected: n(match.unexpected.length),
    }),
  );
  if (match.missing.length === 0) l.paragraph(t('regional.expected.noneMissing'));
  else
    l.table({
      head: [t('regional.expected.finess'), t('regional.expected.name'), t('regional.expected.department')],
      widths: [30, 114, 30],
      body: match.missing.map((e) => [e.finess, clean(e.name ?? ''), clean(e.department ?? '')]),
    });
}

/** Medians and quartiles: the whole region, then each category. */
function drawDistributions(page: RegionalPage, summary: RegionalSummary, qid: string): void {
  const { l, t, n, none, domainTitle } = page;
  l.heading(t('regional.distributions.title'), 2);
  l.paragraph(t('regional.distributions.intro'), { color: COLORS.muted });
  const groups: { label: string; distributions: GroupDistributions }[] = [
    ...(summary.region ? [{ label: t('regional.distributions.region'), distributions: summary.region }] : []),
    ...summary.byCategory.map((g) => ({ label: categoryLabel(page, g.group), distributions: g })),
  ];
  const widths = [74, 14, 17, 17, 17, 17, 18];
  for (const { label, distributions } of groups) {
    l.paragraph(t('regional.distributions.group', { label, number: n(distributions.count) }), { bold: true });
    const line = (name: string, d: Distribution | undefined): RowInput => [
      clean(name),
      d ? n(d.count) : '0',
      ...(d ? [d.min, d.q1, d.median, d.q3, d.max].map((v) => numberCell(v, page, 1)) : [none, none, none, none, none]),
    ];
    l.table({
      head: [
        t('regional.distributions.domain'),
        t('regional.distributions.count'),
        t('regional.distributions.min'),
        t('regional.distributions.q1'),
        t('regional.distributions.median'),
        t('regional.distributions.q3'),
        t('regional.distributions.max'),
      ],
      widths,
      body: [
        line(t('regional.distributions.overall'), distributions.overall),
        ...summary.domainIds.map((id) => line(domainTitle(qid, id), distributions.domains[id])),
      ],
      extra: { columnStyles: numericColumns(widths, 1) },
    });
  }
}

/**
 * The heat map: each score printed as a number on its band's colour, the bands of the auditor's screen
 * (heatBandOf, src/domain/consolidation/regional-views.ts; colours of src/features/auditor/auditor.css). The number
 * is always printed and the colours are light, so that the map reads in grey print as in colour (RGAA 3.1: colour
 * never carries the information alone). Domain columns are headed by a code, named by the legend above the map.
 */
function drawHeatMap(page: RegionalPage, summary: RegionalSummary, qid: string): void {
  const { l, t, domainTitle, domainShortTitle } = page;
  l.heading(t('regional.heatMap.title'), 2);
  l.paragraph(t('regional.heatMap.intro'), { color: COLORS.muted, keepWithNext: true });
  const declared = summary.heatMap.rows.filter((line) => line.row.declared).length;
  if (declared > 0)
    l.paragraph(t('regional.declared.note', { count: declared, number: page.n(declared) }), { keepWithNext: true });
  drawBandLegend(page);
  const codes = summary.domainIds.map((_, i) => `D${i + 1}`);
  if (codes.length > 0)
    l.table({
      head: [t('regional.heatMap.code'), t('regional.heatMap.shortName'), t('regional.heatMap.domain')],
      widths: [14, 40, 120],
      size: 7.5,
      body: summary.domainIds.map((id, i) => [
        codes[i] ?? '',
        clean(domainShortTitle(qid, id)),
        clean(domainTitle(qid, id)),
      ]),
    });
  const finessWidth = 19;
  const overallWidth = 13;
  const cell = codes.length > 0 ? Math.min(14, (CONTENT_WIDTH - finessWidth - overallWidth - 38) / codes.length) : 0;
  const nameWidth = CONTENT_WIDTH - finessWidth - overallWidth - cell * codes.length;
  const widths = [finessWidth, nameWidth, overallWidth, ...codes.map(() => cell)];
  const scores = summary.heatMap.rows.map((line) => [line.overall, ...line.cells]);
  l.table({
    head: [t('regional.heatMap.finess'), t('regional.heatMap.name'), t('regional.heatMap.overall'), ...codes],
    widths,
    size: codes.length > 12 ? 6 : 7,
    body: summary.heatMap.rows.map((line) => [
      finessOf(line.row),
      line.row.declared ? `${clean(line.row.name)} (${t('regional.declared.mark')})` : clean(line.row.name),
      numberCell(line.overall, page),
      ...line.cells.map((v) => numberCell(v, page)),
    ]),
    extra: {
      columnStyles: numericColumns(widths, 2),
      didParseCell: (data) => {
        if (data.section !== 'body' || data.column.index < 2) return;
        const band = heatBandOf(scores[data.row.index]?.[data.column.index - 2]);
        if (band !== 'none') data.cell.styles.fillColor = HEAT_COLORS[band];
      },
    },
  });
}

/** The colours of the heat map's bands, as on the auditor's screen (src/features/auditor/auditor.css, .heat--*). */
export const HEAT_COLORS: Readonly<Record<Exclude<HeatBand, 'none'>, Color>> = {
  'very-low': [0xf6, 0xc6, 0xc6],
  low: [0xfb, 0xd9, 0xb5],
  medium: [0xfc, 0xef, 0xb4],
  good: [0xd6, 0xec, 0xc3],
  high: [0xa9, 0xd9, 0xb6],
};

/** One row of the five bands, each on its colour, and « — » for a domain without a score. */
function drawBandLegend(page: RegionalPage): void {
  const { l, t } = page;
  const bands = heatBands.filter((band): band is Exclude<HeatBand, 'none'> => band !== 'none');
  const width = CONTENT_WIDTH / (bands.length + 1);
  l.table({
    head: [t('regional.heatMap.bandsTitle'), '', '', '', '', ''],
    widths: [...bands.map(() => width), width],
    size: 7.5,
    body: [[...bands.map((band) => t(`regional.heatMap.bands.${band}`)), t('regional.heatMap.bands.none')]],
    extra: {
      headStyles: { fillColor: [255, 255, 255], textColor: COLORS.text, fontStyle: 'bold' },
      didParseCell: (data) => {
        if (data.section === 'head' && data.column.index === 0) data.cell.colSpan = bands.length + 1;
        const band = bands[data.column.index];
        if (data.section === 'body' && band) data.cell.styles.fillColor = HEAT_COLORS[band];
        if (data.section === 'body') data.cell.styles.halign = 'center';
      },
    },
  });
}

/** Budget: ratios of sums. */
function drawBudget(page: RegionalPage, summary: RegionalSummary): void {
  const { l, t, n } = page;
  l.heading(t('regional.budget.title'), 2);
  if (summary.budget.withBudget === 0) {
    l.paragraph(t('regional.budget.none'));
    return;
  }
  l.paragraph(t('regional.budget.intro'), { color: COLORS.muted });
  l.pairs(
    [
      [t('regional.budget.withBudget'), n(summary.budget.withBudget)],
      [t('regional.budget.withFigures'), n(summary.budget.withFigures)],
      [t('regional.budget.itShare'), shareCell(summary.budget.ratios.itShareOfOperating.value, page, 2)],
      [t('regional.budget.cyberShare'), shareCell(summary.budget.ratios.cyberShareOfIt.value, page, 1)],
    ],
    9,
    100,
  );
}

/** Two-factor authentication. */
function drawMfa(page: RegionalPage, summary: RegionalSummary): void {
  const { l, t, n } = page;
  l.heading(t('regional.mfa.title'), 2);
  const mfa = summary.mfa;
  if (mfa.establishments === 0) {
    l.paragraph(t('regional.mfa.none'));
    return;
  }
  l.paragraph(t('regional.mfa.intro'), { color: COLORS.muted });
  l.pairs(
    [
      [t('regional.mfa.establishments'), n(mfa.establishments)],
      [
        t('regional.mfa.applications'),
        t('regional.mfa.ofTotal', {
          part: n(mfa.compliantCount),
          total: n(mfa.sensitiveCount),
          share: shareCell(mfa.compliantShare, page),
        }),
      ],
      [
        t('regional.mfa.users'),
        t('regional.mfa.ofTotal', {
          part: n(mfa.usersWithTwoFactors),
          total: n(mfa.users),
          share: shareCell(mfa.usersShare, page),
        }),
      ],
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
  const { l, t, n } = page;
  l.heading(t('regional.gaps.title'), 2);
  const ranking = summary.criticalGaps;
  if (ranking.gaps.length === 0) {
    l.paragraph(t('regional.gaps.none'));
    return;
  }
  l.paragraph(t('regional.gaps.intro', { reporting: n(ranking.reporting) }), { color: COLORS.muted });
  const widths = [104, 30, 22, 18];
  l.table({
    head: [t('regional.gaps.question'), t('regional.gaps.item'), t('regional.gaps.count'), t('regional.gaps.share')],
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
