import type { BudgetTargets, BudgetTrendPoint } from './budget-ratios';

/**
 * Geometry of the budget trend chart (years × IT share and cyber share, with the two targets), kept apart from any
 * renderer so that the screen (SVG) and the printed report can draw the same chart from the same numbers.
 */

export type TrendSeriesName = 'itShareOfOperating' | 'cyberShareOfIt';
export const trendSeries: readonly TrendSeriesName[] = ['itShareOfOperating', 'cyberShareOfIt'];

export interface TrendChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface TrendChartLayout {
  box: TrendChartBox;
  yMax: number;
  yTicks: { value: number; y: number }[];
  xTicks: { year: number; x: number }[];
  series: { name: TrendSeriesName; points: { year: number; value: number; x: number; y: number }[] }[];
  targets: { name: TrendSeriesName; value: number; y: number }[];
}

export const defaultTrendBox: TrendChartBox = {
  width: 640,
  height: 280,
  margin: { top: 16, right: 96, bottom: 36, left: 56 },
};

const steps = [0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25];

/** A round step giving at most five intervals up to the highest value, and that many intervals' top. */
function niceScale(max: number): { step: number; top: number } {
  const wanted = Math.max(max * 1.1, 0.01);
  const step = steps.find((s) => wanted / s <= 5) ?? 0.25;
  return { step, top: Math.min(1, Math.ceil(wanted / step - 1e-9) * step) };
}

export function layoutTrendChart(
  points: readonly BudgetTrendPoint[],
  targets: BudgetTargets,
  box: TrendChartBox = defaultTrendBox,
): TrendChartLayout {
  const plotWidth = box.width - box.margin.left - box.margin.right;
  const plotHeight = box.height - box.margin.top - box.margin.bottom;
  const years = points.map((p) => p.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const x = (year: number) =>
    box.margin.left + (last === first ? plotWidth / 2 : ((year - first) / (last - first)) * plotWidth);
  const values = points.flatMap((p) => trendSeries.map((s) => p.ratios[s].value ?? 0));
  const { step, top } = niceScale(Math.max(targets.itShare, targets.cyberShare, ...values));
  const y = (value: number) => box.margin.top + plotHeight - (Math.min(value, top) / top) * plotHeight;
  const yTicks: { value: number; y: number }[] = [];
  for (let i = 0; i * step <= top + 1e-9; i += 1) {
    const value = Math.round(i * step * 10000) / 10000;
    yTicks.push({ value, y: y(value) });
  }
  return {
    box,
    yMax: top,
    yTicks,
    xTicks: points.map((p) => ({ year: p.year, x: x(p.year) })),
    series: trendSeries.map((name) => ({
      name,
      points: points.flatMap((p) => {
        const value = p.ratios[name].value;
        return value === undefined ? [] : [{ year: p.year, value, x: x(p.year), y: y(value) }];
      }),
    })),
    targets: [
      { name: 'itShareOfOperating', value: targets.itShare, y: y(targets.itShare) },
      { name: 'cyberShareOfIt', value: targets.cyberShare, y: y(targets.cyberShare) },
    ],
  };
}
