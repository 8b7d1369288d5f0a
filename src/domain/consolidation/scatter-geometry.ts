import type { ScatterPoint } from './regional-views';

/**
 * Geometry of the budget scatter (IT share of operating charges on x, cybersecurity share of IT on y), kept apart
 * from any renderer so that the app's SVG and a PDF drawn from the command line place every point the same way
 * (the pattern of charts/radar-geometry.ts).
 */

export interface ScatterBox {
  width: number;
  height: number;
  /** Space for the axes' labels: left, right, top, bottom. */
  margin: { left: number; right: number; top: number; bottom: number };
}

export interface Tick {
  value: number;
  /** Position along its axis, in the box's coordinates. */
  at: number;
}

export interface PlacedPoint extends ScatterPoint {
  x: number;
  y: number;
}

export interface ScatterGeometry {
  plot: { left: number; top: number; right: number; bottom: number };
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Decimals a tick label needs to show its value exactly, in percent (a 0.5 % step needs one). */
  xTickDecimals: number;
  yTickDecimals: number;
  points: PlacedPoint[];
  /** Where the target lines cross the axes, when within the plot. */
  targetX: number | undefined;
  targetY: number | undefined;
}

export interface NiceAxis {
  min: number;
  max: number;
  step: number;
}

/** The smallest step of 1, 2 or 5 times a power of ten that is at least `raw` (ticks a reader can add up). */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * magnitude;
  return Number(step.toPrecision(12));
}

/**
 * An axis on nice bounds and steps (1, 2 or 5 × 10ⁿ: never an odd 2.5 % step whose 12.5 % tick would print as
 * « 13 % », issue 16) around every point and the target, with at most `maxTicks` steps. It starts at 0 only when the
 * data come near it (the lowest value within half the data's spread of 0): otherwise half the plot would be empty.
 */
export function niceAxis(values: readonly number[], target: number | undefined, maxTicks = 5): NiceAxis {
  const all = [...values, ...(target === undefined ? [] : [target])].filter(Number.isFinite).map((v) => Math.max(0, v));
  const high = all.length > 0 ? Math.max(...all) : 0;
  const low = all.length > 0 ? Math.min(...all) : 0;
  if (high <= 0) return { min: 0, max: 0.01, step: 0.002 };
  // A single value, or values bunched together, are shown from 0 rather than magnified.
  const fromZero = low <= (high - low) / 2 || high - low < high * 0.2;
  const start = fromZero ? 0 : low;
  const spread = Math.max(high - start, high * 0.05);
  let step = niceStep(spread / maxTicks);
  let min = fromZero ? 0 : Math.floor(start / step + 1e-9) * step;
  let max = Math.ceil(high / step - 1e-9) * step;
  // Rounding the bounds outwards can need one step more than allowed: take the next nice step then.
  while ((max - min) / step > maxTicks + 1e-9) {
    step = niceStep(step * 1.01);
    min = fromZero ? 0 : Math.floor(start / step + 1e-9) * step;
    max = Math.ceil(high / step - 1e-9) * step;
  }
  const clean = (v: number) => Number(v.toPrecision(12));
  return { min: clean(min), max: clean(Math.max(max, min + step)), step };
}

/** Decimals of a percentage label for ticks `step` apart (a share: 0.005 is 0.5 %, one decimal). */
export function tickDecimals(step: number): number {
  const percentStep = Number((step * 100).toPrecision(12));
  let decimals = 0;
  while (decimals < 4 && Math.abs(Math.round(percentStep * 10 ** decimals) - percentStep * 10 ** decimals) > 1e-6) {
    decimals += 1;
  }
  return decimals;
}

export function scatterGeometry(
  points: readonly ScatterPoint[],
  box: ScatterBox,
  targets?: { itShare: number; cyberShare: number },
): ScatterGeometry {
  const plot = {
    left: box.margin.left,
    top: box.margin.top,
    right: box.width - box.margin.right,
    bottom: box.height - box.margin.bottom,
  };
  const xAxis = niceAxis(
    points.map((p) => p.itShare),
    targets?.itShare,
  );
  const yAxis = niceAxis(
    points.map((p) => p.cyberShare),
    targets?.cyberShare,
  );
  const within = (v: number, axis: NiceAxis) =>
    (Math.min(Math.max(v, axis.min), axis.max) - axis.min) / (axis.max - axis.min);
  const xOf = (v: number) => plot.left + within(v, xAxis) * (plot.right - plot.left);
  const yOf = (v: number) => plot.bottom - within(v, yAxis) * (plot.bottom - plot.top);
  const ticks = (axis: NiceAxis, at: (v: number) => number): Tick[] => {
    const out: Tick[] = [];
    for (let i = 0; axis.min + i * axis.step <= axis.max + 1e-9; i += 1) {
      const value = Number((axis.min + i * axis.step).toPrecision(12));
      out.push({ value, at: at(value) });
    }
    return out;
  };
  const inside = (v: number, axis: NiceAxis) => v >= axis.min && v <= axis.max;
  return {
    plot,
    xMin: xAxis.min,
    xMax: xAxis.max,
    yMin: yAxis.min,
    yMax: yAxis.max,
    xTicks: ticks(xAxis, xOf),
    yTicks: ticks(yAxis, yOf),
    xTickDecimals: tickDecimals(xAxis.step),
    yTickDecimals: tickDecimals(yAxis.step),
    points: points.map((p) => ({ ...p, x: xOf(p.itShare), y: yOf(p.cyberShare) })),
    targetX: targets && inside(targets.itShare, xAxis) ? xOf(targets.itShare) : undefined,
    targetY: targets && inside(targets.cyberShare, yAxis) ? yOf(targets.cyberShare) : undefined,
  };
}
