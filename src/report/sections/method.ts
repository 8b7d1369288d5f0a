import type { Layout } from '../pdf/layout';
import type { ReportSection } from './report-section';

/** How the scores, the completeness, the gaps and the ratios are worked out: fixed text, the same on every report. */

export type ReportMethod = Record<string, never>;

export function drawMethodSection(l: Layout): void {
  for (const p of l.t.method.paragraphs) l.paragraph(p);
}

export const methodSection: ReportSection<'method', ReportMethod> = {
  key: 'method',
  newPage: true,
  build: () => ({}),
  draw: drawMethodSection,
};
