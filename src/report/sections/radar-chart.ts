import { radarGeometry, wrapLabel, type Point } from '../../domain/charts/radar-geometry';
import type { Layout } from '../pdf/layout';
import { BODY_SIZE, COLORS } from '../pdf/page-geometry';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { formatPercent } from '../../texts/format';
import type { DomainResult } from './domains';

/**
 * The radar of the domain scores, drawn from the same geometry as the app's SVG (src/domain/charts/radar-geometry.ts);
 * its values are printed in the table of results per domain (peers.md §4 item 17: data tables alongside charts).
 */
export function drawRadar(
  l: Layout,
  domains: readonly DomainResult[],
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const { doc } = l;
  const geometry = radarGeometry(
    domains.map((d) => d.score),
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
