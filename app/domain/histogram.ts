/**
 * Percentiles of a histogram (value → how often), as PostgreSQL's percentile_cont computes them over the
 * expanded values: the statistics page reads days to answer as counts per day from the summary table
 * (statistics_counts) instead of one row per inquiry.
 */
export interface HistogramBin {
  value: number;
  count: number;
}

/**
 * The continuous percentile (0 ≤ fraction ≤ 1) of the values the bins stand for, interpolating linearly between
 * the two nearest values like percentile_cont; null when there are none. Bins need not be sorted or merged.
 */
export function percentileCont(bins: readonly HistogramBin[], fraction: number): number | null {
  if (fraction < 0 || fraction > 1) throw new RangeError(`fraction ${fraction} is outside 0–1`);
  const sorted = bins.filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const valueAt = (index: number) => {
    let seen = 0;
    for (const bin of sorted) {
      seen += bin.count;
      if (index < seen) return bin.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  const low = valueAt(lower);
  const high = upper === lower ? low : valueAt(upper);
  return low + (position - lower) * (high - low);
}
