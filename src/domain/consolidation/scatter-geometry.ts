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
  xMax: number;
  yMax: number;
  xTicks: Tick[];
  yTicks: Tick[];
  points: PlacedPoint[];
  /** Where the target lines cross the axes, when within the plot. */
  targetX: number | undefined;
  targetY: number | undefined;
}

/** Round steps for shares: 0.25 % up to 20 %. */
const steps = [0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2];

/** An axis from 0 to a round value above every point and the target, with at most `maxTicks` + 1 ticks. */
export function niceAxis(
  values: readonly number[],
  target: number | undefined,
  maxTicks = 5,
): { max: number; step: number } {
  const top = Math.max(0, ...values.filter(Number.isFinite), (target ?? 0) * 1.25);
  const wanted = top > 0 ? top : 0.01;
  const step = steps.find((s) => wanted / s <= maxTicks) ?? Math.ceil(wanted / maxTicks / 0.2) * 0.2;
  return { max: Math.max(step, Math.ceil(wanted / step - 1e-9) * step), step };
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
  const xOf = (v: number) => plot.left + (Math.min(v, xAxis.max) / xAxis.max) * (plot.right - plot.left);
  const yOf = (v: number) => plot.bottom - (Math.min(v, yAxis.max) / yAxis.max) * (plot.bottom - plot.top);
  const ticks = (axis: { max: number; step: number }, at: (v: number) => number): Tick[] => {
    const out: Tick[] = [];
    for (let i = 0; i * axis.step <= axis.max + 1e-9; i += 1) {
      const value = Math.round(i * axis.step * 1e6) / 1e6;
      out.push({ value, at: at(value) });
    }
    return out;
  };
  return {
    plot,
    xMax: xAxis.max,
    yMax: yAxis.max,
    xTicks: ticks(xAxis, xOf),
    yTicks: ticks(yAxis, yOf),
    points: points.map((p) => ({ ...p, x: xOf(Math.max(0, p.itShare)), y: yOf(Math.max(0, p.cyberShare)) })),
    targetX: targets && targets.itShare <= xAxis.max ? xOf(targets.itShare) : undefined,
    targetY: targets && targets.cyberShare <= yAxis.max ? yOf(targets.cyberShare) : undefined,
  };
}
