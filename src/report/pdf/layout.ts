import { jsPDF } from 'jspdf';
import { autoTable, type RowInput, type UserOptions } from 'jspdf-autotable';
import type { Language } from '../../domain/localized-text';
import type { Translate } from '../../texts/translator';
import type { SectionKey } from '../sections/report-section';
import { BODY_SIZE, COLORS, CONTENT_WIDTH, LINE_SPACING, MARGIN, PAGE, type Color } from './page-geometry';
import { FONT_FAMILY, FONT_FILES, type ReportFonts } from './report-fonts';
import { sanitizeForPdf as clean } from './sanitize';

/**
 * The page cursor and the text, table and heading primitives of every report PDF (the gap-analysis report and the
 * auditor's regional and benchmark reports), on jsPDF and jspdf-autotable:
 * - every table repeats its header on each page it runs over (`showHead: 'everyPage'`) and wraps long text
 *   (`overflow: 'linebreak'`), and a row taller than a page is split across pages, so nothing is cut off;
 * - every text goes through sanitizeForPdf (sanitize.ts) before it is drawn.
 * The fonts are handed in (report-fonts.ts); the page furniture drawn once the page count is known is in
 * page-furniture.ts.
 */

export interface RenderedReport {
  bytes: Uint8Array;
  pageCount: number;
}

interface LastTable {
  lastAutoTable?: { finalY: number };
}

export class Layout {
  readonly doc: jsPDF;
  y = MARGIN.top;
  /** The page each section starts on, for the contents on the cover. */
  readonly sectionPages = new Map<SectionKey, number>();

