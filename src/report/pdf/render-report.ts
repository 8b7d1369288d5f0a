import { GState, jsPDF } from 'jspdf';
import { autoTable, type CellInput, type RowInput, type UserOptions } from 'jspdf-autotable';
import { radarGeometry, wrapLabel, type Point } from '../../domain/charts/radar-geometry';
import type { Language } from '../../domain/localized-text';
import {
  formatDate,
  formatEuros,
  formatNumber,
  formatPercent,
  formatScore,
  formatShortDate,
  groupHex,
} from '../report-format';
import type { ReportModel, ReportSummaryFigures } from '../report-model';
import { reportTexts, type ReportTexts } from '../report-texts';
import { FONT_FAMILY, FONT_FILES, type ReportFonts } from './report-fonts';
import { sanitizeForPdf } from './sanitize';

/**
 * The gap-analysis PDF, laid out from the report model (src/report/report-model.ts) with jsPDF and jspdf-autotable.
 *
 * - A4 portrait; every table repeats its header on each page it runs over (`showHead: 'everyPage'`) and wraps long
 *   text (`overflow: 'linebreak'`), and a row taller than a page is split across pages, so nothing is cut off.
 * - Page numbers ("page 3 / 27"), the establishment and the fingerprint are drawn in a final pass over every page,
 *   once the page count is known; so are the page numbers of the contents on the cover.
 * - An incomplete assessment is marked "BROUILLON"/"DRAFT" on every page, in the header and as a watermark.
 * - The radar is drawn from the same geometry as the app's SVG (src/domain/charts/radar-geometry.ts), and its
 *   values are printed in the table beside it (peers.md §4 item 17: data tables alongside charts).
 * Environment-free: the fonts are handed in (see report-fonts.ts), the bytes handed back.
 */

