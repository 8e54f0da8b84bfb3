/**
 * The volume histogram: the engine aggregation for a chosen interval and its answer reshaped into
 * bars. Pure.
 *
 * Exactness: the query already holds the range, so every matching document lands in exactly one
 * engine bucket and the bars add up to the total. No `hard_bounds`: with a range that starts or
 * ends inside a bucket it drops that whole bucket (the partial first and last bars), which made
 * totals short on most ranges. `extended_bounds` only adds the empty bars at both ends.
 *
 * Cache: the bounds are widened to whole bar widths around the range (`stableBounds`), so the
 * aggregation's body stays the same while "now" moves within a bar. Reloads and auto-refresh then
 * find the indices wholly inside the range in the shard request cache (such a shard's range query
 * is rewritten to "all", and the bounds are part of the cache key). The buckets this can add lie
 * outside the range, hold no documents, and are dropped when the answer is reshaped.
 *
 * Levels: bars are stacked by level. As a `terms` sub-aggregation of the date histogram, the
 * level split costs the histogram the engine's fast path (counting each bar from the index's
 * points, without visiting documents): 4–5× slower on a day of the 10M set with no query. When
 * nothing narrows the range (`levelsApart`), the bars are asked plain — on the fast path, and the
 * exact counts — and the split beside them as levels first (`terms` on the level, a date
 * histogram of the same bars under each), folded back into the bars when reshaped. With a query
 * or a filter there is no fast path to keep and the second aggregation is extra work, so the
 * split stays a sub-aggregation (measured: bench/README.md, "Where the app's time goes").
 */
import type { estypes } from '@elastic/elasticsearch';
import type { HistogramBucket, SearchResponse } from '@/lib/schema/search';
import type { CalendarUnit, HistogramInterval } from '@/lib/search/interval';
import { addUnits, inZone, wallClockToEpoch, type DateMathUnit } from '@/lib/time';

export const LEVELS_AGG = 'levels';
/** The levels-first split beside plain bars (see the module comment). */
export const LEVELS_BY_BAR_AGG = 'levels_by_bar';
/** Levels are a handful of values; a few spare slots absorb odd ones like `warning` next to `warn`. */
export const LEVEL_BUCKETS = 12;

export interface HistogramSpec {
  timeField: string;
  range: { from: number; to: number };
  interval: HistogramInterval;
  timeZone: string;
  levelField?: string;
}

const levelTerms = (levelField: string) => ({ terms: { field: levelField, size: LEVEL_BUCKETS } });

function barsOf(spec: HistogramSpec, emptyBars: boolean): estypes.AggregationsDateHistogramAggregation {
  const { interval } = spec;
  return {
    field: spec.timeField,
    ...('fixed' in interval.engine ? { fixed_interval: interval.engine.fixed } : { calendar_interval: `1${interval.engine.calendar}` }),
    time_zone: spec.timeZone,
    ...(emptyBars ? { min_doc_count: 0, extended_bounds: stableBounds(spec.range, interval) } : { min_doc_count: 1 }),
  };
}

/** The bars, with the level split as a sub-aggregation when `spec.levelField` is given. */
export function buildHistogramAgg(spec: HistogramSpec): estypes.AggregationsAggregationContainer {
  return {
    date_histogram: barsOf(spec, true),
    ...(spec.levelField ? { aggs: { [LEVELS_AGG]: levelTerms(spec.levelField) } } : {}),
  };
}

/** Whether the level split goes beside plain bars rather than under them: nothing narrows the range. */
export function levelsApart(plan: { query: unknown; filters: { filter: readonly unknown[]; must_not: readonly unknown[] } }): boolean {
  return plan.query === null && plan.filters.filter.length === 0 && plan.filters.must_not.length === 0;
}

/** Levels first: each level's own bars (only those holding lines), to sit beside plain bars. */
export function buildLevelsByBarAgg(spec: HistogramSpec & { levelField: string }): estypes.AggregationsAggregationContainer {
  return { ...levelTerms(spec.levelField), aggs: { bars: { date_histogram: barsOf(spec, false) } } };
}

type LevelsByBar = estypes.AggregationsStringTermsAggregate | undefined;

/**
 * Plain bars and the levels-first split → the bars with the split under each, as
 * `buildHistogramAgg` with a level field answers. Same interval and zone, so the keys match.
 */
export function foldLevelsByBar(
  bars: estypes.AggregationsDateHistogramAggregate | undefined,
  levelsByBar: LevelsByBar,
): estypes.AggregationsDateHistogramAggregate | undefined {
  if (!bars || !levelsByBar) return bars;
  const byKey = new Map<number, estypes.AggregationsStringTermsBucket[]>();
  for (const level of bucketList(levelsByBar.buckets)) {
    const own = (level as { bars?: estypes.AggregationsDateHistogramAggregate }).bars;
    for (const bar of bucketList(own?.buckets)) {
      const list = byKey.get(Number(bar.key)) ?? [];
      list.push({ key: level.key, doc_count: bar.doc_count });
      byKey.set(Number(bar.key), list);
    }
  }
  const buckets = bucketList(bars.buckets).map((bar) => ({ ...bar, [LEVELS_AGG]: { buckets: byKey.get(Number(bar.key)) ?? [] } }));
  return { ...bars, buckets } as estypes.AggregationsDateHistogramAggregate;
}

