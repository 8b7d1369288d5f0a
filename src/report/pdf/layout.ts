import { jsPDF } from 'jspdf';
import { __createTable, autoTable, type CellHookData, type RowInput, type UserOptions } from 'jspdf-autotable';
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
 * - every text goes through sanitizeForPdf (sanitize.ts) before it is drawn;
 * - a heading (and an intro marked `keepWithNext`) is held back until what follows it is drawn, and goes to the next
 *   page with it: a heading is never left alone at the foot of a page; a table starts only where its header and its
 *   first rows fit (a short table, where it fits whole), so no empty header is left at the foot of a page either;
 * - a table header word is never cut (« Non appli / cables »): the header of a column too narrow for its longest
 *   word is set smaller until the word fits.
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

/** How a section starts: on a new page, on a new page unless a third of this one is still free, or where it is. */
export type SectionStart = 'page' | 'page-unless-room' | 'flow';

/** What a heading or an intro keeps with it at least: the first two lines or rows of what follows. */
const KEPT_ROWS = 2;
/** A table this tall or shorter (mm) is kept whole on one page when it fits there. */
const SHORT_TABLE = 70;
/** The smallest size a table header is set at so that its longest word fits its column. */
const SMALLEST_HEAD_SIZE = 5.5;
/** Of every table cell, in millimetres. */
const CELL_PADDING = 1.4;

interface HeldBack {
  height: number;
  draw: () => void;
}

export class Layout {
  readonly doc: jsPDF;
  y = MARGIN.top;
  /** The page each section starts on, for the contents on the cover. */
  readonly sectionPages = new Map<SectionKey, number>();
  /** Headings and intros waiting for what follows them (see `keep`). */
  private held: HeldBack[] = [];

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

  /** The height of the page's writing area, in millimetres. */
  get contentHeight(): number {
    return this.bottom - MARGIN.top;
  }

  /**
   * Starts a new page unless `height` millimetres still fit on this one, with what is held back (a heading, an
   * intro) drawn first: they move to the new page with what follows them.
   */
  ensure(height: number): void {
    const held = this.held;
    this.held = [];
    const heldHeight = held.reduce((sum, h) => sum + h.height, 0);
    // Nothing taller than a page is asked of a page: a fresh page takes what it can.
    const needed = heldHeight + Math.min(height, this.contentHeight - heldHeight);
    if (this.y + needed > this.bottom && this.y > MARGIN.top + 0.5) this.newPage();
    for (const h of held) h.draw();
  }

  /** Holds `draw` back until the next thing is drawn, and keeps it on that thing's page (`ensure`). */
  private keep(height: number, draw: () => void): void {
    if (this.held.reduce((sum, h) => sum + h.height, 0) + height > this.contentHeight / 2) this.ensure(0);
    this.held.push({ height, draw });
  }

  lineHeight(size: number): number {
    return (size * LINE_SPACING * 25.4) / 72;
  }

  /**
   * A numbered section of the gap-analysis report: listed in the contents and the PDF's outline. `page-unless-room`
   * continues on this page when at least a third of it is free (a page that holds only the end of the previous
   * section's table, or a short section, is not left nearly empty).
   */
  section(key: SectionKey, start: SectionStart): void {
    if (start === 'page' || (start === 'page-unless-room' && this.bottom - this.y < this.contentHeight / 3))
      this.newPage();
    this.chapter(this.t(`report.sections.${key}`), () => this.sectionPages.set(key, this.pageNumber));
  }

  /** A level-1 heading that also enters the PDF's outline (at the page it lands on). */
  chapter(text: string, onPage?: () => void): void {
    this.heading(text, 1, () => {
      this.doc.outline.add(null, clean(text), { pageNumber: this.pageNumber });
      onPage?.();
    });
  }

  /** A heading, kept with the first lines of what follows it. */
  heading(text: string, level: 1 | 2, onPage?: () => void): void {
    const size = level === 1 ? 15 : 11.5;
    this.font('bold', size, COLORS.accent);
    const lines = this.doc.splitTextToSize(clean(text), CONTENT_WIDTH) as string[];
    this.font('normal', BODY_SIZE);
    const before = level === 1 ? 2 : 3;
    const after = level === 1 ? 4 : 2.5;
    this.keep(before + lines.length * this.lineHeight(size) + after, () => {
      onPage?.();
      this.font('bold', size, COLORS.accent);
      this.y += before;
      for (const line of lines) {
        this.y += this.lineHeight(size);
        this.doc.text(line, MARGIN.left, this.y);
      }
      this.y += after;
      if (level === 1) {
        this.doc.setDrawColor(...COLORS.accent);
        this.doc.setLineWidth(0.4);
        this.doc.line(MARGIN.left, this.y - 2.5, PAGE.width - MARGIN.right, this.y - 2.5);
      }
      this.font('normal', BODY_SIZE);
    });
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
    this.ensure(this.lineHeight(size) + 10);
    this.font('bold', size, COLORS.accent);
    this.y += this.lineHeight(size);
    this.doc.text(clean(text), MARGIN.left, this.y);
  }