export const PAGE = { width: 210, height: 297 };
export const MARGIN = { left: 18, right: 18, top: 22, bottom: 20 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const COLORS = {
  text: [33, 37, 41] as [number, number, number],
  muted: [90, 98, 108] as [number, number, number],
  accent: [29, 58, 110] as [number, number, number],
  head: [29, 58, 110] as [number, number, number],
  rule: [200, 205, 212] as [number, number, number],
  draft: [200, 40, 40] as [number, number, number],
  shape: [46, 110, 190] as [number, number, number],
};
export const BODY_SIZE = 9;
const WATERMARK_ANGLE = 55;
const LINE = 1.25;

export interface RenderedReport {
  bytes: Uint8Array;
  pageCount: number;
}

type SectionKey = keyof ReportTexts['sections'];

interface LastTable {
  lastAutoTable?: { finalY: number };
}

const clean = sanitizeForPdf;

/** The page cursor and the text, table and heading primitives; shared with src/report/regional. */
export class Layout {
  readonly doc: jsPDF;
  y = MARGIN.top;
  readonly sectionPages = new Map<SectionKey, number>();

  constructor(
    readonly t: ReportTexts,
    readonly language: Language,
    fonts: ReportFonts,
  ) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
    this.doc.addFileToVFS(FONT_FILES.regular, fonts.regular);
    this.doc.addFont(FONT_FILES.regular, FONT_FAMILY, 'normal');
    this.doc.addFileToVFS(FONT_FILES.bold, fonts.bold);
    this.doc.addFont(FONT_FILES.bold, FONT_FAMILY, 'bold');
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

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` millimetres still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  lineHeight(size: number): number {
    return (size * LINE * 25.4) / 72;
  }

  section(key: SectionKey, options: { newPage?: boolean } = {}): void {
    if (options.newPage) this.newPage();
    else this.ensure(30);
    this.sectionPages.set(key, this.doc.getCurrentPageInfo().pageNumber);
    this.doc.outline.add(null, this.t.sections[key], { pageNumber: this.doc.getCurrentPageInfo().pageNumber });
    this.heading(this.t.sections[key], 1);
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

  paragraph(
    text: string,
    options: { size?: number; bold?: boolean; color?: [number, number, number]; indent?: number } = {},
  ): void {
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
}

// ---------------------------------------------------------------------------------------------------------------

function pct(value: number | undefined, language: Language, none: string): string {
  return value === undefined ? none : formatPercent(value, language);
}

function scoreText(figures: ReportSummaryFigures, language: Language, none: string): string {
  return figures.score === undefined ? none : formatScore(figures.score, language);
}

function cover(
  l: Layout,
  model: ReportModel,
  tocSlots: { key: SectionKey; y: number }[],
  sections: SectionKey[],
): void {
  const { t, language, doc } = l;
  const { meta, completeness } = model;
  const e = meta.establishment;
  l.y = 36;
  l.font('bold', 20, COLORS.accent);
  for (const line of doc.splitTextToSize(t.title, CONTENT_WIDTH) as string[]) {
    l.y += l.lineHeight(20);
    doc.text(line, MARGIN.left, l.y);
  }
  l.y += 4;
  l.font('bold', 15);
  for (const line of doc.splitTextToSize(clean(e.name), CONTENT_WIDTH) as string[]) {
    l.y += l.lineHeight(15);
    doc.text(line, MARGIN.left, l.y);
  }
  l.y += 4;
  const size = [
    e.beds !== undefined ? t.cover.beds(formatNumber(e.beds, language)) : undefined,
    e.staff !== undefined ? t.cover.staff(formatNumber(e.staff, language)) : undefined,
  ].filter((s): s is string => s !== undefined);
  const rows: [string, string][] = [
    [t.cover.finessEj, e.finessEj],
    ...(e.finessEg ? [[t.cover.finessEg, e.finessEg] as [string, string]] : []),
    [t.cover.category, t.categories[e.category]],
    ...(e.ghtName
      ? [[t.cover.ght, e.isGhtSupport ? `${e.ghtName} (${t.cover.ghtSupport})` : e.ghtName] as [string, string]]
      : []),
    ...(size.length > 0 ? [[t.cover.size, size.join(', ')] as [string, string]] : []),
    [t.cover.questionnaire, `${meta.questionnaire.title} — ${meta.questionnaire.id} ${meta.questionnaire.version}`],
    [t.cover.campaign, String(meta.campaignYear)],
    [t.cover.date, formatDate(meta.asOf, language)],
    [t.cover.author, meta.author ?? t.cover.noAuthor],
    [t.cover.sharingLevel, t.sharingLevels[meta.sharingLevel]],
    ...(meta.fingerprint
      ? [[t.fingerprintSource[meta.fingerprint.source], groupHex(meta.fingerprint.value)] as [string, string]]
      : []),
    ...(meta.keyFingerprint ? [[t.cover.keyFingerprint, groupHex(meta.keyFingerprint)] as [string, string]] : []),
  ];
  l.pairs(rows, 9.5, 58);

  l.y += 2;
  l.font('bold', 11, COLORS.accent);
  l.y += l.lineHeight(11);
  doc.text(t.cover.counts, MARGIN.left, l.y);
  l.y += 1;
  l.paragraph(
    t.completeness.counts({
      answers: completeness.answersIncluded,
      applicable: completeness.applicable,
      comments: completeness.commentsIncluded,
      justifications: completeness.justificationsIncluded,
      evidence: completeness.evidenceIncluded,
      actions: completeness.actionsIncluded,
      applications: completeness.applicationsIncluded,
    }),
  );
  l.paragraph(completeness.complete ? t.completeness.complete : t.completeness.incomplete, {
    bold: true,
    color: completeness.complete ? COLORS.text : COLORS.draft,
  });

  l.y += 2;
  l.font('bold', 11, COLORS.accent);
  l.y += l.lineHeight(11);
  doc.text(t.cover.contents, MARGIN.left, l.y);
  l.y += 1;
  l.font('normal', 9.5);
  for (const key of sections) {
    l.y += l.lineHeight(9.5) + 0.6;
    doc.text(t.sections[key], MARGIN.left + 2, l.y);
    tocSlots.push({ key, y: l.y });
  }
}

function completenessSection(l: Layout, model: ReportModel): void {
  const { t } = l;
  const c = model.completeness;
  l.section('completeness', { newPage: true });
  l.paragraph(c.complete ? t.completeness.complete : t.completeness.incomplete, {
    bold: true,
    color: c.complete ? COLORS.text : COLORS.draft,
  });
  l.paragraph(
    t.completeness.counts({
      answers: c.answersIncluded,
      applicable: c.applicable,
      comments: c.commentsIncluded,
      justifications: c.justificationsIncluded,
      evidence: c.evidenceIncluded,
      actions: c.actionsIncluded,
      applications: c.applicationsIncluded,
    }),
  );
  if (c.missing.length === 0) l.paragraph(t.completeness.nothingMissing);
  else
    l.bullets(
      c.missing.map((m) => {
        const label = t.completeness.missing[m.code](m.count);
        return m.itemIds.length > 0
          ? `${label}${l.language === 'fr' ? '\u00a0:' : ':'} ${m.itemIds.join(', ')}`
          : label;
      }),
    );
  if (c.omittedBySharingLevel.length > 0) {
    l.paragraph(t.completeness.omitted, { bold: true });
    l.bullets(c.omittedBySharingLevel.map((o) => t.completeness.omittedContent[o]));
  }
}

function drawRadar(l: Layout, model: ReportModel, x: number, y: number, width: number, height: number): void {
  const { doc } = l;
  const geometry = radarGeometry(
    model.domains.map((d) => d.score),
    { width, height, margin: 17, labelGap: 3 },
  );
  const at = (p: Point): [number, number] => [x + p.x, y + p.y];
  const polygon = (points: Point[], style: 'S' | 'FD') => {
    const first = points[0];
    if (!first) return;
    const deltas = points.slice(1).map((p, i) => {
      const prev = points[i] ?? first;
      return [p.x - prev.x, p.y - prev.y];
    });
    doc.lines(deltas, ...at(first), [1, 1], style, true);
  };
  doc.setLineWidth(0.15);
  doc.setDrawColor(...COLORS.rule);
  for (const ring of geometry.rings) polygon(ring.points, 'S');
  for (const axis of geometry.axes) doc.line(...at(geometry.center), ...at(axis.end));
  if (geometry.axes.length >= 3) {
    doc.setDrawColor(...COLORS.shape);
    doc.setFillColor(196, 216, 240);
    doc.setLineWidth(0.5);
    polygon(geometry.shape, 'FD');
  }
  l.font('normal', 6.5, COLORS.muted);
  for (const ring of geometry.rings) {
    const p = ring.points[0];
    if (p) doc.text(formatPercent(ring.value / 100, l.language, 0), ...at({ x: p.x + 1, y: p.y + 2 }));
  }
  l.font('normal', 7, COLORS.text);
  geometry.axes.forEach((axis, i) => {
    const domain = model.domains[i];
    if (!domain) return;
    const lines = wrapLabel(clean(domain.title), 24);
    const lh = l.lineHeight(7);
    const top =
      axis.baseline === 'bottom'
        ? axis.label.y - lh * (lines.length - 1)
        : axis.baseline === 'middle'
          ? axis.label.y - (lh * (lines.length - 1)) / 2
          : axis.label.y + lh * 0.8;
    const align = axis.align === 'start' ? 'left' : axis.align === 'end' ? 'right' : 'center';
    lines.forEach((line, j) => doc.text(line, ...at({ x: axis.label.x, y: top + j * lh }), { align }));
  });
  l.font('normal', BODY_SIZE);
}

function summarySection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  const s = model.summary;
  const none = t.summary.notEntered;
  l.section('summary', { newPage: true });
  const figures: [string, string][] = [
    [t.summary.overall, scoreText(s.overall, language, t.domains.noScore)],
    [
      t.summary.completeness,
      `${pct(s.overall.completeness, language, none)} — ${t.summary.answered(s.overall.answered, s.overall.applicable)}`,
    ],
    ...(model.gapsKnown
      ? [[t.sections.gaps, t.summary.gapsCount(s.gapCount, s.criticalGapCount)] as [string, string]]
      : []),
    [t.sections.providerQuestions, t.summary.unknownCount(s.overall.unknown)],
  ];
  l.pairs(figures, 9.5, 62);
  if (model.domains.length > 0) {
    l.font('bold', 10, COLORS.accent);
    l.y += l.lineHeight(10);
    l.doc.text(t.summary.radarTitle, MARGIN.left, l.y);
    drawRadar(l, model, MARGIN.left, l.y, CONTENT_WIDTH, 84);
    l.y += 84;
    l.paragraph(t.summary.radarAlt, { size: 7.5, color: COLORS.muted });
  }
  const r = s.ratios;
  const ratioValue = (value: number | undefined, band: string | undefined) =>
    value === undefined
      ? none
      : band
        ? `${formatPercent(value, language, 2)} (${band})`
        : formatPercent(value, language, 2);
  l.table({
    head: [t.summary.ratios + (r.budgetYear !== undefined ? ` — ${r.budgetYear}` : ''), ''],
    widths: [124, 50],
    size: 8.5,
    body: [
      [
        t.summary.itShare(formatPercent(r.itShare.target, language)),
        ratioValue(r.itShare.value, r.itShare.band && t.bands[r.itShare.band]),
      ],
      [
        t.summary.cyberShare(formatPercent(r.cyberShare.target, language)),
        ratioValue(r.cyberShare.value, r.cyberShare.band && t.bands[r.cyberShare.band]),
      ],
      [t.summary.twoFactorShare, r.twoFactorShare === undefined ? none : formatPercent(r.twoFactorShare, language)],
    ].map((row) => row.map(clean)),
  });
  l.table({
    head: [t.summary.firstActions, t.actions.item, t.actions.due],
    widths: [118, 28, 28],
    size: 8,
    body:
      s.firstActions.length === 0
        ? [[t.summary.none, '', '']]
        : s.firstActions.map((a) => [
            clean(a.suggested ? `${a.title} (${t.summary.suggestedFromGap})` : a.title),
            a.itemId ?? '',
            a.dueDate ? formatShortDate(a.dueDate, language) : '',
          ]),
  });
  l.table({
    head: [t.summary.nextDeadlines, t.actions.due, t.actions.status],
    widths: [118, 28, 28],
    size: 8,
    body:
      s.nextDeadlines.length === 0
        ? [[t.summary.none, '', '']]
        : s.nextDeadlines.map((d) => [
            t.deadlines[d.id],
            formatShortDate(d.due, language),
            t.deadlineStatuses[d.status],
          ]),
  });
}

function domainsSection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  l.section('domains', { newPage: true });
  l.table({
    head: [
      t.domains.domain,
      t.domains.score,
      t.domains.answered,
      t.domains.met,
      t.domains.unknown,
      t.domains.notApplicable,
    ],
    widths: [74, 20, 24, 18, 20, 18],
    body: model.domains.map((d) => [
      clean(d.title),
      scoreText(d, language, t.domains.noScore),
      `${d.answered} / ${d.applicable}`,
      d.met === undefined ? '' : String(d.met),
      String(d.unknown),
      String(d.notApplicable),
    ]),
    extra: {
      columnStyles: {
        0: { cellWidth: 74 },
        1: { cellWidth: 20, halign: 'right' },
        2: { cellWidth: 24, halign: 'right' },
        3: { cellWidth: 18, halign: 'right' },
        4: { cellWidth: 20, halign: 'right' },
        5: { cellWidth: 18, halign: 'right' },
      },
    },
  });
}

function gapsSection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  l.section('gaps', { newPage: true });
  if (!model.gapsKnown) {
    l.paragraph(t.completeness.omitted + ' ' + t.completeness.omittedContent.answers);
    return;
  }
  l.paragraph(t.gaps.intro);
  if (model.gaps.length === 0) {
    l.paragraph(t.gaps.none);
    return;
  }
  const colon = language === 'fr' ? '\u00a0:' : ':';
  l.table({
    head: [t.gaps.rank, t.gaps.item, t.gaps.answer, t.gaps.basis, t.gaps.due, t.gaps.evidence],
    widths: [9, 70, 22, 24, 20, 29],
    size: 7.5,
    body: model.gaps.map((g) => [
      String(g.rank),
      clean(
        [
          `${g.itemId} — ${g.domainTitle}`,
          g.question,
          ...(g.comment ? [`${t.gaps.comment}${colon} ${g.comment}`] : []),
        ].join('\n'),
      ),
      clean(`${g.answerText}\n${t.weights[g.weight]}`),
      clean(g.reference ? t.gaps.official(g.reference) : t.gaps.inferred),
      g.due
        ? `${formatShortDate(g.due, language)}\n${
            g.daysLeft !== undefined && g.daysLeft < 0
              ? t.gaps.overdueBy(-g.daysLeft)
              : g.daysLeft !== undefined
                ? t.gaps.inDays(g.daysLeft)
                : ''
          }`
        : t.urgencies.none,
      clean(g.evidenceExpected),
    ]),
  });
}

function actionsSection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  const a = model.actions;
  l.section('actions', { newPage: true });
  if (!a.known) {
    l.paragraph(`${t.completeness.omitted} ${t.completeness.omittedContent.actions}`);
    return;
  }
  if (a.lines.length === 0) {
    l.paragraph(t.actions.none);
    return;
  }
  const colon = language === 'fr' ? '\u00a0:' : ':';
  l.table({
    head: [t.actions.title, t.actions.item, t.actions.status, t.actions.owner, t.actions.due, t.actions.cost],
    widths: [70, 22, 20, 24, 19, 19],
    size: 7.5,
    body: a.lines.map((line) => [
      clean(
        [line.title, ...(line.description ? [`${t.actions.description}${colon} ${line.description}`] : [])].join('\n'),
      ),
      line.itemId ?? '',
      t.actionStatuses[line.status] + (line.overdue ? `\n${t.actions.overdue}` : ''),
      clean(line.owner ?? ''),
      line.dueDate ? formatShortDate(line.dueDate, language) : '',
      line.estimatedCost !== undefined ? formatEuros(line.estimatedCost, language) : '',
    ]),
  });
  l.paragraph(t.actions.openCost(formatEuros(a.openCost, language), a.openWithoutEstimate));
  if (a.costShareOfGap !== undefined && a.cyberGap !== undefined)
    l.paragraph(t.actions.againstGap(formatPercent(a.costShareOfGap, language, 0), formatEuros(a.cyberGap, language)));
}

function drawTrend(l: Layout, model: ReportModel): void {
  const { doc, language, t } = l;
  const years = model.budget.years;
  if (years.length < 2) return;
  const height = 55;
  l.ensure(height + 14);
  l.font('bold', 10, COLORS.accent);
  l.y += l.lineHeight(10);
  doc.text(t.budget.trend, MARGIN.left, l.y);
  const top = l.y + 4;
  const left = MARGIN.left + 14;
  const width = CONTENT_WIDTH - 60;
  const series = [
    {
      name: t.budget.itShare,
      color: COLORS.shape,
      values: years.map((y) => y.ratios.itShareOfOperating.value),
      target: model.budget.targets.itShare,
    },
    {
      name: t.budget.cyberShare,
      color: [200, 110, 30] as [number, number, number],
      values: years.map((y) => y.ratios.cyberShareOfIt.value),
      target: model.budget.targets.cyberShare,
    },
  ];
  const max = Math.max(...series.flatMap((s) => [s.target, ...s.values.map((v) => v ?? 0)])) * 1.15;
  const xOf = (i: number) => left + (years.length === 1 ? width / 2 : (i / (years.length - 1)) * width);
  const yOf = (v: number) => top + height - (v / max) * height;
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.15);
  doc.line(left, top + height, left + width, top + height);
  doc.line(left, top, left, top + height);
  l.font('normal', 7, COLORS.muted);
  for (const f of [0, 0.25, 0.5, 0.75, 1]) {
    doc.text(formatPercent(f * max, language, 1), left - 1.5, yOf(f * max) + 1, { align: 'right' });
  }
  years.forEach((y, i) => doc.text(String(y.year), xOf(i), top + height + 4, { align: 'center' }));
  series.forEach((s, k) => {
    doc.setDrawColor(...s.color);
    doc.setLineDashPattern([1, 1], 0);
    doc.setLineWidth(0.3);
    doc.line(left, yOf(s.target), left + width, yOf(s.target));
    doc.setLineDashPattern([], 0);
    doc.setLineWidth(0.6);
    let previous: [number, number] | undefined;
    s.values.forEach((v, i) => {
      if (v === undefined) {
        previous = undefined;
        return;
      }
      const point: [number, number] = [xOf(i), yOf(v)];
      if (previous) doc.line(...previous, ...point);
      doc.setFillColor(...s.color);
      doc.circle(...point, 0.8, 'F');
      previous = point;
    });
    l.font('normal', 7.5, s.color);
    doc.text(s.name, left + width + 4, top + 6 + k * 6);
  });
  l.y = top + height + 8;
  l.paragraph(t.budget.trendAlt, { size: 7.5, color: COLORS.muted });
}

function budgetSection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  const b = model.budget;
  l.section('budget', { newPage: true });
  if (b.years.length === 0) {
    l.paragraph(t.budget.none);
    return;
  }
  l.paragraph(
    t.budget.targets(formatPercent(b.targets.itShare, language), formatPercent(b.targets.cyberShare, language)),
  );
  const ratio = (r: { value: number | undefined; band: string | undefined }) =>
    r.value === undefined
      ? '—'
      : `${formatPercent(r.value, language, 2)}${r.band ? `\n${t.bands[r.band as keyof typeof t.bands]}` : ''}`;
  const euros = (v: number | undefined) => (v === undefined ? '—' : formatEuros(v, language));
  l.table({
    head: [
      t.budget.year,
      t.budget.itShare,
      t.budget.cyberShare,
      t.budget.itShareTotal,
      t.budget.cyberShareNet,
      t.budget.gapIt,
      t.budget.gapCyber,
    ],
    widths: [14, 24, 24, 26, 24, 31, 31],
    size: 7.5,
    body: b.years.map((y) => [
      String(y.year),
      ratio(y.ratios.itShareOfOperating),
      ratio(y.ratios.cyberShareOfIt),
      ratio(y.ratios.itShareTotal),
      ratio(y.ratios.cyberShareNet),
      euros(y.ratios.gapToItTargetEur),
      euros(y.ratios.gapToCyberTargetEur),
    ]),
  });
  drawTrend(l, model);
  const inputs = b.campaignYear?.inputs;
  if (inputs && b.campaignYear) {
    l.heading(`${t.csv.budget.field} — ${b.campaignYear.year}`, 2);
    const fields = Object.keys(t.csv.budgetFields).filter((f) => f in inputs) as (keyof typeof inputs)[];
    l.table({
      head: [t.csv.budget.field, t.csv.budget.value],
      widths: [124, 50],
      size: 8,
      body: fields.map((f) => {
        const v = inputs[f];
        const euro = f !== 'itFte' && f !== 'securityFte' && f !== 'workstations' && f !== 'bedsAndPlaces';
        return [
          t.csv.budgetFields[f] ?? f,
          v === undefined ? '—' : euro ? formatEuros(v, language) : formatNumber(v, language),
        ];
      }),
      extra: { columnStyles: { 0: { cellWidth: 124 }, 1: { cellWidth: 50, halign: 'right' } } },
    });
  }
}

function applicationsSection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  const a = model.applications;
  l.section('applications', { newPage: true });
  if (!a.known) {
    l.paragraph(`${t.completeness.omitted} ${t.completeness.omittedContent.applications}`);
    return;
  }
  l.paragraph(t.applications.intro);
  if (a.lines.length === 0) {
    l.paragraph(t.applications.none);
    return;
  }
  const met = (v: boolean | undefined) =>
    v === undefined ? t.applications.unknown : v ? t.applications.met : t.applications.notMet;
  l.pairs(
    [
      [
        t.applications.compliantApps,
        a.sensitiveCount > 0
          ? t.applications.countOf(
              a.compliantCount,
              a.sensitiveCount,
              formatPercent(a.compliantCount / a.sensitiveCount, language),
            )
          : '—',
      ],
      [
        t.applications.usersShare,
        a.users > 0
          ? t.applications.countOf(
              a.usersWithTwoFactors,
              a.users,
              formatPercent(a.usersWithTwoFactors / a.users, language),
            )
          : '—',
      ],
      [
        t.applications.patientRecordShare,
        a.patientRecordTwoFactorShare === undefined ? '—' : formatPercent(a.patientRecordTwoFactorShare, language),
      ],
      [t.applications.target2027, met(a.target2027Met)],
      [t.applications.target2028, met(a.target2028Met)],
    ],
    8.5,
    95,
  );
  l.table({
    head: [
      t.applications.name,
      t.applications.means,
      t.applications.users,
      t.applications.homologation,
      t.applications.status,
    ],
    widths: [50, 42, 24, 24, 34],
    size: 7.5,
    body: a.lines.map((app) => [
      clean([app.name, t.applicationKinds[app.kind], ...(app.sensitiveReason ? [app.sensitiveReason] : [])].join('\n')),
      clean(app.authentication.map((m) => t.means[m]).join(', ')),
      app.users === undefined
        ? '—'
        : `${formatNumber(app.users, language)}\n${t.applications.twoFactor}${language === 'fr' ? '\u00a0:' : ':'} ${app.usersWithTwoFactors === undefined ? '—' : formatNumber(app.usersWithTwoFactors, language)}`,
      t.homologation[app.homologation] + (app.targetDate ? `\n${formatShortDate(app.targetDate, language)}` : ''),
      [t.applicationStatuses[app.status], ...app.gaps.map((g) => `• ${t.rule2026Gaps[g]}`)].join('\n'),
    ]),
  });
}

function providerSection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  l.section('providerQuestions', { newPage: true });
  if (!model.gapsKnown) {
    l.paragraph(`${t.completeness.omitted} ${t.completeness.omittedContent.answers}`);
    return;
  }
  l.paragraph(t.providerQuestions.intro);
  if (model.providerQuestions.length === 0) {
    l.paragraph(t.providerQuestions.none);
    return;
  }
  const colon = language === 'fr' ? '\u00a0:' : ':';
  for (const group of model.providerQuestions) {
    l.heading(group.domainTitle, 2);
    l.table({
      head: [t.annex.item, t.providerQuestions.question],
      widths: [26, 148],
      size: 8,
      body: group.questions.map((q) => [
        q.itemId,
        clean([q.question, ...(q.comment ? [`${t.providerQuestions.comment}${colon} ${q.comment}`] : [])].join('\n')),
      ]),
    });
  }
}

function annexSection(l: Layout, model: ReportModel): void {
  const { t, language } = l;
  l.section('annex', { newPage: true });
  if (!model.gapsKnown) {
    l.paragraph(`${t.completeness.omitted} ${t.completeness.omittedContent.answers}`);
    return;
  }
  l.paragraph(t.annex.intro);
  const colon = language === 'fr' ? '\u00a0:' : ':';
  for (const group of model.annex) {
    l.heading(group.title, 2);
    l.table({
      head: [t.annex.item, t.annex.answer, t.annex.details],
      widths: [72, 26, 76],
      size: 7.5,
      body: group.entries.map((e): CellInput[] => {
        const details: string[] = [];
        if (e.justification) details.push(`${t.annex.justification}${colon} ${e.justification}`);
        if (e.comment) details.push(`${t.annex.comment}${colon} ${e.comment}`);
        if (e.evidence.length > 0) {
          details.push(`${t.annex.evidence}${colon}`);
          for (const ev of e.evidence)
            details.push(
              `• ${t.annex.evidenceLine(ev.name, ev.documentDate ? formatShortDate(ev.documentDate, language) : t.annex.undated, ev.sha256)}`,
            );
        }
        return [
          clean(
            [`${e.itemId} — ${t.weights[e.weight]}${e.reference ? ` — ${e.reference}` : ''}`, e.question].join('\n'),
          ),
          clean([e.answered ? e.answerText : t.annex.unanswered, ...(e.toReview ? [t.annex.toReview] : [])].join('\n')),
          clean(details.join('\n')),
        ];
      }),
    });
  }
}

function methodSection(l: Layout, model: ReportModel): void {
  const { t } = l;
  l.section('method', { newPage: true });
  for (const p of t.method.paragraphs) l.paragraph(p);
  l.section('sources');
  l.heading(t.sources.questionnaire, 2);
  l.table({
    head: [t.sources.questionnaire, ''],
    widths: [80, 94],
    size: 7.5,
    body: model.sources.map((s) => [clean(s.title), clean(s.reference)]),
  });
  if (model.deadlineSources.length > 0) {
    l.heading(t.sources.deadlines, 2);
    l.table({
      head: [t.actions.due, t.sources.deadlines],
      widths: [70, 104],
      size: 7.5,
      body: model.deadlineSources.map((d) => [t.deadlines[d.id], clean(d.source)]),
    });
  }
}

/** Header, footer and watermark of every page, drawn once the page count is known. */
function finalPass(l: Layout, model: ReportModel, tocSlots: { key: SectionKey; y: number }[]): void {
  const { doc, t } = l;
  const total = doc.getNumberOfPages();
  const draft = !model.completeness.complete;
  const fingerprint = model.meta.fingerprint ? `${t.fingerprint} ${groupHex(model.meta.fingerprint.value, 16)}` : '';
  const establishment = clean(model.meta.establishment.name);
  doc.setPage(1);
  l.font('normal', 9.5);
  for (const slot of tocSlots) {
    const page = l.sectionPages.get(slot.key);
    if (page !== undefined) doc.text(String(page), PAGE.width - MARGIN.right, slot.y, { align: 'right' });
  }
  for (let page = 1; page <= total; page += 1) {
    doc.setPage(page);
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.2);
    doc.line(MARGIN.left, PAGE.height - 13, PAGE.width - MARGIN.right, PAGE.height - 13);
    l.font('normal', 7.5, COLORS.muted);
    const left = doc.splitTextToSize(
      `${establishment}${fingerprint ? ` — ${fingerprint}` : ''}`,
      CONTENT_WIDTH - 30,
    ) as string[];
    doc.text(left[0] ?? '', MARGIN.left, PAGE.height - 9);
    doc.text(t.page(page, total), PAGE.width - MARGIN.right, PAGE.height - 9, { align: 'right' });
    if (page > 1) {
      doc.text(
        `${model.meta.questionnaire.id} ${model.meta.questionnaire.version} — ${t.cover.campaign} ${model.meta.campaignYear}`,
        MARGIN.left,
        12,
      );
    }
    if (draft) {
      l.font('bold', 8, COLORS.draft);
      doc.text(t.draft, PAGE.width - MARGIN.right, 12, { align: 'right' });
      doc.saveGraphicsState();
      // jsPDF's typings declare GState's constructor as taking a GState; it takes the plain options object.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      doc.setGState(new GState({ opacity: 0.09 }));
      // Rotated text turns about its start: start half its length down-left of the page centre.
      l.font('bold', 80, COLORS.draft);
      const half = doc.getTextWidth(t.draft) / 2;
      const angle = (WATERMARK_ANGLE * Math.PI) / 180;
      doc.text(t.draft, PAGE.width / 2 - half * Math.cos(angle), PAGE.height / 2 + half * Math.sin(angle), {
        angle: WATERMARK_ANGLE,
      });
      doc.restoreGraphicsState();
    }
  }
}

const sectionOrder: SectionKey[] = [
  'completeness',
  'summary',
  'domains',
  'gaps',
  'actions',
  'budget',
  'applications',
  'providerQuestions',
  'annex',
  'method',
  'sources',
];

export function renderReportPdf(model: ReportModel, fonts: ReportFonts): RenderedReport {
  const t = reportTexts[model.language];
  const l = new Layout(t, model.language, fonts);
  const { doc } = l;
  doc.setLanguage(model.language === 'fr' ? 'fr-FR' : 'en-GB');
  doc.setDocumentProperties({
    title: clean(
      `${t.title} — ${model.meta.establishment.name} — ${model.meta.questionnaire.title} ${model.meta.campaignYear}`,
    ),
    subject: clean(`${model.meta.questionnaire.id} ${model.meta.questionnaire.version}`),
    author: clean(model.meta.author ?? ''),
    creator: 'Autodiag CaRE',
    keywords: model.meta.fingerprint?.value ?? '',
  });
  doc.setCreationDate(new Date(`${model.meta.asOf}T00:00:00Z`));
  const tocSlots: { key: SectionKey; y: number }[] = [];
  cover(l, model, tocSlots, sectionOrder);
  completenessSection(l, model);
  summarySection(l, model);
  domainsSection(l, model);
  gapsSection(l, model);
  actionsSection(l, model);
  budgetSection(l, model);
  applicationsSection(l, model);
  providerSection(l, model);
  annexSection(l, model);
  methodSection(l, model);
  finalPass(l, model, tocSlots);
  return { bytes: new Uint8Array(doc.output('arraybuffer')), pageCount: doc.getNumberOfPages() };
}
