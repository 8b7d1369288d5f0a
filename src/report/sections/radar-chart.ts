import { radarGeometry, wrapLabel, type Point } from '../../domain/charts/radar-geometry';
import type { Layout } from '../pdf/layout';
import { BODY_SIZE, COLORS } from '../pdf/page-geometry';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { formatPercent } from '../../texts/format';
import type { DomainResult } from './domains';

/** The previous campaign's line: dashed and darker, so that it reads apart from this year's shape in grey too. */
const PREVIOUS_COLOR: [number, number, number] = [190, 95, 20];

/**
 * The radar of the domain scores, drawn from the same geometry as the app's SVG (src/domain/charts/radar-geometry.ts);
 * its values are printed in the table of results per domain (peers.md §4 item 17: data tables alongside charts).
 * With `years`, the previous campaign's scores are drawn over it as a dashed line, as on the results screen, and a
 * legend names the two campaigns.
 */
export function drawRadar(
  l: Layout,
  domains: readonly DomainResult[],
  box: { x: number; y: number; width: number; height: number },
  years?: { current: number; previous: number },
): void {
  const { doc } = l;
  const { x, y, width, height } = box;
  const options = { width, height, margin: 17, labelGap: 3 };
  const geometry = radarGeometry(
    domains.map((d) => d.score),
    options,
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
    if (years) {
      const previous = radarGeometry(
        domains.map((d) => d.previous),
        options,
      );
      doc.setDrawColor(...PREVIOUS_COLOR);
      doc.setLineDashPattern([1.2, 0.8], 0);
      doc.setLineWidth(0.45);
      polygon(previous.shape, 'S');
      doc.setLineDashPattern([], 0);
      drawLegend(l, x, y + height - 2, years);
    }
  }
  l.font('normal', 6.5, COLORS.muted);
  for (const ring of geometry.rings) {
    const p = ring.points[0];
    if (p) doc.text(formatPercent(ring.value / 100, l.language, 0), ...at({ x: p.x + 1, y: p.y + 2 }));
  }
  l.font('normal', 7, COLORS.text);
  geometry.axes.forEach((axis, i) => {
    const domain = domains[i];
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

/** The two campaigns at the chart's lower left: a filled swatch for this year, a dashed line for the previous. */
function drawLegend(l: Layout, x: number, bottom: number, years: { current: number; previous: number }): void {
  const { doc, t } = l;
  l.font('normal', 7, COLORS.text);
  doc.setDrawColor(...COLORS.shape);
  doc.setFillColor(196, 216, 240);
  doc.setLineWidth(0.5);
  doc.rect(x, bottom - 7.3, 6, 2.6, 'FD');
  doc.text(t('report.summary.campaign', { year: years.current }), x + 8, bottom - 5);
  doc.setDrawColor(...PREVIOUS_COLOR);
  doc.setLineDashPattern([1.2, 0.8], 0);
  doc.setLineWidth(0.45);
  doc.line(x, bottom - 1, x + 6, bottom - 1);
  doc.setLineDashPattern([], 0);
  doc.text(t('report.summary.campaign', { year: years.previous }), x + 8, bottom);
}
