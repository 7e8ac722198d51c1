// Percentiles as flow metrics read them: "85% of stories finished in 9 days or less" must be true of the
// data, so the nearest-rank method (the smallest value at least p% of the values do not exceed), never an
// interpolated value nobody saw.

/** The 50th, 85th and 95th percentiles of some values, and how many values there were. */
export interface Percentiles {
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly count: number;
}

/** Returns the nearest-rank percentile `p` (0–100) of values sorted ascending, or undefined when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Returns the 50/85/95th percentiles of `values` (in any order), or undefined when there are none. */
export function percentilesOf(values: readonly number[]): Percentiles | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50)!, p85: percentile(sorted, 85)!, p95: percentile(sorted, 95)!, count: sorted.length };
}

/** Returns the share (0–1) of values sorted ascending that are below `v`. */
export function shareBelow(sorted: readonly number[], v: number): number {
  if (sorted.length === 0) return 0;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}
