// Summaries of repeated timings. Percentiles by nearest rank on the sorted samples: with few
// samples p95 is simply the slowest but one (or the slowest), which is what a reader expects.
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** measured / baseline, or NaN when either is missing. */
export function ratio(measured: number, baseline: number): number {
  return Number.isFinite(measured) && Number.isFinite(baseline) && baseline > 0 ? measured / baseline : NaN;
}
