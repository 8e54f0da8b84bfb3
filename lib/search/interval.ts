/**
 * The histogram's bar width: one of a fixed ladder of round intervals, chosen so a range shows
 * about 50–60 bars (Kibana aims at 50, HyperDX caps at 60), never more than the bucket limit.
 */
import { SEARCH_LIMITS } from '@/lib/schema/search';

export interface HistogramInterval {
  /** Elasticsearch `fixed_interval` syntax, also shown to users: `30s`, `5m`, `1d`. */
  label: string;
  ms: number;
}

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** Beyond 30d the ladder keeps going in fixed days so a multi-year range still fits the cap. */
export const HISTOGRAM_INTERVALS: readonly HistogramInterval[] = [
  { label: '1s', ms: S },
  { label: '5s', ms: 5 * S },
  { label: '10s', ms: 10 * S },
  { label: '30s', ms: 30 * S },
  { label: '1m', ms: M },
  { label: '5m', ms: 5 * M },
  { label: '10m', ms: 10 * M },
  { label: '30m', ms: 30 * M },
  { label: '1h', ms: H },
  { label: '3h', ms: 3 * H },
  { label: '12h', ms: 12 * H },
  { label: '1d', ms: D },
  { label: '7d', ms: 7 * D },
  { label: '30d', ms: 30 * D },
  { label: '90d', ms: 90 * D },
  { label: '365d', ms: 365 * D },
];

export const TARGET_BARS = 55;

/**
 * Buckets that `fixed_interval` produces for [from, to]: keys are aligned to the epoch, so a
 * range that starts mid-bucket still gets that whole first bucket.
 */
export function bucketCount(from: number, to: number, intervalMs: number): number {
  return Math.floor(to / intervalMs) - Math.floor(from / intervalMs) + 1;
}

/**
 * The ladder step whose bar count is closest to the target on a log scale (so 36 and 84 bars
 * are equally far from 55), then moved up the ladder while it would exceed `maxBuckets`.
 * Returns null when even the widest step exceeds it: the caller rejects such a range.
 */
export function chooseHistogramInterval(
  from: number,
  to: number,
  maxBuckets: number = SEARCH_LIMITS.maxHistogramBuckets,
): HistogramInterval | null {
  const span = Math.max(to - from + 1, 1);
  let best = 0;
  let bestDistance = Infinity;
  HISTOGRAM_INTERVALS.forEach((step, i) => {
    const distance = Math.abs(Math.log(span / step.ms / TARGET_BARS));
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  for (let i = best; i < HISTOGRAM_INTERVALS.length; i++) {
    const step = HISTOGRAM_INTERVALS[i];
    if (step && bucketCount(from, to, step.ms) <= maxBuckets) return step;
  }
  return null;
}
