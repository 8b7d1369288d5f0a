import { GState } from 'jspdf';
import { groupHex } from '../../texts/format';
import type { ReportModel } from '../report-model';
import type { SectionKey } from '../sections/report-section';
import type { Layout } from './layout';
import { COLORS, CONTENT_WIDTH, MARGIN, PAGE, WATERMARK_ANGLE } from './page-geometry';
import { sanitizeForPdf as clean } from './sanitize';

/**
 * What every page carries, drawn in a final pass once the page count is known: the footer (a rule, the
 * establishment or report name, "page n / N"), and for the gap-analysis report the header (questionnaire and
 * campaign), the « BROUILLON » / "DRAFT" mark and watermark of an incomplete assessment, and the page numbers of the
 * contents on the cover.
 */

/** Where the cover lists a section, for its page number. */
export interface ContentsSlot {
  key: SectionKey;
  y: number;
}

/** The footer of every page: a rule, `left` (cut to one line) and "page n / N". */
export function drawFooters(l: Layout, left: string): void {
  const { doc } = l;
  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page += 1) {
    doc.setPage(page);
    drawFooter(l, left, page, total);
  }
}

function drawFooter(l: Layout, left: string, page: number, total: number): void {
  const { doc } = l;
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.2);
  doc.line(MARGIN.left, PAGE.height - 13, PAGE.width - MARGIN.right, PAGE.height - 13);
  l.font('normal', 7.5, COLORS.muted);
  const text = doc.splitTextToSize(clean(left), CONTENT_WIDTH - 30) as string[];
  doc.text(text[0] ?? '', MARGIN.left, PAGE.height - 9);
  doc.text(l.t('report.page', { n: page, total }), PAGE.width - MARGIN.right, PAGE.height - 9, { align: 'right' });
}

/** The gap-analysis report's final pass: contents page numbers, footer, header and draft mark of every page. */
export function drawReportFurniture(l: Layout, model: ReportModel, contents: readonly ContentsSlot[]): void {
  const { doc, t } = l;
  const total = doc.getNumberOfPages();
  const draft = !model.completeness.complete;
  const fingerprint = model.meta.fingerprint
    ? `${t('report.fingerprint')} ${groupHex(model.meta.fingerprint.value, 16)}`
    : '';
  const footer = `${model.meta.establishment.name}${fingerprint ? ` — ${fingerprint}` : ''}`;
  doc.setPage(1);
  l.font('normal', 9.5);
  for (const slot of contents) {
    const page = l.sectionPages.get(slot.key);
    if (page !== undefined) doc.text(String(page), PAGE.width - MARGIN.right, slot.y, { align: 'right' });
  }
  for (let page = 1; page <= total; page += 1) {
    doc.setPage(page);
    drawFooter(l, footer, page, total);
    if (page > 1) {
      doc.text(
        `${model.meta.questionnaire.id} ${model.meta.questionnaire.version} — ${t('report.cover.campaign')} ${model.meta.campaignYear}`,
        MARGIN.left,
        12,
      );
    }
    if (draft) drawDraftMark(l);
  }
}

function drawDraftMark(l: Layout): void {
  const { doc, t } = l;
  l.font('bold', 8, COLORS.draft);
  doc.text(t('report.draft'), PAGE.width - MARGIN.right, 12, { align: 'right' });
  doc.saveGraphicsState();
  // jsPDF's typings declare GState's constructor as taking a GState; it takes the plain options object.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  doc.setGState(new GState({ opacity: 0.09 }));
  // Rotated text turns about its start: start half its length down-left of the page centre.
  l.font('bold', 80, COLORS.draft);
  const half = doc.getTextWidth(t('report.draft')) / 2;
  const angle = (WATERMARK_ANGLE * Math.PI) / 180;
  doc.text(t('report.draft'), PAGE.width / 2 - half * Math.cos(angle), PAGE.height / 2 + half * Math.sin(angle), {
    angle: WATERMARK_ANGLE,
  });
  doc.restoreGraphicsState();
}
