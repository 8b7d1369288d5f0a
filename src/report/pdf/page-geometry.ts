import type { UserOptions } from 'jspdf-autotable';

/**
 * The page of every report PDF, in millimetres: A4 portrait, its margins, colours and body size. Apart from the
 * layout (layout.ts) so that the sections (src/report/sections) read it without loading jsPDF.
 */
export const PAGE = { width: 210, height: 297 };
export const MARGIN = { left: 18, right: 18, top: 22, bottom: 20 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const COLORS = {
  text: [33, 37, 41] as Color,
  muted: [90, 98, 108] as Color,
  accent: [29, 58, 110] as Color,
  head: [29, 58, 110] as Color,
  rule: [200, 205, 212] as Color,
  draft: [200, 40, 40] as Color,
  shape: [46, 110, 190] as Color,
};
export const BODY_SIZE = 9;
/** Of the « BROUILLON » / "DRAFT" watermark, in degrees. */
export const WATERMARK_ANGLE = 55;
/** Line height as a multiple of the font size. */
export const LINE_SPACING = 1.25;

export type Color = [number, number, number];

/** Column styles of a table: the widths, with the columns from `from` on aligned right (numbers). */
export function numericColumns(widths: readonly number[], from: number): UserOptions['columnStyles'] {
  return Object.fromEntries(
    widths.map((w, i) => [i, i >= from ? { cellWidth: w, halign: 'right' as const } : { cellWidth: w }]),
  );
}
