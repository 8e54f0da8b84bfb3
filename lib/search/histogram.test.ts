// The histogram aggregation and its reshaping into bars: calendar ends, merged steps aligned to the
// calendar (3 days from 1970-01-01, 2 weeks from Monday 1970-01-05, half-years from January and
// July), partial first and last bars. Expected instants are worked out by hand from the calendar.
import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import {
  buildHistogramAgg,
  buildLevelsByBarAgg,
  foldLevelsByBar,
  LEVEL_BUCKETS,
  levelsApart,
  reshapeHistogram,
} from '@/lib/search/histogram';
import { HISTOGRAM_INTERVALS, type HistogramInterval } from '@/lib/search/interval';

const step = (label: string): HistogramInterval => HISTOGRAM_INTERVALS.find((i) => i.label === label)!;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

type RawBucket = { key: number; doc_count: number; levels?: { buckets: { key: string; doc_count: number }[] } };
const agg = (buckets: RawBucket[]) => ({ buckets }) as unknown as estypes.AggregationsDateHistogramAggregate;

function bars(label: string, buckets: RawBucket[], from: string, to: string, timeZone = 'UTC') {
  const out = reshapeHistogram(agg(buckets), { interval: step(label), timeZone, range: { from: at(from), to: at(to) } });
  return out.buckets.map((b) => ({ key: iso(b.key), end: iso(b.end), count: b.count, ...(b.partial ? { partial: true } : {}) }));
}

describe('buildHistogramAgg', () => {
  const range = { from: 1_000, to: 86_400_999 };

  it('asks for a fixed interval below a day, every bucket from the start to the end of the range', () => {
    expect(buildHistogramAgg({ timeField: '@timestamp', range, interval: step('30m'), timeZone: 'Asia/Kolkata' })).toEqual({
      date_histogram: {
        field: '@timestamp',
        fixed_interval: '30m',
        time_zone: 'Asia/Kolkata',
        min_doc_count: 0,
        // Rounded out to whole 30-minute bars: 0 and 49 × 30 min.
        extended_bounds: { min: 0, max: 88_200_000 },
      },
    });
  });

  it('asks for one calendar unit from a day up, with the level breakdown when there is a level field', () => {
    expect(buildHistogramAgg({ timeField: 't', range, interval: step('6M'), timeZone: 'UTC', levelField: 'level' })).toEqual({
      date_histogram: {
        field: 't',
        calendar_interval: '1q',
        time_zone: 'UTC',
        min_doc_count: 0,
        // Rounded out to a whole nominal half-year (365.2425 days / 2).
        extended_bounds: { min: 0, max: 15_778_476_000 },
      },
      aggs: { levels: { terms: { field: 'level', size: LEVEL_BUCKETS } } },
    });
  });

  it('keeps the same bounds while the range moves within a bar, so reloads can hit the request cache', () => {
    const bounds = (from: number, to: number) =>
      buildHistogramAgg({ timeField: 't', range: { from, to }, interval: step('30m'), timeZone: 'UTC' }).date_histogram?.extended_bounds;
    const H = 3_600_000;
    // "now" at 10:07 and at 10:29 (the same 30-minute bar), last 24 hours.
    expect(bounds(10 * H + 7 * 60_000 - 24 * H, 10 * H + 7 * 60_000)).toEqual({ min: 10 * H - 24 * H, max: 10.5 * H });
    expect(bounds(10 * H + 29 * 60_000 - 24 * H, 10 * H + 29 * 60_000)).toEqual({ min: 10 * H - 24 * H, max: 10.5 * H });
    // Past the bar's end they move on by one bar; a range on bar edges keeps its own ends.
    expect(bounds(10 * H + 31 * 60_000 - 24 * H, 10 * H + 31 * 60_000)).toEqual({ min: 10.5 * H - 24 * H, max: 11 * H });
    expect(bounds(0, 24 * H)).toEqual({ min: 0, max: 24 * H });
  });
});

