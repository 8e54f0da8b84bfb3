import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '@/lib/schema/search';
import { histogramWithLive, mergeLiveHits } from './live-merge';

const T = Date.UTC(2026, 10, 20, 10);
const hit = (id: string, at: number, level?: string): SearchHit => ({
  id,
  index: 'i',
  timestamp: new Date(at).toISOString(),
  message: id,
  fields: level ? { level } : {},
});

describe('mergeLiveHits', () => {
  it('puts new hits where their time falls, newest first, each document once', () => {
    const rows = [hit('r3', T + 3000), hit('r2', T + 2000), hit('r1', T + 1000)];
    const live = [hit('n5', T + 5000), hit('late', T + 1500), hit('r2', T + 2000), hit('n5', T + 5000)];
    expect(mergeLiveHits(rows, live).map((h) => h.id)).toEqual(['n5', 'r3', 'r2', 'late', 'r1']);
  });

  it('returns the rows themselves when nothing is new', () => {
    const rows = [hit('a', T)];
    expect(mergeLiveHits(rows, [])).toBe(rows);
    expect(mergeLiveHits(rows, [hit('a', T)])).toBe(rows);
  });
});

type Histogram = NonNullable<SearchResponse['histogram']>;
const histogram = (counts: number[], levels = false): Histogram => ({
  interval: '1s',
  intervalMs: 1000,
  timeZone: 'UTC',
  from: T,
  to: T + counts.length * 1000 - 1,
  buckets: counts.map((count, i) => ({
    key: T + i * 1000,
    end: T + (i + 1) * 1000,
    count,
    ...(levels ? { levels: { info: count } } : {}),
  })),
});

describe('histogramWithLive', () => {
  it('counts each hit in the bar that holds its time, a late one too', () => {
    const h = histogramWithLive(histogram([1, 1, 1]), [hit('a', T + 2500), hit('b', T + 100)], undefined);
    expect(h.buckets.map((b) => b.count)).toEqual([2, 1, 2]);
  });

  it('opens new bars past the end as time moves on, and fills the level breakdown', () => {
    const h = histogramWithLive(histogram([1, 1], true), [hit('a', T + 4200, 'error')], 'level');
    expect(h.buckets.map((b) => [b.key - T, b.count])).toEqual([
      [0, 1],
      [1000, 1],
      [2000, 0],
      [3000, 0],
      [4000, 1],
    ]);
    expect(h.buckets.at(-1)?.levels).toEqual({ error: 1 });
    expect(h.to).toBe(T + 4200);
  });

  it('ignores hits before the first bar and leaves the input untouched', () => {
    const input = histogram([1]);
    const h = histogramWithLive(input, [hit('old', T - 5000)], undefined);
    expect(h.buckets.map((b) => b.count)).toEqual([1]);
    expect(input.buckets[0]?.count).toBe(1);
  });
});
