import type { ScoreSummary } from '../../domain/scoring/score-assessment';
import { numericColumns } from '../pdf/page-geometry';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import type { StoredSummary } from '../report-input';
import { formatScore } from '../../texts/format';
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

export function buildDomainsSection({ input, answers, score, domainTitle }: ReportContext): DomainResult[] {
  const title = (domainId: string) => domainTitle.get(domainId) ?? domainId;
  if (answers || !input.storedScores)
    return score.domains.map((d) => ({ domainId: d.domainId, title: title(d.domainId), ...figuresOf(d) }));
  return input.storedScores.domains.map((d) => ({
    domainId: d.domainId,
    title: title(d.domainId),
    ...storedFigures(d),
  }));
}

export function drawDomainsSection(l: Layout, domains: DomainResult[]): void {
  const { t, language } = l;
  const widths = [74, 20, 24, 18, 20, 18];
  l.table({
    head: [
      t('report.domains.domain'),
      t('report.domains.score'),
      t('report.domains.answered'),
      t('report.domains.met'),
      t('report.domains.unknown'),
      t('report.domains.notApplicable'),
    ],
    widths,
    body: domains.map((d) => [
      clean(d.title),
      d.score === undefined ? t('report.domains.noScore') : formatScore(d.score, language),
      `${d.answered} / ${d.applicable}`,
      d.met === undefined ? '' : String(d.met),
      String(d.unknown),
      String(d.notApplicable),
    ]),
    extra: { columnStyles: numericColumns(widths, 1) },
  });
}

export const domainsSection: ReportSection<'domains', DomainResult[]> = {
  key: 'domains',
  newPage: true,
  build: buildDomainsSection,
  draw: drawDomainsSection,
};
