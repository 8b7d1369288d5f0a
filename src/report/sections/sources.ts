import type { DeadlineId } from '../../domain/results/programme-deadlines';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import type { ReportSection } from './report-section';

/** The sources of the questionnaire and of the deadlines the report reads, right after the method. */

export interface ReportSources {
  questionnaire: { title: string; reference: string }[];
  deadlines: { id: DeadlineId; source: string }[];
}

export function buildSourcesSection({ questionnaire, deadlines }: ReportContext): ReportSources {
  return {
    questionnaire: questionnaire.sources.map((s) => ({ title: s.title, reference: s.reference })),
    deadlines: deadlines.map((d) => ({ id: d.deadline.id, source: d.deadline.source })),
  };
}

export function drawSourcesSection(l: Layout, sources: ReportSources): void {
  const { t } = l;
  l.heading(t('report.sources.questionnaire'), 2);
  l.table({
    head: [t('report.sources.questionnaire'), ''],
    widths: [80, 94],
    size: 7.5,
    body: sources.questionnaire.map((s) => [clean(s.title), clean(s.reference)]),
  });
  if (sources.deadlines.length > 0) {
    l.heading(t('report.sources.deadlines'), 2);
    l.table({
      head: [t('report.actions.due'), t('report.sources.deadlines')],
      widths: [70, 104],
      size: 7.5,
      body: sources.deadlines.map((d) => [t(`report.deadlines.${d.id}`), clean(d.source)]),
    });
  }
}

export const sourcesSection: ReportSection<'sources', ReportSources> = {
  key: 'sources',
  start: 'flow',
  build: buildSourcesSection,
  draw: drawSourcesSection,
};
