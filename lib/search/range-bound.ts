/**
 * How many lines a time range holds at most, remembered for a minute: what the facets part needs
 * to know before it may skip counting its matches (lib/search/facet-sample.ts decides sampling).
 * Pure apart from the clock handed in.
 *
 * The count is of a *bounding* range: the asked range rounded out to whole steps (UTC), so the
 * very same count serves every range inside it — a reload, an auto-refresh (`now` moved on), a
 * new query or filter over the same time (the range alone does not depend on them). Its request
 * body is the same for all of those too, so the engine's request cache answers it as well.
 *
 * Only ever used as an upper bound, and only to *skip* counting: at or under the threshold the
 * facets are exact without counting the query's matches. A remembered count that has gone stale
 * (lines arrived since) can only be too low, so the worst it does is keep facets exact over a
 * range that has just passed the threshold — slower, never approximate. Sampling is decided by
 * a fresh count of the matches, never by this.
 */
import { ExpiringMap } from '@/lib/search/expiring-map';

/**
 * Steps a bounding range is rounded to: the first at least 1/50 of the span, else a day. Each
 * edge moves out by less than one step (24 h: 1 h steps; 7 days: 6 h steps).
 */
export const BOUND_STEPS_MS = [60_000, 5 * 60_000, 15 * 60_000, 3_600_000, 6 * 3_600_000, 86_400_000] as const;
const SPAN_PARTS = 50;

/** A range with inclusive epoch-ms ends. */
export interface EpochRange {
  from: number;
  to: number;
}

/** The range rounded out to whole steps (inclusive ends), holding `range`. */
export function boundingRange(range: EpochRange): EpochRange {
  const span = range.to - range.from;
  const step = BOUND_STEPS_MS.find((s) => s * SPAN_PARTS >= span) ?? BOUND_STEPS_MS[BOUND_STEPS_MS.length - 1]!;
  return { from: Math.floor(range.from / step) * step, to: (Math.floor(range.to / step) + 1) * step - 1 };
}

export const RANGE_COUNT_TTL_MS = 60_000;
const MAX_ENTRIES = 512;

/** Remembered counts of bounding ranges, per index pattern; the oldest go first past MAX_ENTRIES. */
export class RangeCountCache {
  private readonly counts: ExpiringMap<number>;

  constructor(ttlMs = RANGE_COUNT_TTL_MS) {
    this.counts = new ExpiringMap(ttlMs, MAX_ENTRIES);
  }

  /** The key a count of `boundingRange(range)` is kept under. */
  static key(index: string, range: EpochRange): string {
    const bound = boundingRange(range);
    return `${index}\u0000${bound.from}\u0000${bound.to}`;
  }

  /** The count remembered for `index` (or any scope) near `range`, if counted within the TTL. */
  upperBound(index: string, range: EpochRange, now: number): number | undefined {
    return this.counts.get(RangeCountCache.key(index, range), now);
  }

  /** Remember `count`, the lines of `index` in `boundingRange(range)`. */
  remember(index: string, range: EpochRange, count: number, now: number): void {
    this.counts.set(RangeCountCache.key(index, range), count, now);
  }

  clear(): void {
    this.counts.clear();
  }
}
