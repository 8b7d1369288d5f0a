import { firstActions } from '../../domain/actions/action-plan';
import { answersNeededToScore, isScoreReadable } from '../../domain/scoring/score-assessment';
import type { RatioBand, Shortfall } from '../../domain/budget/budget-ratios';
import type { DeadlineKind } from '../../domain/questionnaire/questionnaire-schema';
import type { VerdictReason } from '../../domain/results/hospiconnect-verdict';
import {
  isToDeclare,
  nextDeadlines,
  type DeadlineId,
  type DeadlineResult,
  type DeadlineStatus,
} from '../../domain/results/programme-deadlines';
import type { Layout } from '../pdf/layout';
import { COLORS, CONTENT_WIDTH, MARGIN } from '../pdf/page-geometry';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import { formatEuros, formatNumber, formatPercent, formatScore, formatShortDate } from '../../texts/format';
import type { ReportModel } from '../report-model';
import { formatChange, type ReportSummaryFigures } from './domains';
import { drawRadar } from './radar-chart';
import type { ReportSection } from './report-section';

/** The executive summary: the overall score, the radar, the three ratios, the first actions, the next deadlines. */

export interface RatioLine {
  value: number | undefined;
  band: RatioBand | undefined;
  /** Below the target: how far, in points and in euros. */
  shortfall?: Shortfall | undefined;
  target: number;
}

export interface FirstActionLine {
  title: string;
  itemId: string | undefined;
  dueDate: string | undefined;
  owner: string | undefined;
  /** A gap with no planned action yet. */
  suggested: boolean;
}

export interface DeadlineLine {
  id: DeadlineId;
  kind: DeadlineKind;
  due: string;
  daysLeft: number;
  status: DeadlineStatus;
  /** A window open whose objectives are not shown met: « à déclarer » (or an application to file), never late. */
  toDeclare: 'declaration' | 'application' | undefined;
  /** HospiConnect 2027 and 2028: the reason of the verdict read from the answers and the inventory. */
  verdict: { reason: VerdictReason; applications: string[] } | undefined;
  source: string;
}

/** The change since the previous campaign of the same establishment and questionnaire (the results screen's). */
export interface SummaryComparison {
  previousYear: number;
  /** The overall score then, and the change since, in points. */
  previous: number | undefined;
  delta: number | undefined;
  /** Items whose answer rose or fell in value since then. */
  improved: number;
  worsened: number;
}

export interface ReportSummary {
  overall: ReportSummaryFigures;
  comparison: SummaryComparison | undefined;
  gapCount: number;
  criticalGapCount: number;
  ratios: {
    itShare: RatioLine;
    cyberShare: RatioLine;
    twoFactorShare: number | undefined;
    budgetYear: number | undefined;
  };
  firstActions: FirstActionLine[];
  nextDeadlines: DeadlineLine[];
}

const deadlineLine = (d: DeadlineResult): DeadlineLine => ({
  id: d.deadline.id,
  kind: d.deadline.kind,
  due: d.due,
  daysLeft: d.daysLeft,
  status: d.status,
  toDeclare: isToDeclare(d) ? (d.deadline.window ?? 'declaration') : undefined,
  verdict: d.verdict ? { reason: d.verdict.reason, applications: d.verdict.applicationNames } : undefined,
  source: d.deadline.source,
});

export function buildSummarySection(context: ReportContext): ReportSummary {
  const { input, language, gaps } = context;
  const { campaignYear, targets } = context.budget;
  const { comparison } = context;
  return {
    overall: context.overall,
    comparison: comparison && {
      previousYear: comparison.previousYear,
      previous: comparison.overall.previous,
      delta: comparison.overall.delta,
      improved: comparison.improvedItemIds.length,
      worsened: comparison.worsenedItemIds.length,
    },
    gapCount: gaps.length,
    criticalGapCount: gaps.filter((g) => g.item.weight === 'critical').length,
    ratios: {
      itShare: {
        ...(campaignYear?.ratios.itShareOfOperating ?? { value: undefined, band: undefined }),
        target: targets.itShare,
      },
      cyberShare: {
        ...(campaignYear?.ratios.cyberShareOfIt ?? { value: undefined, band: undefined }),
        target: targets.cyberShare,
      },
      twoFactorShare: context.applications.mfa.usersShare,
      budgetYear: campaignYear?.year,
    },
    firstActions: firstActions(context.actions.records, gaps, input.asOf, 5).map((f) =>
      f.kind === 'action'
        ? {
            title: f.action.title,
            itemId: f.action.itemId,
            dueDate: f.action.dueDate,
            owner: f.action.owner,
            suggested: false,
          }
        : {
            title: f.gap.item.action[language],
            itemId: f.gap.item.id,
            dueDate: f.gap.due,
            owner: undefined,
            suggested: true,
          },
    ),
    nextDeadlines: nextDeadlines(context.deadlines, 5).map(deadlineLine),
  };
}

