import {
  budgetFieldKinds,
  budgetFields,
  computeBudgetRatios,
  cyberShareBand,
  itShareBand,
  type BudgetRatios,
  type BudgetTargets,
  type Ratio,
  type RatioBand,
} from '../../domain/budget/budget-ratios';
import type { BudgetInputs } from '../../domain/budget/budget-record';
import type { Layout } from '../pdf/layout';
import { COLORS, CONTENT_WIDTH, MARGIN, type Color } from '../pdf/page-geometry';
import type { ReportContext } from '../report-context';
import type { ReportBudgetYear } from '../report-input';
import { formatEuros, formatNumber, formatPercent } from '../../texts/format';
import type { ReportSection } from './report-section';

/** The digital and cybersecurity budget: the ratios of every year, their trend, the campaign year's figures. */

export interface BudgetYearLine {
  year: number;
  inputs: BudgetInputs | undefined;
  ratios: BudgetRatios;
}

export interface ReportBudget {
  years: BudgetYearLine[];
  targets: BudgetTargets;
  /** The campaign's year, else the latest year before it, else the latest year. */
  campaignYear: BudgetYearLine | undefined;
  /** A medico-social establishment: read against the same targets, none specific to the sector having been found. */
  medicoSocial: boolean;
}

/** The ratios of each year, recomputed from the amounts, or as an export at "statistics" level recorded them. */
export function budgetYearLines(budgets: readonly ReportBudgetYear[], targets: BudgetTargets): BudgetYearLine[] {
  return [...budgets].sort((a, b) => a.year - b.year).map((b) => budgetLine(b, targets));
}

function budgetLine(b: ReportBudgetYear, targets: BudgetTargets): BudgetYearLine {
  if (b.inputs) return { year: b.year, inputs: b.inputs, ratios: computeBudgetRatios(b.inputs, targets) };
  const r = b.ratios ?? {};
  const ratio = (value: number | undefined, band: (v: number) => RatioBand | undefined) => ({
    value,
    band: value === undefined ? undefined : band(value),
  });
  const it = (v: number) => itShareBand(v, targets);
  const cyber = (v: number) => cyberShareBand(v, targets);
  return {
    year: b.year,
    inputs: undefined,
    ratios: {
      itShareOfOperating: ratio(r.itShareOfOperating, it),
      cyberShareOfIt: ratio(r.cyberShareOfIt, cyber),
      itShareTotal: ratio(r.itShareTotal, it),
      cyberShareTotal: ratio(r.cyberShareTotal, cyber),
      cyberShareNet: ratio(r.cyberShareNet, cyber),
      securityStaffShare: ratio(r.securityStaffShare, () => undefined),
      gapToItTargetEur: undefined,
      gapToCyberTargetEur: undefined,
    },
  };
}

export function buildBudgetSection({ budget, input }: ReportContext): ReportBudget {
  return {
    years: budget.years,
    targets: budget.targets,
    campaignYear: budget.campaignYear,
    medicoSocial: input.establishment.sector === 'medico-social',
  };
}

