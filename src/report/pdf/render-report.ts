import type { ReportModel } from '../report-model';
import { reportSections } from '../report-sections';
import { createReportTranslator } from '../report-translator';
import { drawCover } from '../sections/cover';
import { drawFingerprintNote } from '../sections/fingerprint-note';
import type { SectionKey } from '../sections/report-section';
import { Layout, type RenderedReport } from './layout';
import { drawReportFurniture } from './page-furniture';
import type { ReportFonts } from './report-fonts';
import { sanitizeForPdf as clean } from './sanitize';

/**
 * The gap-analysis PDF, laid out from the report model (src/report/report-model.ts): the cover, then each section
 * of src/report/report-sections.ts under its heading, the fingerprint and what it is for, then the final pass that numbers the pages and marks an
 * incomplete assessment « BROUILLON » / "DRAFT" on every page (page-furniture.ts). Environment-free: the fonts are
 * handed in (report-fonts.ts), the bytes handed back.
 */

export type { RenderedReport };

export function renderReportPdf(model: ReportModel, fonts: ReportFonts): RenderedReport {
  const t = createReportTranslator(model.language);
  const l = new Layout(t, model.language, fonts);
  const { meta } = model;
  l.doc.setDocumentProperties({
    title: clean(
      `${t('report.title')} — ${meta.establishment.name} — ${meta.questionnaire.title} ${meta.campaignYear}`,
    ),
    subject: clean(`${meta.questionnaire.id} ${meta.questionnaire.version}`),
    author: clean(meta.author ?? ''),
    creator: 'Autodiag CaRE',
    keywords: meta.fingerprint?.value ?? '',
  });
  l.doc.setCreationDate(new Date(`${meta.asOf}T00:00:00Z`));
  // A section with nothing chosen for it (no framework annex asked at print) is neither printed nor listed.
  const printed = reportSections.filter((section) => {
    const isPrinted = (section as { printed?: (part: unknown) => boolean }).printed;
    return isPrinted ? isPrinted(model[section.key]) : true;
  });
  const contents = drawCover(
    l,
    model,
    printed.map((s): SectionKey => s.key),
  );
  for (const section of printed) {
    l.section(section.key, section.start);
    // model[section.key] is what section.build returned (ReportSectionModels); TypeScript cannot follow the key
    // through the union of sections, hence the widened signature.
    const draw = section.draw as (l: Layout, part: unknown, report: ReportModel) => void;
    draw(l, model[section.key], model);
  }
  drawFingerprintNote(l, meta);
  drawReportFurniture(l, model, contents);
  return l.output();
}
