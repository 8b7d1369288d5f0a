/**
 * Medians and quartiles of a set of scores, for the auditor's distributions and the benchmarks.
 *
 * Method: Hyndman & Fan (1996) definition 7, the linear interpolation between order statistics that R's
 * `quantile()` uses by default, as do NumPy's `percentile()` and the spreadsheet functions QUARTILE.INC / CENTILE.INC
 * of Excel and LibreOffice. For n sorted values x₀ ≤ … ≤ xₙ₋₁ and a probability p, with h = (n − 1)·p:
 *
 *   Q(p) = x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋₊₁ − x⌊h⌋)
 *
 * so Q(0) is the minimum, Q(1) the maximum, the median of an even count is the mean of the two middle values, and an
 * auditor can check every figure in a spreadsheet with QUARTILE.INC. It is monotone in p, hence q1 ≤ median ≤ q3,
 * all within [min, max] (tested as a property).
 * Reference: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American Statistician 50(4), 1996.
 */

/** The quantile of probability p (0 to 1) of values sorted in ascending order; undefined when there is none. */
export function quantileOfSorted(sorted: readonly number[], p: number): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const low = Math.floor(h);
  const lower = sorted[low] ?? 0;
  const upper = sorted[Math.min(n - 1, low + 1)] ?? lower;
  // Written as a blend rather than lower + f·(upper − lower) so that equal neighbours give exactly that value.
  const f = h - low;
  return f === 0 ? lower : lower * (1 - f) + upper * f;
}

export interface Distribution {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Count, minimum, quartiles and maximum of some values (undefined and non-finite values are left out). */
export function describeDistribution(values: Iterable<number | undefined>): Distribution | undefined {
  const sorted: number[] = [];
  for (const v of values) if (v !== undefined && Number.isFinite(v)) sorted.push(v);
  if (sorted.length === 0) return undefined;
  sorted.sort((a, b) => a - b);
  const at = (p: number) => quantileOfSorted(sorted, p) ?? 0;
  // The interpolation can drift by one unit in the last place; clamping keeps q1 ≤ median ≤ q3 within [min, max].
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const q1 = clamp(at(0.25));
  const median = Math.max(q1, clamp(at(0.5)));
  const q3 = Math.max(median, clamp(at(0.75)));
  return { count: sorted.length, min, q1, median, q3, max };
}