  /**
   * A paragraph, wrapped to the page. `keepWithNext` (an intro) holds it back with the heading before it until what
   * follows is drawn, so that the three stay together.
   */
  paragraph(
    text: string,
    options: { size?: number; bold?: boolean; color?: Color; indent?: number; keepWithNext?: boolean } = {},
  ): void {
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    const style = options.bold ? 'bold' : 'normal';
    this.font(style, size);
    const lines = this.doc.splitTextToSize(clean(text), CONTENT_WIDTH - indent) as string[];
    const lh = this.lineHeight(size);
    const draw = () => {
      this.font(style, size, options.color ?? COLORS.text);
      for (const line of lines) {
        if (this.y + lh > this.bottom) this.newPage();
        this.y += lh;
        this.doc.text(line, MARGIN.left + indent, this.y);
      }
      this.y += 1.5;
      this.font('normal', BODY_SIZE);
    };
    if (options.keepWithNext && lines.length * lh < this.contentHeight / 4) {
      this.keep(lines.length * lh + 1.5, draw);
      return;
    }
    this.ensure(Math.min(lines.length, KEPT_ROWS) * lh);
    draw();
  }

  bullets(items: string[], size = BODY_SIZE): void {
    this.ensure(this.lineHeight(size) * KEPT_ROWS);
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
    const columnStyles: UserOptions['columnStyles'] = {};
    options.widths.forEach((w, i) => {
      columnStyles[i] = { cellWidth: w };
    });
    const headSizes = this.headSizes(options.head.map(clean), options.widths, size);
    const { didParseCell } = options.extra ?? {};
    const tableOptions = (body: RowInput[], startY: number): UserOptions => ({
      head: [options.head.map(clean)],
      body,
      startY,
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
        cellPadding: CELL_PADDING,
        textColor: COLORS.text,
        lineColor: COLORS.rule,
        lineWidth: 0.15,
        valign: 'top',
      },
      headStyles: { font: FONT_FAMILY, fontStyle: 'bold', fillColor: COLORS.head, textColor: [255, 255, 255] },
      columnStyles,
      ...options.extra,
      didParseCell: (data: CellHookData) => {
        const headSize = headSizes[data.column.index];
        if (data.section === 'head' && headSize !== undefined) data.cell.styles.fontSize = headSize;
        didParseCell?.(data);
      },
    });
    this.ensure(this.tableStartHeight(options.body, (body) => tableOptions(body, this.y + 1)));
    autoTable(this.doc, tableOptions(options.body, this.y + 1));
    this.y = ((this.doc as unknown as LastTable).lastAutoTable?.finalY ?? this.y) + 4;
  }

  /**
   * What must fit on the page for a table to start there: the whole table when it is short, else its header and
   * first rows. Measured by laying the rows out without drawing them (jspdf-autotable's __createTable).
   */
  private tableStartHeight(body: RowInput[], optionsFor: (body: RowInput[]) => UserOptions): number {
    const measure = (rows: RowInput[]) => {
      const table = __createTable(this.doc, optionsFor(rows));
      return table.getHeadHeight(table.columns) + table.body.reduce((sum, row) => sum + row.height, 0) + 1;
    };
    const first = measure(body.slice(0, KEPT_ROWS));
    if (body.length <= KEPT_ROWS) return first;
    // Short tables only: measuring a long table whole would cost as much as drawing it.
    if (body.length > 12) return first;
    const whole = measure(body);
    return whole <= SHORT_TABLE ? whole : first;
  }

  /**
   * The font size of each header cell: the table's own size, or smaller where the column is too narrow for the
   * header's longest word (so that jspdf-autotable's line breaking never cuts a word in two). Undefined where the
   * table's size fits.
   */
  private headSizes(head: readonly string[], widths: readonly number[], size: number): (number | undefined)[] {
    this.doc.setFont(FONT_FAMILY, 'bold');
    const sizes = head.map((text, i) => {
      const room = (widths[i] ?? CONTENT_WIDTH) - 2 * CELL_PADDING - 0.2;
      const longest = Math.max(0, ...text.split(/\s+/).map((word) => this.doc.getStringUnitWidth(word)));
      // getStringUnitWidth is in ems: the width in millimetres at size s is longest × s × 25.4 / 72.
      const fitting = (room * 72) / (25.4 * Math.max(longest, 1e-6));
      return fitting >= size ? undefined : Math.max(SMALLEST_HEAD_SIZE, Math.floor(fitting * 10) / 10);
    });
    this.font('normal', BODY_SIZE);
    return sizes;
  }

  /** A table of label/value pairs without a header (the cover, the summary figures). */
  pairs(rows: [string, string][], size = 9, labelWidth = 55): void {
    this.ensure(this.lineHeight(size) * Math.min(rows.length, 4) + 4);
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
    this.ensure(0);
    return { bytes: new Uint8Array(this.doc.output('arraybuffer')), pageCount: this.doc.getNumberOfPages() };
  }
}