export function drawBudgetSection(l: Layout, b: ReportBudget): void {
  const { t, language } = l;
  if (b.years.length === 0) {
    l.paragraph(t('report.budget.none'));
    return;
  }
  l.paragraph(
    t('report.budget.targets', {
      it: formatPercent(b.targets.itShare, language),
      cyber: formatPercent(b.targets.cyberShare, language),
    }),
    { keepWithNext: true },
  );
  l.paragraph(t('report.budget.atRisk'), { size: 8, color: COLORS.muted });
  if (b.medicoSocial) l.paragraph(t('report.budget.medicoSocial'), { size: 8, color: COLORS.muted });
  // The band read against the target in force, and below it how far in points (the euros are in the gap columns).
  const ratio = (r: Ratio) =>
    r.value === undefined
      ? '—'
      : [
          formatPercent(r.value, language, 2),
          ...(r.band ? [t(`report.bands.${r.band}`)] : []),
          ...(r.shortfall
            ? [
                t('report.budget.shortfall', {
                  points: formatNumber(r.shortfall.points, language, { maximumFractionDigits: 2 }),
                }),
              ]
            : []),
        ].join('\n');
  const euros = (v: number | undefined) => (v === undefined ? '—' : formatEuros(v, language));
  l.table({
    head: [
      t('report.budget.year'),
      t('report.budget.itShare'),
      t('report.budget.cyberShare'),
      t('report.budget.itShareTotal'),
      t('report.budget.cyberShareNet'),
      t('report.budget.gapIt'),
      t('report.budget.gapCyber'),
    ],
    widths: [14, 24, 24, 26, 24, 31, 31],
    size: 7.5,
    body: b.years.map((y) => [
      String(y.year),
      ratio(y.ratios.itShareOfOperating),
      ratio(y.ratios.cyberShareOfIt),
      ratio(y.ratios.itShareTotal),
      ratio(y.ratios.cyberShareNet),
      euros(y.ratios.gapToItTargetEur),
      euros(y.ratios.gapToCyberTargetEur),
    ]),
  });
  drawTrend(l, b);
  const inputs = b.campaignYear?.inputs;
  if (inputs && b.campaignYear) {
    l.heading(`${t('report.csv.budget.field')} — ${b.campaignYear.year}`, 2);
    const fields = budgetFields.filter((f) => f in inputs);
    l.table({
      head: [t('report.csv.budget.field'), t('report.csv.budget.value')],
      widths: [124, 50],
      size: 8,
      body: fields.map((f) => {
        const v = inputs[f];
        const euro = budgetFieldKinds[f] === 'euros';
        return [
          t(`report.csv.budgetFields.${f}`),
          v === undefined ? '—' : euro ? formatEuros(v, language) : formatNumber(v, language),
        ];
      }),
      extra: { columnStyles: { 0: { cellWidth: 124 }, 1: { cellWidth: 50, halign: 'right' } } },
    });
  }
}

/** The two shares over the years, against their targets (dashed); the values are in the table above it. */
function drawTrend(l: Layout, budget: ReportBudget): void {
  const { doc, language, t } = l;
  const years = budget.years;
  if (years.length < 2) return;
  const height = 55;
  l.ensure(height + 14);
  l.caption(t('report.budget.trend'), 10);
  const top = l.y + 4;
  const left = MARGIN.left + 14;
  const width = CONTENT_WIDTH - 60;
  const series: { name: string; color: Color; values: (number | undefined)[]; target: number }[] = [
    {
      name: t('report.budget.itShare'),
      color: COLORS.shape,
      values: years.map((y) => y.ratios.itShareOfOperating.value),
      target: budget.targets.itShare,
    },
    {
      name: t('report.budget.cyberShare'),
      color: [200, 110, 30],
      values: years.map((y) => y.ratios.cyberShareOfIt.value),
      target: budget.targets.cyberShare,
    },
  ];
  const max = Math.max(...series.flatMap((s) => [s.target, ...s.values.map((v) => v ?? 0)])) * 1.15;
  const xOf = (i: number) => left + (years.length === 1 ? width / 2 : (i / (years.length - 1)) * width);
  const yOf = (v: number) => top + height - (v / max) * height;
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.15);
  doc.line(left, top + height, left + width, top + height);
  doc.line(left, top, left, top + height);
  l.font('normal', 7, COLORS.muted);
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    doc.text(formatPercent(f * max, language, 1), left - 1.5, yOf(f * max) + 1, { align: 'right' });
  }
  years.forEach((y, i) => doc.text(String(y.year), xOf(i), top + height + 4, { align: 'center' }));
  series.forEach((s, k) => {
    doc.setDrawColor(...s.color);
    doc.setLineDashPattern([1, 1], 0);
    doc.setLineWidth(0.3);
    doc.line(left, yOf(s.target), left + width, yOf(s.target));
    doc.setLineDashPattern([], 0);
    doc.setLineWidth(0.6);
    let previous: [number, number] | undefined;
    s.values.forEach((v, i) => {
      if (v === undefined) {
        previous = undefined;
        return;
      }
      const point: [number, number] = [xOf(i), yOf(v)];
      if (previous) doc.line(...previous, ...point);
      doc.setFillColor(...s.color);
      doc.circle(...point, 0.8, 'F');
      previous = point;
    });
    l.font('normal', 7.5, s.color);
    doc.text(s.name, left + width + 4, top + 6 + k * 6);
  });
  l.y = top + height + 8;
  l.paragraph(t('report.budget.trendAlt'), { size: 7.5, color: COLORS.muted });
}

export const budgetSection: ReportSection<'budget', ReportBudget> = {
  key: 'budget',
  start: 'page-unless-room',
  build: buildBudgetSection,
  draw: drawBudgetSection,
};
