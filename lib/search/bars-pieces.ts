/**
 * The count and bars of a range asked as two searches: the range's interior, cut at whole steps
 * of the bar width, and its two short edges; their bars are added back together. Pure.
 *
 * Why: a reload, an auto-refresh or the next screen of "last 24 hours" moves both ends of the
 * range, so one search over the whole range has a new body each time and the shard request cache
 * never answers it. The interior's body stays the same until an end crosses the next step, so the
 * engine answers it from the cache (on every shard that has not been refreshed since); only the
 * edges, at most a bar wide each, are counted again. On the 10M-line set the bars search was the
 * costliest part of a namespace screen (bench/README.md).
 *
 * Exact: the pieces split the range with no gap and no overlap (`gte`/`lt` at the cuts, the
 * range's own `gte from` and `lte to` at its ends), and a line's bar depends only on its
 * timestamp, the interval and the zone, all the same in each piece. So each bar's count (and each
 * level's share) is the sum of the pieces', whatever the cuts. The cuts need not fall on bar
 * boundaries; they only have to stay put while the range moves a little.
 */
import type { estypes } from '@elastic/elasticsearch';
import { LEVELS_AGG } from '@/lib/search/histogram';

type Query = estypes.QueryDslQueryContainer;

export interface BarsSplit {
  /** The interior: `gte from`, `lt to`; both ends whole multiples of the step. */
  interior: { from: number; to: number };
  /** The range outside the interior: `[range.from, interior.from)` (may be empty) and `[interior.to, range.to]`. */
  edges: { from: number; to: number };
}

/**
 * The cuts for `range` (inclusive ends, epoch ms) at whole multiples of `stepMs`, or null when
 * the range holds fewer than two steps (nothing to gain from a second search).
 */
export function splitBarsRange(range: { from: number; to: number }, stepMs: number): BarsSplit | null {
  const step = Math.round(stepMs);
  if (!(step > 0)) return null;
  const from = Math.ceil(range.from / step) * step;
  const to = Math.floor(range.to / step) * step;
  if (to - from < step) return null;
  return { interior: { from, to }, edges: { from: range.from, to: range.to } };
}

const millis = (bounds: Record<string, number>) => ({ ...bounds, format: 'epoch_millis' });

/** The interior's time clause: `gte`, `lt`. */
export function interiorClause(timeField: string, split: BarsSplit): Query {
  return { range: { [timeField]: millis({ gte: split.interior.from, lt: split.interior.to }) } };
}

/** The edges' time clause: before the interior (when the range starts before it) or from its end to the range's. */
export function edgesClause(timeField: string, split: BarsSplit): Query {
  const after: Query = { range: { [timeField]: millis({ gte: split.interior.to, lte: split.edges.to }) } };
  if (split.edges.from >= split.interior.from) return after;
  const before: Query = { range: { [timeField]: millis({ gte: split.edges.from, lt: split.interior.from }) } };
  return { bool: { should: [before, after], minimum_should_match: 1 } };
}

type Bucket = { key: unknown; doc_count: number } & Record<string, unknown>;
type Aggregate = { buckets?: Bucket[] | Record<string, Bucket> } & Record<string, unknown>;

const bucketList = (agg: Aggregate): Bucket[] =>
  !agg.buckets ? [] : Array.isArray(agg.buckets) ? agg.buckets : Object.values(agg.buckets);

/** Sub-aggregations of a bar or a level bucket that hold counts to add: a bar's levels, a level's bars. */
const NESTED = [LEVELS_AGG, 'bars'] as const;

function addBuckets(a: Bucket, b: Bucket): Bucket {
  const sum: Bucket = { ...a, doc_count: a.doc_count + b.doc_count };
  for (const name of NESTED) {
    const added = addAggregates(a[name] as Aggregate | undefined, b[name] as Aggregate | undefined);
    if (added) sum[name] = added;
  }
  return sum;
}

/**
 * Two answers of the same bucket aggregation (a date histogram, or terms on the level) over
 * parts of a range, as one: buckets matched by key and their counts added, down through the
 * nested levels and bars. Date histogram buckets come out in key order; terms buckets by count.
 */
export function addAggregates(a: Aggregate | undefined, b: Aggregate | undefined): Aggregate | undefined {
  if (!a || !b) return a ?? b;
  const byKey = new Map<string, Bucket>();
  for (const bucket of [...bucketList(a), ...bucketList(b)]) {
    const key = String(bucket.key);
    const had = byKey.get(key);
    byKey.set(key, had ? addBuckets(had, bucket) : bucket);
  }
  const buckets = [...byKey.values()];
  const isTerms = 'sum_other_doc_count' in a || 'sum_other_doc_count' in b;
  if (isTerms) buckets.sort((x, y) => y.doc_count - x.doc_count || String(x.key).localeCompare(String(y.key)));
  else buckets.sort((x, y) => Number(x.key) - Number(y.key));
  const merged: Aggregate = { ...a, buckets };
  if (isTerms) {
    merged.sum_other_doc_count = Number(a.sum_other_doc_count ?? 0) + Number(b.sum_other_doc_count ?? 0);
    merged.doc_count_error_upper_bound = Number(a.doc_count_error_upper_bound ?? 0) + Number(b.doc_count_error_upper_bound ?? 0);
  }
  return merged;
}

/** The aggregations of the pieces' answers as one answer's: every aggregation by name, added. */
export function addAggregations(
  a: Record<string, estypes.AggregationsAggregate> | undefined,
  b: Record<string, estypes.AggregationsAggregate> | undefined,
): Record<string, estypes.AggregationsAggregate> | undefined {
  if (!a || !b) return a ?? b;
  const out: Record<string, estypes.AggregationsAggregate> = { ...a };
  for (const [name, agg] of Object.entries(b)) {
    out[name] = addAggregates(out[name] as Aggregate | undefined, agg as Aggregate) as estypes.AggregationsAggregate;
  }
  return out;
}

/**
 * Whether an answer's top-value lists (terms aggregations) left values out: then adding it to
 * another piece's could miss a value's count there, so the part is asked over the whole range.
 */
export function listsCutShort(aggregations: Record<string, estypes.AggregationsAggregate> | undefined): boolean {
  return Object.values(aggregations ?? {}).some((agg) => Number((agg as Aggregate).sum_other_doc_count ?? 0) > 0);
}