export function drawSummarySection(l: Layout, s: ReportSummary, report: ReportModel): void {
  const { t, language } = l;
  const none = t('report.summary.notEntered');
  const pct = (value: number | undefined) => (value === undefined ? none : formatPercent(value, language));
  const figures: [string, string][] = [
    [
      t('report.summary.overall'),
      s.overall.score === undefined
        ? t('report.domains.noScore')
        : isScoreReadable(s.overall)
          ? formatScore(s.overall.score, language)
          : t('report.summary.tooIncomplete', { needed: answersNeededToScore(s.overall) }),
    ],
    ...(s.comparison
      ? [
          [
            t('report.summary.changeLabel', { year: s.comparison.previousYear }),
            [
              s.comparison.delta === undefined
                ? t('report.summary.noPreviousScore')
                : t('report.summary.change', {
                    delta: formatChange(l, s.comparison.delta),
                    year: s.comparison.previousYear,
                    previous: s.comparison.previous === undefined ? '—' : formatScore(s.comparison.previous, language),
                  }),
              t('report.summary.movements', { improved: s.comparison.improved, worsened: s.comparison.worsened }),
            ].join(' — '),
          ] as [string, string],
        ]
      : []),
    [
      t('report.summary.completeness'),
      `${pct(s.overall.completeness)} — ${t('report.summary.answered', { answered: s.overall.answered, applicable: s.overall.applicable })}`,
    ],
    ...(report.gapsKnown
      ? [
          [
            t('report.sections.gaps'),
            t('report.summary.gapsCount', { total: s.gapCount, critical: s.criticalGapCount }),
          ] as [string, string],
        ]
      : []),
    [t('report.sections.providerQuestions'), t('report.summary.unknownCount', { count: s.overall.unknown })],
  ];
  l.pairs(figures, 9.5, 62);
  if (report.domains.length > 0) {
    const height = s.comparison ? 80 : 84;
    l.ensure(height + 14);
    l.caption(t('report.summary.radarTitle'), 10);
    drawRadar(
      l,
      report.domains,
      { x: MARGIN.left, y: l.y, width: CONTENT_WIDTH, height },
      s.comparison && { current: report.meta.campaignYear, previous: s.comparison.previousYear },
    );
    l.y += height;
    l.paragraph(t('report.summary.radarAlt'), { size: 7.5, color: COLORS.muted });
  }
  const r = s.ratios;
  // Below its target a ratio says how far, in points and in euros: never « dans la cible » beside a missing amount.
  const ratioValue = (line: RatioLine) => {
    if (line.value === undefined) return none;
    const value = formatPercent(line.value, language, 2);
    if (!line.band) return value;
    const band = t(`report.bands.${line.band}`);
    if (!line.shortfall) return `${value} (${band})`;
    return `${value} (${t('report.summary.shortfall', {
      band,
      points: formatNumber(line.shortfall.points, language, { maximumFractionDigits: 2 }),
      count: Math.round(line.shortfall.points * 100) / 100,
      amount: formatEuros(line.shortfall.euros, language),
    })})`;
  };
  l.table({
    head: [t('report.summary.ratios') + (r.budgetYear !== undefined ? ` — ${r.budgetYear}` : ''), ''],
    widths: [124, 50],
    size: 8.5,
    body: [
      [t('report.summary.itShare', { target: formatPercent(r.itShare.target, language) }), ratioValue(r.itShare)],
      [
        t('report.summary.cyberShare', { target: formatPercent(r.cyberShare.target, language) }),
        ratioValue(r.cyberShare),
      ],
      [
        t('report.summary.twoFactorShare'),
        r.twoFactorShare === undefined ? none : formatPercent(r.twoFactorShare, language),
      ],
    ].map((row) => row.map(clean)),
  });
  if (r.itShare.band || r.cyberShare.band) {
    l.paragraph(t('report.summary.ratioNote'), { size: 7.5, color: COLORS.muted });
  }
  l.table({
    head: [t('report.summary.firstActions'), t('report.actions.item'), t('report.actions.due')],
    widths: [118, 28, 28],
    size: 8,
    body:
      s.firstActions.length === 0
        ? [[t('report.summary.none'), '', '']]
        : s.firstActions.map((a) => [
            clean(a.suggested ? `${a.title} (${t('report.summary.suggestedFromGap')})` : a.title),
            a.itemId ?? '',
            a.dueDate ? formatShortDate(a.dueDate, language) : '',
          ]),
  });
  l.table({
    head: [t('report.summary.nextDeadlines'), t('report.actions.due'), t('report.actions.status')],
    widths: [118, 28, 28],
    size: 8,
    body:
      s.nextDeadlines.length === 0
        ? [[t('report.summary.none'), '', '']]
        : s.nextDeadlines.map((d) => [
            clean(
              d.verdict
                ? `${t(`report.deadlines.${d.id}`)}\n${t(`results.deadlines.verdicts.${d.verdict.reason}`, {
                    applications: d.verdict.applications.join(', '),
                  })}`
                : t(`report.deadlines.${d.id}`),
            ),
            d.kind === 'window-opening' || d.kind === 'yearly'
              ? t(`report.deadlineDates.${d.kind}`, { date: formatShortDate(d.due, language) })
              : formatShortDate(d.due, language),
            d.toDeclare
              ? t(`report.deadlineStandings.${d.toDeclare === 'application' ? 'to-apply' : 'to-declare'}`)
              : t(`report.deadlineStatuses.${d.status}`),
          ]),
  });
}

export const summarySection: ReportSection<'summary', ReportSummary> = {
  key: 'summary',
  start: 'page',
  build: buildSummarySection,
  draw: drawSummarySection,
};
