/**
 * The geometry of a radar chart of domain scores, with no drawing in it: points, rings, axis ends and label anchors.
 *
 * Why a separate, pure module: the same chart has to be drawn by two renderers, the SVG component of the results
 * screen (src/components/radar-chart.tsx) and the PDF report, which also runs from the command line with no DOM
 * (design §6: "one small geometry module with two renderers"). Computing the figures once keeps both drawings
 * identical and lets the geometry be tested without a browser. Coordinates follow SVG and jsPDF alike: x to the
 * right, y downwards, in the renderer's own unit.
 */
export interface Point {
  x: number;
  y: number;
}

export interface RadarAxis {
  /** Angle in radians, 0 pointing up, clockwise. */
  angle: number;
  end: Point;
  /** The value's point on this axis (at the centre when the value is missing). */
  point: Point;
  label: Point;
  /** Horizontal alignment of the label text, away from the chart. */
  align: 'start' | 'middle' | 'end';
  /** Vertical placement of the label: above the point, centred on it or below it. */
  baseline: 'bottom' | 'middle' | 'top';
}

export interface RadarGeometry {
  center: Point;
  radius: number;
  axes: RadarAxis[];
  /** One polygon per ring value (e.g. 25, 50, 75, 100 %). */
  rings: { value: number; points: Point[] }[];
  /** The polygon of the values. */
  shape: Point[];
}

export interface RadarOptions {
  width: number;
  height: number;
  /** Room kept around the chart for the labels. */
  margin: number;
  /** The scale's maximum (100 for percentages). */
  max?: number;
  rings?: readonly number[];
  /** Distance between an axis end and its label. */
  labelGap?: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

function polar(center: Point, radius: number, angle: number): Point {
  return { x: round(center.x + radius * Math.sin(angle)), y: round(center.y - radius * Math.cos(angle)) };
}

/** Values outside the scale are drawn at its edge; a missing value at the centre. */
function clamp(value: number | undefined, max: number): number {
  if (value === undefined || Number.isNaN(value)) return 0;
  return Math.min(max, Math.max(0, value));
}

export function radarGeometry(values: readonly (number | undefined)[], options: RadarOptions): RadarGeometry {
  const max = options.max ?? 100;
  const ringValues = options.rings ?? [25, 50, 75, 100];
  const labelGap = options.labelGap ?? 10;
  const center = { x: options.width / 2, y: options.height / 2 };
  const radius = Math.max(0, Math.min(options.width, options.height) / 2 - options.margin);
  const n = values.length;
  const angles = values.map((_, i) => (2 * Math.PI * i) / n);
  const axes = angles.map((angle, i): RadarAxis => {
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    const align = Math.abs(sin) < 0.2 ? 'middle' : sin > 0 ? 'start' : 'end';
    const baseline = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'bottom' : 'top';
    return {
      angle,
      end: polar(center, radius, angle),
      point: polar(center, (radius * clamp(values[i], max)) / max, angle),
      label: polar(center, radius + labelGap, angle),
      align,
      baseline,
    };
  });
  return {
    center,
    radius,
    axes,
    rings: ringValues.map((value) => ({
      value,
      points: angles.map((angle) => polar(center, (radius * clamp(value, max)) / max, angle)),
    })),
    shape: axes.map((a) => a.point),
  };
}

/** A closed path through the points, in SVG path syntax (jsPDF's lines() takes the same points). */
export function polygonPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  return `${points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')} Z`;
}

/**
 * Splits a label into lines of at most `maxChars` characters at spaces (a word longer than that keeps its line):
 * both renderers print domain titles such as « Postes de travail, détection et réponse » on two or three lines.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
