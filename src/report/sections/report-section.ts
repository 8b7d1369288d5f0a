import type { Layout, SectionStart } from '../pdf/layout';
import type { ReportContext } from '../report-context';
import type { ReportModel } from '../report-model';
import type reportTexts from '../../texts/locales/fr/report.json';

/** A section of the gap-analysis report, by the key of its heading in the texts (and of its part of the model). */
export type SectionKey = keyof (typeof reportTexts)['sections'];

/**
 * One section of the gap-analysis report: its part of the report model, and how the PDF draws it. The list of
 * sections, in the order the PDF prints them, is src/report/report-sections.ts.
 *
 * `build` is pure (no jsPDF: a section file imports the layout as a type only), so the app builds the model on the
 * report screen without loading jsPDF, and tests assert it without drawing. `draw` is called after the section's
 * level-1 heading, which the PDF draws (where `start` says: Layout.section) and lists in the contents.
 */
export interface ReportSection<Key extends SectionKey, Model> {
  key: Key;
  start: SectionStart;
  build: (context: ReportContext) => Model;
  draw: (l: Layout, section: Model, report: ReportModel) => void;
  /** Whether the PDF prints the section and lists it in its contents; always, when absent (the frameworks' annex
   * only when a framework was chosen at print). */
  printed?: (section: Model) => boolean;
}
