/**
 * One explorer screen → one `_search` body: rows, histogram and facets in a single round trip.
 * Pure; every size in it is already bounded by the request schema.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SortOrder } from '@/lib/schema/search';
import type { CursorState, SortValues } from '@/lib/search/cursor';
import type { FilterClauses } from '@/lib/search/filters';
import { buildHistogramAgg, buildLevelsByBarAgg, levelsApart, LEVELS_BY_BAR_AGG } from '@/lib/search/histogram';
import { highlightQueryFor } from '@/lib/search/highlight-query';
import type { HistogramInterval } from '@/lib/search/interval';

type Query = estypes.QueryDslQueryContainer;

/** Highlight markers no log line is expected to hold; never HTML, so nothing is ever rendered as markup. */
export const HIGHLIGHT_PRE = '\u0001';
export const HIGHLIGHT_POST = '\u0002';
/** Beyond this many characters a message is returned whole but highlighted only in its head. */
export const HIGHLIGHT_MAX_ANALYZED_OFFSET = 200_000;
/** The engine's hit count stops here when the histogram does not give the exact total. */
export const TRACK_TOTAL_HITS_UP_TO = 10_000;

export const HISTOGRAM_AGG = 'histogram';
/** Facet aggregations are named by position: field names may hold characters agg names may not. */
export const facetAggName = (i: number) => `facet_${i}`;

export interface SearchPlan {
  index: string;
  timeField: string;
  /** Inclusive epoch-ms bounds. */
  range: { from: number; to: number };
  /** IANA zone the histogram's bars are aligned in. */
  timeZone: string;
  /** The time field is `date` in some indices and `date_nanos` in others (see buildSort). */
  mixedTimeTypes?: boolean;
  /** The user's compiled query; null matches everything. */
  query: Query | null;
  filters: FilterClauses;
  sort: SortOrder;
  size: number;
  after: CursorState | null;
  histogram: { interval: HistogramInterval; levelField?: string } | null;
  facets: readonly { name: string; field: string }[];
  facetSize: number;
  /** False: no hit count beside the rows even without a histogram (the caller counts elsewhere). */
  total?: boolean;
  /** Fields whose matches become highlight ranges (the message fields); empty for none. */
  highlightFields: readonly string[];
  /** Engine-side time budget, Elasticsearch duration syntax (`10s`). */
  engineTimeout: string;
}

/**
 * Sort: time, then `_index`, then `_seq_no`. Without a point in time there is no `_shard_doc`,
 * `_doc` changes with merges and differs between replicas, and `_id` cannot be sorted on in
 * Elasticsearch 9 (fielddata on `_id` is off). `_seq_no` has doc values, is the same on every
 * copy of a shard and is unique within one, so (time, index, seq_no) only ties for documents in
 * different shards of one index with the same timestamp and sequence number; the cursor carries
 * the ids of such ties (see `searchAfterFor`). Every key goes in the same direction so `asc` is
 * exactly `desc` reversed. The time comes back formatted with nanoseconds, so `date_nanos` keeps
 * its precision. Only a source whose indices mix `date` and `date_nanos` sorts with
 * `numeric_type: date_nanos` (so both sort together): that conversion costs the engine its
 * early termination on a time-sorted index — 200 ms instead of 2–15 ms for 100 rows of a
 * 1M-document day, measured in bench/README.md.
 */
export function buildSort(timeField: string, order: SortOrder, opts: { mixedTimeTypes?: boolean } = {}): estypes.SortCombinations[] {
  return [
    {
      [timeField]: {
        order,
        format: 'strict_date_optional_time_nanos',
        ...(opts.mixedTimeTypes ? { numeric_type: 'date_nanos' as const } : {}),
        unmapped_type: 'date',
      },
    },
    { _index: { order } },
    { _seq_no: { order } },
  ];
}

/**
 * `search_after` one step before the last hit's own sort values, so the next page starts *with*
 * every hit tied on them (including any in other shards); those already shown are dropped by id.
 */
export function searchAfterFor(after: SortValues, order: SortOrder): estypes.SortResults {
  const [time, index, seqNo] = after;
  return [time, index, order === 'desc' ? seqNo + 1 : seqNo - 1];
}

export function buildAggregations(plan: SearchPlan): Record<string, estypes.AggregationsAggregationContainer> | undefined {
  if (plan.after) return undefined;
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  if (plan.histogram) {
    const bars = { timeField: plan.timeField, range: plan.range, interval: plan.histogram.interval, timeZone: plan.timeZone };
    const { levelField } = plan.histogram;
    if (levelField && levelsApart(plan)) {
      aggs[HISTOGRAM_AGG] = buildHistogramAgg(bars);
      aggs[LEVELS_BY_BAR_AGG] = buildLevelsByBarAgg({ ...bars, levelField });
    } else aggs[HISTOGRAM_AGG] = buildHistogramAgg({ ...bars, ...(levelField ? { levelField } : {}) });
  }
  plan.facets.forEach((facet, i) => {
    aggs[facetAggName(i)] = { terms: { field: facet.field, size: plan.facetSize } };
  });
  return Object.keys(aggs).length > 0 ? aggs : undefined;
}

/** The screen's query: its time range (or `time`, a clause for part of it), the user's query, the filters. */
export function buildQuery(plan: Pick<SearchPlan, 'timeField' | 'range' | 'query' | 'filters'>, time?: Query): Query {
  const filter: Query[] = [time ?? { range: { [plan.timeField]: { gte: plan.range.from, lte: plan.range.to, format: 'epoch_millis' } } }];
  if (plan.query) filter.push(plan.query);
  filter.push(...plan.filters.filter);
  // Filter context throughout: rows are sorted by time, so scores would be computed for nothing.
  return { bool: { filter, ...(plan.filters.must_not.length > 0 ? { must_not: plan.filters.must_not } : {}) } };
}

export function buildSearchRequest(plan: SearchPlan): estypes.SearchRequest {
  const firstPage = plan.after === null;
  const aggs = buildAggregations(plan);
  const request: estypes.SearchRequest = {
    index: plan.index,
    ignore_unavailable: true,
    allow_no_indices: true,
    allow_partial_search_results: true,
    timeout: plan.engineTimeout,
    // Hits tied with the previous page's last one come back first and are dropped by id.
    size: plan.size + (plan.after?.tieIds.length ?? 0),
    query: buildQuery(plan),
    sort: buildSort(plan.timeField, plan.sort, { mixedTimeTypes: plan.mixedTimeTypes === true }),
    // With the histogram the exact total is the sum of its bars (as Kibana does); later pages
    // reuse the first page's total from the cursor. Only a first page without histogram counts,
    // unless its caller counts elsewhere.
    track_total_hits: firstPage && !plan.histogram && plan.total !== false ? TRACK_TOTAL_HITS_UP_TO : false,
    _source: true,
  };
  if (plan.after) request.search_after = searchAfterFor(plan.after.after, plan.sort);
  if (aggs) request.aggs = aggs;
  if (plan.highlightFields.length > 0 && plan.query) {
    request.highlight = {
      pre_tags: [HIGHLIGHT_PRE],
      post_tags: [HIGHLIGHT_POST],
      number_of_fragments: 0,
      max_analyzed_offset: HIGHLIGHT_MAX_ANALYZED_OFFSET,
      // Only what the user typed is highlighted, not the filter pills or the time range; its
      // free text narrowed to the highlighted fields (lib/search/highlight-query.ts).
      highlight_query: highlightQueryFor(plan.query, plan.highlightFields),
      fields: Object.fromEntries(plan.highlightFields.map((f) => [f, {}])),
    };
  }
  return request;
}
