import type { ScoreSummary } from '../../domain/scoring/score-assessment';
import { COLORS, numericColumns } from '../pdf/page-geometry';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import type { StoredSummary } from '../report-input';
import { formatNumber, formatScore } from '../../texts/format';
import type { ReportModel } from '../report-model';
import type { ReportSection } from './report-section';

/** Results per domain: the table of scores beside the radar of the summary (peers.md §4 item 17). */

export interface ReportSummaryFigures {
  score: number | undefined;
  completeness: number | undefined;
  answered: number;
  applicable: number;
  unknown: number;
  notApplicable: number;
  met: number | undefined;
}

export interface DomainResult extends ReportSummaryFigures {
  domainId: string;
  title: string;
  /** The domain's score at the previous campaign, and the change since, in points (summary.comparison's year). */
  previous: number | undefined;
  delta: number | undefined;
}

export function figuresOf(s: ScoreSummary): ReportSummaryFigures {
  return {
    score: s.score,
    completeness: s.completeness,
    answered: s.answered,
    applicable: s.applicable,
    unknown: s.unknown,
    notApplicable: s.notApplicable,
    met: s.met,
  };
}

export function storedFigures(s: StoredSummary): ReportSummaryFigures {
  return { ...s, score: s.score, completeness: s.completeness, met: undefined };
}

export function buildDomainsSection({ input, answers, score, domainTitle, comparison }: ReportContext): DomainResult[] {
  const title = (domainId: string) => domainTitle.get(domainId) ?? domainId;
  const change = new Map(comparison?.domains.map((d) => [d.domainId, d]));
  const withChange = (domainId: string) => ({
    previous: change.get(domainId)?.previous,
    delta: change.get(domainId)?.delta,
  });
  if (answers || !input.storedScores)
    return score.domains.map((d) => ({
      domainId: d.domainId,
      title: title(d.domainId),
      ...figuresOf(d),
      ...withChange(d.domainId),
    }));
  return input.storedScores.domains.map((d) => ({
    domainId: d.domainId,
    title: title(d.domainId),
    ...storedFigures(d),
    ...withChange(d.domainId),
  }));
}

/**
 * A change in points, signed as on screen: « +11 points », « –3 points », « ±0 point »; a dash when unknown. The
 * minus is an en dash: the PDF font's subset (scripts/subset-fonts.mjs) has no U+2212 and would print nothing.
 */
export function formatChange(l: Pick<Layout, 't' | 'language'>, delta: number | undefined): string {
  if (delta === undefined) return '—';
  const rounded = Math.round(delta);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2013' : '±';
  return l.t('report.delta', {
    count: Math.abs(rounded),
    value: `${sign}${formatNumber(Math.abs(rounded), l.language)}`,
  });
}

export function drawDomainsSection(l: Layout, domains: DomainResult[], report: ReportModel): void {
  const { t, language } = l;
  const previousYear = report.summary.comparison?.previousYear;
  const score = (value: number | undefined) =>
    value === undefined ? t('report.domains.noScore') : formatScore(value, language);
  const compared = previousYear !== undefined;
  const widths = compared ? [50, 14, 14, 20, 18, 18, 20, 20] : [74, 20, 24, 18, 20, 18];
  l.table({
    head: [
      t('report.domains.domain'),
      compared ? String(report.meta.campaignYear) : t('report.domains.score'),
      ...(compared ? [String(previousYear), t('report.domains.change')] : []),
      t('report.domains.answered'),
      t('report.domains.met'),
      t('report.domains.unknown'),
      t('report.domains.notApplicable'),
    ],
    widths,
    body: domains.map((d) => [
      clean(d.title),
      score(d.score),
      ...(compared
        ? [d.previous === undefined ? '—' : formatScore(d.previous, language), formatChange(l, d.delta)]
        : []),
      `${d.answered} / ${d.applicable}`,
      d.met === undefined ? '' : String(d.met),
      String(d.unknown),
      String(d.notApplicable),
    ]),
    extra: { columnStyles: numericColumns(widths, 1) },
  });
  if (compared) l.paragraph(t('report.domains.changeNote', { year: previousYear }), { size: 7.5, color: COLORS.muted });
}

export const domainsSection: ReportSection<'domains', DomainResult[]> = {
  key: 'domains',
  start: 'page-unless-room',
  build: buildDomainsSection,
  draw: drawDomainsSection,
};
