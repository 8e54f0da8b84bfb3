/**
 * The explorer while live: the hits the tail sent merged into the loaded rows (each document
 * once, newest first), and added to the histogram's bars and the total, so the screen keeps
 * counting as lines arrive. Pure.
 */
import type { SearchHit, SearchResponse } from '@/lib/schema/search';

type Histogram = NonNullable<SearchResponse['histogram']>;

const keyOf = (hit: SearchHit) => `${hit.index}\u0000${hit.id}`;

/** Rows and live hits, each document once, newest first (a late document goes where its time puts it). */
export function mergeLiveHits(rows: readonly SearchHit[], live: readonly SearchHit[]): SearchHit[] {
  if (live.length === 0) return rows as SearchHit[];
  const have = new Set(rows.map(keyOf));
  const fresh = live.filter((hit) => {
    const key = keyOf(hit);
    if (have.has(key)) return false;
    have.add(key);
    return true;
  });
  if (fresh.length === 0) return rows as SearchHit[];
  const at = (hit: SearchHit) => Date.parse(hit.timestamp);
  // Stable: equal times keep rows first, then live hits in arrival order.
  return [...rows, ...fresh]
    .map((hit, i) => ({ hit, i, t: at(hit) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.hit);
}

/** Bars added at the end while live are capped: beyond it the oldest bars scroll out. */
export const MAX_LIVE_EXTRA_BARS = 120;

/**
 * The histogram with live hits counted in: each in the bar that holds its time; a hit past the
 * last bar (time moved on) opens new bars of the same interval. `levelField` fills the level
 * breakdown when the bars have one.
 */
export function histogramWithLive(histogram: Histogram, live: readonly SearchHit[], levelField: string | undefined): Histogram {
  if (live.length === 0 || histogram.buckets.length === 0) return histogram;
  const buckets = histogram.buckets.map((b) => ({ ...b, ...(b.levels ? { levels: { ...b.levels } } : {}) }));
  const withLevels = buckets.some((b) => b.levels);
  const original = buckets.length;
  let to = histogram.to;
  for (const hit of live) {
    const t = Date.parse(hit.timestamp);
    if (!Number.isFinite(t) || t < (buckets[0]?.key ?? Infinity)) continue;
    let last = buckets[buckets.length - 1];
    while (last && t >= last.end) {
      const next = { key: last.end, end: last.end + histogram.intervalMs, count: 0, ...(withLevels ? { levels: {} } : {}) };
      buckets.push(next);
      last = next;
    }
    const bucket = findBucket(buckets, t);
    if (!bucket) continue;
    bucket.count++;
    if (t > to) to = t;
    const level = levelField ? hit.fields[levelField] : undefined;
    if (bucket.levels && typeof level === 'string') bucket.levels[level] = (bucket.levels[level] ?? 0) + 1;
  }
  const overflow = Math.max(0, buckets.length - original - MAX_LIVE_EXTRA_BARS);
  const kept = overflow > 0 ? buckets.slice(overflow) : buckets;
  return { ...histogram, to, from: overflow > 0 ? (kept[0]?.key ?? histogram.from) : histogram.from, buckets: kept };
}

function findBucket<B extends { key: number; end: number }>(buckets: B[], t: number): B | undefined {
  // Live hits are new: search from the end.
  for (let i = buckets.length - 1; i >= 0; i--) {
    const b = buckets[i] as B;
    if (t >= b.key && t < b.end) return b;
    if (t >= b.end) return undefined;
  }
  return undefined;
}
