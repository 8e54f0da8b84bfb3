import { describe, expect, it } from 'vitest';
import { SEARCH_LIMITS } from '@/lib/schema/search';
import { bucketCount, chooseHistogramInterval, HISTOGRAM_INTERVALS } from '@/lib/search/interval';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('chooseHistogramInterval', () => {
  it.each([
    [MIN, '1s'],
    [5 * MIN, '5s'],
    [15 * MIN, '10s'],
    [HOUR, '1m'],
    [4 * HOUR, '5m'],
    [24 * HOUR, '30m'],
    [3 * DAY, '1h'],
    [7 * DAY, '3h'],
    [30 * DAY, '12h'],
    [90 * DAY, '1d'],
    [365 * DAY, '7d'],
    [5 * 365 * DAY, '30d'],
  ])('a span of %d ms gets %s', (span, label) => {
    expect(chooseHistogramInterval(T0 - span, T0 - 1)?.label).toBe(label);
  });

  it('aims at about 50–60 bars for common ranges', () => {
    for (const span of [HOUR, 7 * DAY]) {
      const interval = chooseHistogramInterval(T0 - span, T0 - 1);
      expect(interval && bucketCount(T0 - span, T0 - 1, interval.ms)).toBeGreaterThanOrEqual(50);
      expect(interval && bucketCount(T0 - span, T0 - 1, interval.ms)).toBeLessThanOrEqual(60);
    }
  });

  it('never exceeds the bucket cap, for any span on the ladder and beyond', () => {
    for (let span = 1; span < 200 * 365 * DAY; span = Math.ceil(span * 1.37)) {
      const from = T0 - span + 12_345;
      const interval = chooseHistogramInterval(from, T0);
      if (interval) expect(bucketCount(from, T0, interval.ms)).toBeLessThanOrEqual(SEARCH_LIMITS.maxHistogramBuckets);
    }
  });

  it('steps up the ladder when a tight cap would be exceeded', () => {
    expect(chooseHistogramInterval(T0 - HOUR, T0 - 1, 30)?.label).toBe('5m');
  });

  it('gives up on a range no step can draw under the cap', () => {
    expect(chooseHistogramInterval(0, 1000 * 365 * DAY)).toBeNull();
  });

  it('is a ladder of increasing round intervals', () => {
    const ms = HISTOGRAM_INTERVALS.map((i) => i.ms);
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
    expect(HISTOGRAM_INTERVALS.map((i) => i.label).slice(0, 14)).toEqual([
      '1s',
      '5s',
      '10s',
      '30s',
      '1m',
      '5m',
      '10m',
      '30m',
      '1h',
      '3h',
      '12h',
      '1d',
      '7d',
      '30d',
    ]);
  });
});

describe('bucketCount', () => {
  it('counts epoch-aligned buckets touched by an inclusive range', () => {
    expect(bucketCount(0, 59_999, MIN)).toBe(1);
    expect(bucketCount(0, 60_000, MIN)).toBe(2);
    expect(bucketCount(30_000, 90_000, MIN)).toBe(2);
  });
});