  constructor(
    /** The texts of the report's language (src/texts/locales/<language>/report.json and regional.json). */
    readonly t: Translate,
    readonly language: Language,
    fonts: ReportFonts,
  ) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
    this.doc.addFileToVFS(FONT_FILES.regular, fonts.regular);
    this.doc.addFont(FONT_FILES.regular, FONT_FAMILY, 'normal');
    this.doc.addFileToVFS(FONT_FILES.bold, fonts.bold);
    this.doc.addFont(FONT_FILES.bold, FONT_FAMILY, 'bold');
    this.doc.setLanguage(language === 'fr' ? 'fr-FR' : 'en-GB');
    this.font('normal', BODY_SIZE);
  }

  font(style: 'normal' | 'bold', size: number, color = COLORS.text): void {
    this.doc.setFont(FONT_FAMILY, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...color);
  }

  get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  get pageNumber(): number {
    return this.doc.getCurrentPageInfo().pageNumber;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` millimetres still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  lineHeight(size: number): number {
    return (size * LINE_SPACING * 25.4) / 72;
  }

  /** A numbered section of the gap-analysis report: listed in the contents and the PDF's outline. */
  section(key: SectionKey, options: { newPage?: boolean } = {}): void {
    if (options.newPage) this.newPage();
    else this.ensure(30);
    this.sectionPages.set(key, this.pageNumber);
    this.chapter(this.t(`report.sections.${key}`));
  }

  /** A level-1 heading that also enters the PDF's outline. */
  chapter(text: string): void {
    this.doc.outline.add(null, clean(text), { pageNumber: this.pageNumber });
    this.heading(text, 1);
  }

  heading(text: string, level: 1 | 2): void {
    const size = level === 1 ? 15 : 11.5;
    this.ensure(this.lineHeight(size) + 14);
    this.font('bold', size, COLORS.accent);
    const lines = this.doc.splitTextToSize(clean(text), CONTENT_WIDTH) as string[];
    this.y += level === 1 ? 2 : 3;
    for (const line of lines) {
      this.y += this.lineHeight(size);
      this.doc.text(line, MARGIN.left, this.y);
    }
    this.y += level === 1 ? 4 : 2.5;
    if (level === 1) {
      this.doc.setDrawColor(...COLORS.accent);
      this.doc.setLineWidth(0.4);
      this.doc.line(MARGIN.left, this.y - 2.5, PAGE.width - MARGIN.right, this.y - 2.5);
    }
    this.font('normal', BODY_SIZE);
  }

  /** Large lines across the page in the font already set (the titles of a cover). */
  titleLines(text: string, size: number): void {
    for (const line of this.doc.splitTextToSize(clean(text), CONTENT_WIDTH) as string[]) {
      this.y += this.lineHeight(size);
      this.doc.text(line, MARGIN.left, this.y);
    }
  }

  /** A one-line bold caption above a chart or a list, without a page break of its own. */
  caption(text: string, size: number): void {
    this.font('bold', size, COLORS.accent);
    this.y += this.lineHeight(size);
    this.doc.text(clean(text), MARGIN.left, this.y);
  }

  paragraph(text: string, options: { size?: number; bold?: boolean; color?: Color; indent?: number } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    this.font(options.bold ? 'bold' : 'normal', size, options.color ?? COLORS.text);
    const lines = this.doc.splitTextToSize(clean(text), CONTENT_WIDTH - indent) as string[];
    const lh = this.lineHeight(size);
    for (const line of lines) {
      if (this.y + lh > this.bottom) this.newPage();
      this.y += lh;
      this.doc.text(line, MARGIN.left + indent, this.y);
    }
    this.y += 1.5;
    this.font('normal', BODY_SIZE);
  }

  bullets(items: string[], size = BODY_SIZE): void {
    for (const item of items) {
      this.font('normal', size);
      const lines = this.doc.splitTextToSize(clean(item), CONTENT_WIDTH - 5) as string[];
      const lh = this.lineHeight(size);
      lines.forEach((line, i) => {
        if (this.y + lh > this.bottom) this.newPage();
        this.y += lh;
        if (i === 0) this.doc.text('•', MARGIN.left + 1, this.y);
        this.doc.text(line, MARGIN.left + 5, this.y);
      });
      this.y += 0.8;
    }
    this.y += 1;
  }

  table(options: {
    head: string[];
    body: RowInput[];
    widths: number[];
    size?: number;
    extra?: Partial<UserOptions>;
  }): void {
    const size = options.size ?? 8;
    this.ensure(18);
    const columnStyles: UserOptions['columnStyles'] = {};
    options.widths.forEach((w, i) => {
      columnStyles[i] = { cellWidth: w };
    });
    autoTable(this.doc, {
      head: [options.head.map(clean)],
      body: options.body,
      startY: this.y + 1,
      margin: { left: MARGIN.left, right: MARGIN.right, top: MARGIN.top + 2, bottom: MARGIN.bottom + 2 },
      theme: 'grid',
      showHead: 'everyPage',
      // A row moves to the next page whole unless it is taller than a page; then it is split, never cut.
      rowPageBreak: 'avoid',
      tableWidth: CONTENT_WIDTH,
      styles: {
        font: FONT_FAMILY,
        fontStyle: 'normal',
        fontSize: size,
        overflow: 'linebreak',
        cellPadding: 1.4,
        textColor: COLORS.text,
        lineColor: COLORS.rule,
        lineWidth: 0.15,
        valign: 'top',
      },
      headStyles: { font: FONT_FAMILY, fontStyle: 'bold', fillColor: COLORS.head, textColor: [255, 255, 255] },
      columnStyles,
      ...options.extra,
    });
    this.y = ((this.doc as unknown as LastTable).lastAutoTable?.finalY ?? this.y) + 4;
  }

  /** A table of label/value pairs without a header (the cover, the summary figures). */
  pairs(rows: [string, string][], size = 9, labelWidth = 55): void {
    autoTable(this.doc, {
      body: rows.map(([label, value]) => [clean(label), clean(value)]),
      startY: this.y + 1,
      margin: { left: MARGIN.left, right: MARGIN.right, top: MARGIN.top + 2, bottom: MARGIN.bottom + 2 },
      theme: 'plain',
      tableWidth: CONTENT_WIDTH,
      styles: { font: FONT_FAMILY, fontSize: size, overflow: 'linebreak', cellPadding: 1.2, textColor: COLORS.text },
      columnStyles: {
        0: { cellWidth: labelWidth, fontStyle: 'bold', textColor: COLORS.muted },
        1: { cellWidth: CONTENT_WIDTH - labelWidth },
      },
    });
    this.y = ((this.doc as unknown as LastTable).lastAutoTable?.finalY ?? this.y) + 3;
  }

  /** The finished document. */
  output(): RenderedReport {
    return { bytes: new Uint8Array(this.doc.output('arraybuffer')), pageCount: this.doc.getNumberOfPages() };
  }
}
