import type { Layout } from '../pdf/layout';
import type { ReportSection } from './report-section';

/** How the scores, the completeness, the gaps and the ratios are worked out: fixed text, the same on every report. */

export type ReportMethod = Record<string, never>;

/** The paragraphs of report.method.paragraphs, in the order they are printed. */
const paragraphs = ['programme', 'value', 'weights', 'score', 'completeness', 'gaps', 'budget', 'fingerprint'] as const;

export function drawMethodSection(l: Layout): void {
  for (const p of paragraphs) l.paragraph(l.t(`report.method.paragraphs.${p}`));
}

export const methodSection: ReportSection<'method', ReportMethod> = {
  key: 'method',
  start: 'page-unless-room',
  build: () => ({}),
  draw: drawMethodSection,
};
