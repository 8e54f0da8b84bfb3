import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUND_STEPS_MS, boundingRange, RangeCountCache, RANGE_COUNT_TTL_MS } from '@/lib/search/range-bound';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// Any range from a millisecond to ten years, anywhere from 1970 to 2100, ends at odd instants.
const anyRange = fc
  .tuple(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 0, max: 10 * 365 * DAY }))
  .map(([from, span]) => ({ from, to: from + span }));

describe('boundingRange', () => {
  it('holds the range, on whole steps, each edge moved out by less than one step of about a fiftieth of the span', () => {
    fc.assert(
      fc.property(anyRange, (range) => {
        const bound = boundingRange(range);
        const aligned = BOUND_STEPS_MS.filter((s) => bound.from % s === 0 && (bound.to + 1) % s === 0);
        const step = Math.max(...aligned);
        expect(aligned.length).toBeGreaterThan(0);
        expect(bound.from).toBeLessThanOrEqual(range.from);
        expect(bound.to).toBeGreaterThanOrEqual(range.to);
        expect(range.from - bound.from).toBeLessThan(step);
        expect(bound.to - range.to).toBeLessThan(step);
        // Never coarser than needed: the ladder's steps are at most 6 apart, capped at a day.
        const span = range.to - range.from;
        const widest = Math.max(MIN, Math.min(DAY, (6 * span) / 50));
        expect(range.from - bound.from).toBeLessThan(widest);
        expect(bound.to - range.to).toBeLessThan(widest);
      }),
    );
  });

  it('takes a step whose fifty make the span exactly (50 minutes: 1-minute edges, not 5)', () => {
    // 10:02:30 to 10:52:30 UTC on 1 January 1970 is exactly 50 × 1 minute.
    const from = 10 * HOUR + 2 * MIN + 30_000;
    expect(boundingRange({ from, to: from + 50 * MIN })).toEqual({ from: 10 * HOUR + 2 * MIN, to: 10 * HOUR + 53 * MIN - 1 });
  });

  it('rounds a day to hours and a week to six hours, in UTC', () => {
    // 2026-10-31T23:59:59.000Z back 24 h, as the 10M bench set's "last 24 hours" a second early.
    const end = Date.UTC(2026, 9, 31, 23, 59, 59);
    expect(boundingRange({ from: end - DAY, to: end })).toEqual({ from: Date.UTC(2026, 9, 30, 23), to: Date.UTC(2026, 10, 1) - 1 });
    expect(boundingRange({ from: end - 7 * DAY, to: end })).toEqual({ from: Date.UTC(2026, 9, 24, 18), to: Date.UTC(2026, 10, 1) - 1 });
    // Fifteen minutes: one-minute steps; an inclusive end exactly on a step stays inside it.
    expect(boundingRange({ from: Date.UTC(2026, 0, 1, 10, 0, 30), to: Date.UTC(2026, 0, 1, 10, 15) })).toEqual({
      from: Date.UTC(2026, 0, 1, 10),
      to: Date.UTC(2026, 0, 1, 10, 16) - 1,
    });
    // Past 50 days, whole days.
    expect(boundingRange({ from: Date.UTC(2026, 0, 1, 5), to: Date.UTC(2026, 5, 1, 5) })).toEqual({
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2026, 5, 2) - 1,
    });
  });

  it('is the same for a reload a few seconds later (now moved on within a step)', () => {
    const end = Date.UTC(2026, 10, 30, 14, 20, 7);
    for (const back of [1_000, 17_000, 20 * MIN]) {
      expect(boundingRange({ from: end - back - DAY, to: end - back })).toEqual(boundingRange({ from: end - DAY, to: end }));
    }
    expect(boundingRange({ from: end + HOUR - DAY, to: end + HOUR })).not.toEqual(boundingRange({ from: end - DAY, to: end }));
  });
});

describe('RangeCountCache', () => {
  const t0 = Date.UTC(2026, 10, 30, 12, 20, 7);
  const day = { from: t0 - DAY, to: t0 };

  it('answers for any range inside the counted bounding range, per index pattern', () => {
    const cache = new RangeCountCache();
    expect(cache.upperBound('logs-*', day, t0)).toBeUndefined();
    cache.remember('logs-*', day, 1_234_567, t0);
    expect(cache.upperBound('logs-*', { from: day.from - 5_000, to: day.to - 5_000 }, t0 + 5_000)).toBe(1_234_567);
    expect(cache.upperBound('other-*', day, t0)).toBeUndefined();
    expect(cache.upperBound('logs-*', { from: day.from, to: day.to + 2 * HOUR }, t0)).toBeUndefined();
  });

  it('forgets a count after the TTL (and one from a clock that went back)', () => {
    const cache = new RangeCountCache();
    cache.remember('logs-*', day, 10, t0);
    expect(cache.upperBound('logs-*', day, t0 + RANGE_COUNT_TTL_MS - 1)).toBe(10);
    expect(cache.upperBound('logs-*', day, t0 + RANGE_COUNT_TTL_MS)).toBeUndefined();
    cache.remember('logs-*', day, 10, t0);
    expect(cache.upperBound('logs-*', day, t0 - 1)).toBeUndefined();
  });

  it('gives up the place of a count it forgot, and a count remembered again is the newest', () => {
    const cache = new RangeCountCache();
    const hourAt = (i: number) => ({ from: t0 + i * DAY, to: t0 + i * DAY + HOUR });
    // A count remembered again later (first in), 254 counts, one that expires, 256 more.
    cache.remember('logs-*', hourAt(0), 0, t0);
    for (let i = 2; i < 256; i++) cache.remember('logs-*', hourAt(i), i, t0);
    cache.remember('logs-*', hourAt(1), 1, t0 - 30_000);
    for (let i = 256; i < 512; i++) cache.remember('logs-*', hourAt(i), i, t0);
    cache.remember('logs-*', hourAt(0), 100, t0);
    const later = t0 + RANGE_COUNT_TTL_MS - 20_000;
    expect(cache.upperBound('logs-*', hourAt(1), later)).toBeUndefined();
    // 511 counts left: one more takes the freed place, nothing is pushed out.
    cache.remember('logs-*', hourAt(600), 600, later);
    expect(cache.upperBound('logs-*', hourAt(2), later)).toBe(2);
    // Full again: the next one pushes out the oldest, which is place 2's count, not place 0's.
    cache.remember('logs-*', hourAt(601), 601, later);
    expect(cache.upperBound('logs-*', hourAt(2), later)).toBeUndefined();
    expect(cache.upperBound('logs-*', hourAt(0), later)).toBe(100);
  });

  it('keeps the newest 512 ranges', () => {
    const cache = new RangeCountCache();
    const hourAt = (i: number) => ({ from: t0 + i * DAY, to: t0 + i * DAY + HOUR });
    for (let i = 0; i < 513; i++) cache.remember('logs-*', hourAt(i), i, t0);
    expect(cache.upperBound('logs-*', hourAt(0), t0)).toBeUndefined();
    expect(cache.upperBound('logs-*', hourAt(1), t0)).toBe(1);
    expect(cache.upperBound('logs-*', hourAt(512), t0)).toBe(512);
    cache.clear();
    expect(cache.upperBound('logs-*', hourAt(512), t0)).toBeUndefined();
  });
});