/** `extended_bounds` holding the range, rounded out to whole multiples of the bar's nominal width. */
export function stableBounds(range: { from: number; to: number }, interval: Pick<HistogramInterval, 'ms'>): { min: number; max: number } {
  const width = Math.round(interval.ms);
  return { min: Math.floor(range.from / width) * width, max: Math.ceil(range.to / width) * width };
}

const CALENDAR_STEP: Record<CalendarUnit, [number, DateMathUnit]> = {
  d: [1, 'd'],
  w: [1, 'w'],
  M: [1, 'M'],
  q: [3, 'M'],
  y: [1, 'y'],
};

/** Start of the interval after the one starting at `key`: a bar (`merge` engine buckets), or one engine bucket. */
function intervalEnd(key: number, interval: HistogramInterval, timeZone: string, merge = interval.merge ?? 1): number {
  if ('fixed' in interval.engine) return key + interval.ms;
  const [amount, unit] = CALENDAR_STEP[interval.engine.calendar];
  return addUnits(key, amount * merge, unit, timeZone);
}

/** Local calendar day number since 1970-01-01 of an instant in the zone. */
function localDayNumber(epochMs: number, timeZone: string): number {
  const d = inZone(epochMs, timeZone);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

const MONDAY_DAY_NUMBER = 4; // 1970-01-05

/**
 * For a merged step: the start of the merged bar holding the engine bucket at `key`. Groups are
 * aligned to the calendar, not to the range: 3-day bars count from 1970-01-01, 2-week bars from
 * Monday 1970-01-05, half-years start in January and July.
 */
function mergedBarStart(key: number, unit: CalendarUnit, factor: number, timeZone: string): number {
  const d = inZone(key, timeZone);
  if (unit === 'q') {
    const quarter = d.getFullYear() * 4 + Math.floor(d.getMonth() / 3);
    const first = quarter - (((quarter % factor) + factor) % factor);
    return wallClockToEpoch(timeZone, Math.floor(first / 4), (first % 4) * 3, 1);
  }
  const step = unit === 'w' ? 7 : 1;
  const origin = unit === 'w' ? MONDAY_DAY_NUMBER : 0;
  const index = Math.floor((localDayNumber(key, timeZone) - origin) / step);
  const firstDay = origin + (index - (((index % factor) + factor) % factor)) * step;
  const date = new Date(firstDay * 86_400_000);
  return wallClockToEpoch(timeZone, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

type Buckets<T> = T[] | Record<string, T> | undefined;
function bucketList<T>(buckets: Buckets<T>): T[] {
  if (!buckets) return [];
  return Array.isArray(buckets) ? buckets : Object.values(buckets);
}

export function reshapeHistogram(
  agg: estypes.AggregationsDateHistogramAggregate | undefined,
  spec: Omit<HistogramSpec, 'timeField'>,
): NonNullable<SearchResponse['histogram']> {
  const { interval, timeZone, range } = spec;
  const bars: HistogramBucket[] = [];
  const calendarUnit = 'calendar' in interval.engine ? interval.engine.calendar : null;
  for (const raw of bucketList(agg?.buckets)) {
    const engineKey = Number(raw.key);
    // A bucket wholly outside the range only comes from the widened bounds, and is empty.
    if (engineKey > range.to || intervalEnd(engineKey, interval, timeZone, 1) <= range.from) continue;
    const key = interval.merge && calendarUnit ? mergedBarStart(engineKey, calendarUnit, interval.merge, timeZone) : engineKey;
    let bar = bars[bars.length - 1];
    if (!bar || bar.key !== key) {
      bar = { key, end: key, count: 0 };
      bars.push(bar);
    }
    bar.count += raw.doc_count;
    const levels = (raw as { [LEVELS_AGG]?: estypes.AggregationsStringTermsAggregate })[LEVELS_AGG];
    if (levels) {
      bar.levels ??= {};
      for (const l of bucketList(levels.buckets)) bar.levels[String(l.key)] = (bar.levels[String(l.key)] ?? 0) + l.doc_count;
    }
  }
  bars.forEach((bar, i) => {
    bar.end = bars[i + 1]?.key ?? intervalEnd(bar.key, interval, timeZone);
    if (bar.key < range.from || bar.end - 1 > range.to) bar.partial = true;
  });
  return { interval: interval.label, intervalMs: Math.round(interval.ms), timeZone, from: range.from, to: range.to, buckets: bars };
}
