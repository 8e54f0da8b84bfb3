/**
 * The histogram's bar width: a ladder of round intervals, chosen so that every range from one
 * minute to 30 years gets between 30 and 100 bars (ranges under 30 s keep 1 s bars). Consecutive
 * steps are at most 3× apart, so the step nearest 55 bars on a log scale always lies within
 * [55/√3, 55·√3] ≈ [32, 95] nominal bars, leaving room for the partial first and last bars and
 * for months of 28–31 days.
 *
 * Below a day the engine gets a `fixed_interval`; from a day up a `calendar_interval` (days of
 * 23 and 25 hours, weeks from Monday, months, quarters, years) in the viewer's zone. Steps the
 * engine has no calendar unit for (3 days, 2 weeks, half-years) are merged from calendar buckets
 * (see histogram.ts), so they stay calendar-aligned too.
 */
import { SEARCH_LIMITS } from '@/lib/schema/search';

export type CalendarUnit = 'd' | 'w' | 'M' | 'q' | 'y';

export interface HistogramInterval {
  /** What users see ("per 30m") and what the API returns: `30s`, `5m`, `1d`, `2w`, `1M`, `6M`, `1y`. */
  label: string;
  /** Nominal width in ms (a month is 30.44 days); exact for fixed steps. */
  ms: number;
  /** What the engine is asked for: a fixed interval, or a calendar unit. */
  engine: { fixed: string } | { calendar: CalendarUnit };
  /** Engine buckets per bar, for steps merged from a calendar unit. */
  merge?: number;
}

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const YEAR = 365.2425 * D;

const fixed = (label: string, ms: number): HistogramInterval => ({ label, ms, engine: { fixed: label } });
const calendar = (label: string, ms: number, unit: CalendarUnit, merge?: number): HistogramInterval => ({
  label,
  ms,
  engine: { calendar: unit },
  ...(merge ? { merge } : {}),
});

export const HISTOGRAM_INTERVALS: readonly HistogramInterval[] = [
  fixed('1s', S),
  fixed('2s', 2 * S),
  fixed('5s', 5 * S),
  fixed('10s', 10 * S),
  fixed('30s', 30 * S),
  fixed('1m', M),
  fixed('2m', 2 * M),
  fixed('5m', 5 * M),
  fixed('10m', 10 * M),
  fixed('30m', 30 * M),
  fixed('1h', H),
  fixed('3h', 3 * H),
  fixed('6h', 6 * H),
  fixed('12h', 12 * H),
  calendar('1d', D, 'd'),
  calendar('3d', 3 * D, 'd', 3),
  calendar('1w', 7 * D, 'w'),
  calendar('2w', 14 * D, 'w', 2),
  calendar('1M', YEAR / 12, 'M'),
  calendar('1q', YEAR / 4, 'q'),
  calendar('6M', YEAR / 2, 'q', 2),
  calendar('1y', YEAR, 'y'),
];

export const TARGET_BARS = 55;
/** The readable band every span from a minute to 30 years is drawn in. */
export const MIN_BARS = 30;
export const MAX_BARS = 100;

/** Bars a step gives for an inclusive range, at most: the nominal count plus the two partial ends. */
export function maxBarCount(from: number, to: number, interval: HistogramInterval): number {
  return Math.ceil((to - from + 1) / interval.ms) + 1;
}

/** Buckets the engine builds for it (merged steps ask for `merge` times as many). */
export function engineBucketCount(from: number, to: number, interval: HistogramInterval): number {
  // Calendar months and years are up to 3% longer or shorter than nominal.
  const slack = 'calendar' in interval.engine ? 1.04 : 1;
  return Math.ceil(((to - from + 1) / interval.ms) * slack * (interval.merge ?? 1)) + 2;
}

/**
 * The ladder step whose nominal bar count is closest to the target on a log scale (so 32 and 95
 * bars are equally far from 55), moved up the ladder while the bars or the engine's buckets
 * would exceed their caps. Returns null when even the widest step exceeds them: the caller
 * rejects such a range.
 */
export function chooseHistogramInterval(
  from: number,
  to: number,
  caps: { maxBars: number; maxEngineBuckets: number } = {
    maxBars: SEARCH_LIMITS.maxHistogramBuckets,
    maxEngineBuckets: SEARCH_LIMITS.maxEngineHistogramBuckets,
  },
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
    if (step && maxBarCount(from, to, step) <= caps.maxBars && engineBucketCount(from, to, step) <= caps.maxEngineBuckets) return step;
  }
  return null;
}