describe('reshapeHistogram', () => {
  it('drops the empty buckets the widened bounds add outside the range, and nothing else', () => {
    // Bounds rounded out to whole 30-minute bars around 00:10–01:20: an empty bucket at 23:30 the
    // day before would end at 00:00 ≤ from, one at 01:30 starts after `to`.
    const raw = [-1_800_000, 0, 1_800_000, 3_600_000, 5_400_000].map((key, i) => ({ key, doc_count: i === 0 || i === 4 ? 0 : i }));
    expect(bars('30m', raw, iso(600_000), iso(4_800_000))).toEqual([
      { key: iso(0), end: iso(1_800_000), count: 1, partial: true },
      { key: iso(1_800_000), end: iso(3_600_000), count: 2 },
      { key: iso(3_600_000), end: iso(5_400_000), count: 3, partial: true },
    ]);
    // A bucket ending exactly at `from` is outside; one starting exactly at `to` is inside.
    expect(bars('30m', raw, iso(0), iso(5_400_000)).map((b) => b.key)).toEqual([0, 1_800_000, 3_600_000, 5_400_000].map(iso));
  });

  it('marks the bars only partly inside the range, and only those', () => {
    const raw = [0, 60_000, 120_000].map((key) => ({ key, doc_count: 1 }));
    expect(bars('1m', raw, iso(30_000), iso(149_999))).toEqual([
      { key: iso(0), end: iso(60_000), count: 1, partial: true },
      { key: iso(60_000), end: iso(120_000), count: 1 },
      { key: iso(120_000), end: iso(180_000), count: 1, partial: true },
    ]);
    // A range that starts on a bar and ends on a bar's last millisecond has no partial bar.
    expect(bars('1m', raw, iso(0), iso(179_999)).filter((b) => b.partial)).toEqual([]);
  });

  it('ends each calendar bar at the next calendar unit, in the zone', () => {
    const one = (label: string, key: string, timeZone = 'UTC') =>
      bars(label, [{ key: at(key), doc_count: 1 }], key, '2100-01-01T00:00:00Z', timeZone)[0]?.end;
    expect(one('1d', '2026-03-28T23:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z'); // a 23-hour day
    expect(one('1w', '2026-11-16T00:00:00Z')).toBe('2026-11-23T00:00:00.000Z');
    expect(one('1M', '2026-02-01T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(one('1q', '2026-10-01T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(one('1y', '2026-01-01T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('merges days into 3-day bars counted from 1970-01-01', () => {
    // 2026-11-18 is day 20775 = 3 × 6925 since 1970-01-01.
    const days = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'].map((d, i) => ({ key: at(`${d}T00:00:00Z`), doc_count: i + 1 }));
    expect(bars('3d', days, '2026-11-19T00:00:00Z', '2026-11-22T23:59:59.999Z')).toEqual([
      { key: '2026-11-18T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z', count: 3, partial: true },
      { key: '2026-11-21T00:00:00.000Z', end: '2026-11-24T00:00:00.000Z', count: 7, partial: true },
    ]);
  });

  it('merges weeks into 2-week bars from Monday 1970-01-05, in the zone', () => {
    // 2026-11-09 is 2930 weeks after 1970-01-05: an even week, so a bar starts there.
    const weeks = (offset: string) =>
      ['2026-11-09', '2026-11-16', '2026-11-23'].map((d) => ({ key: at(`${d}T00:00:00${offset}`), doc_count: 1 }));
    expect(bars('2w', weeks('Z'), '2026-11-09T00:00:00Z', '2026-11-29T23:59:59.999Z')).toEqual([
      { key: '2026-11-09T00:00:00.000Z', end: '2026-11-23T00:00:00.000Z', count: 2 },
      { key: '2026-11-23T00:00:00.000Z', end: '2026-12-07T00:00:00.000Z', count: 1, partial: true },
    ]);
    expect(
      bars('2w', weeks('+01:00'), '2026-11-09T00:00:00+01:00', '2026-11-29T23:59:59.999+01:00', 'Europe/Berlin').map((b) => b.key),
    ).toEqual(['2026-11-08T23:00:00.000Z', '2026-11-22T23:00:00.000Z']);
  });

  it('merges quarters into half-years from January and July, adding up levels', () => {
    const quarters = ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'].map((d, i) => ({
      key: at(`${d}T00:00:00Z`),
      doc_count: 10 * (i + 1),
      levels: { buckets: [{ key: 'error', doc_count: i + 1 }, ...(i === 1 ? [{ key: 'info', doc_count: 5 }] : [])] },
    }));
    const out = reshapeHistogram(agg(quarters), {
      interval: step('6M'),
      timeZone: 'UTC',
      range: { from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') - 1 },
    });
    expect(out).toEqual({
      interval: '6M',
      intervalMs: Math.round((365.2425 * 86_400_000) / 2),
      timeZone: 'UTC',
      from: at('2026-01-01T00:00:00Z'),
      to: at('2027-01-01T00:00:00Z') - 1,
      buckets: [
        { key: at('2026-01-01T00:00:00Z'), end: at('2026-07-01T00:00:00Z'), count: 30, levels: { error: 3, info: 5 } },
        { key: at('2026-07-01T00:00:00Z'), end: at('2027-01-01T00:00:00Z'), count: 70, levels: { error: 7 } },
      ],
    });
  });

  it('has no bars for a missing aggregation', () => {
    expect(reshapeHistogram(undefined, { interval: step('1m'), timeZone: 'UTC', range: { from: 0, to: 1 } }).buckets).toEqual([]);
  });
});

describe('levels beside the bars', () => {
  const range = { from: at('2026-10-31T00:00:00Z'), to: at('2026-11-01T00:00:00Z') - 1 };
  const spec = { timeField: 't', range, interval: step('30m'), timeZone: 'Europe/Berlin', levelField: 'level' };

  it('goes beside the bars only when nothing narrows the range', () => {
    const none = { filter: [], must_not: [] };
    expect(levelsApart({ query: null, filters: none })).toBe(true);
    expect(levelsApart({ query: { match_all: {} }, filters: none })).toBe(false);
    expect(levelsApart({ query: null, filters: { filter: [{ term: { a: 1 } }], must_not: [] } })).toBe(false);
    expect(levelsApart({ query: null, filters: { filter: [], must_not: [{ term: { a: 1 } }] } })).toBe(false);
  });

  it('asks each level for its own bars of the same width and zone, only those holding lines', () => {
    expect(buildLevelsByBarAgg(spec)).toEqual({
      terms: { field: 'level', size: LEVEL_BUCKETS },
      aggs: { bars: { date_histogram: { field: 't', fixed_interval: '30m', time_zone: 'Europe/Berlin', min_doc_count: 1 } } },
    });
  });

  it('reshapes into the same bars as the level split under each bar', () => {
    // One day of 30-minute bars with a varying mix of levels (some bars without any level).
    const levels = ['info', 'warn', 'error'];
    const keys = Array.from({ length: 48 }, (_, i) => range.from + i * 1_800_000);
    const split = keys.map((key, i) => ({
      key,
      counts: levels.map((_, l) => (i * 7 + l * 3) % 5).map((n, l) => (l === 2 && i % 4 === 0 ? 0 : n)),
      unlevelled: i % 3,
    }));
    const nested: RawBucket[] = split.map(({ key, counts, unlevelled }) => ({
      key,
      doc_count: counts.reduce((a, b) => a + b, 0) + unlevelled,
      levels: { buckets: levels.map((l, j) => ({ key: l, doc_count: counts[j]! })).filter((b) => b.doc_count > 0) },
    }));
    const plain = agg(nested.map(({ key, doc_count }) => ({ key, doc_count })));
    const byLevel = {
      buckets: levels.map((l, j) => ({
        key: l,
        doc_count: split.reduce((n, b) => n + b.counts[j]!, 0),
        bars: { buckets: split.filter((b) => b.counts[j]! > 0).map((b) => ({ key: b.key, doc_count: b.counts[j]! })) },
      })),
    } as unknown as estypes.AggregationsStringTermsAggregate;
    const opts = { interval: step('30m'), timeZone: 'Europe/Berlin', range };
    const folded = reshapeHistogram(foldLevelsByBar(plain, byLevel), opts);
    expect(folded).toEqual(reshapeHistogram(agg(nested), opts));
    expect(folded.buckets.some((b) => Object.keys(b.levels ?? {}).length < levels.length)).toBe(true);
  });

  it('leaves plain bars as they are without a split', () => {
    const plain = agg([{ key: 0, doc_count: 3 }]);
    expect(foldLevelsByBar(plain, undefined)).toBe(plain);
    expect(foldLevelsByBar(undefined, { buckets: [] } as unknown as estypes.AggregationsStringTermsAggregate)).toBeUndefined();
  });

  it('gives a bar no level an empty split, and skips a level bucket that came without its bars', () => {
    const plain = agg([
      { key: 0, doc_count: 3 },
      { key: 1_800_000, doc_count: 2 },
    ]);
    const byLevel = {
      buckets: [
        { key: 'info', doc_count: 3, bars: { buckets: [{ key: 0, doc_count: 3 }] } },
        { key: 'warn', doc_count: 2 },
      ],
    } as unknown as estypes.AggregationsStringTermsAggregate;
    const folded = foldLevelsByBar(plain, byLevel) as unknown as { buckets: { key: number; levels: { buckets: unknown[] } }[] };
    expect(folded.buckets.map((b) => [b.key, b.levels.buckets])).toStrictEqual([
      [0, [{ key: 'info', doc_count: 3 }]],
      [1_800_000, []],
    ]);
  });
});
