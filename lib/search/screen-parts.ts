/**
 * A screen as separate searches, each on the engine's fast path (DESIGN.md, "Ask the engine for
 * each part of a screen on its fastest path"): rows sorted by time stop early on a time-sorted
 * index only when no aggregation needs every match (and, on a first page, only when sorted by
 * time alone: lib/search/time-sorted-rows.ts); the histogram and the facets are `size: 0`
 * searches the engine can answer from doc values (and its request cache; over two bars' widths or
 * more each is asked as the range's interior and edges, lib/search/bars-pieces.ts). They go in one
 * `_msearch`, so still one round trip, and each part fails on its own: a facet over a field
 * mapped differently across indices costs that facet, never the rows. Pure.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SortOrder } from '@/lib/schema/search';
import { buildAggregations, buildQuery, buildSearchRequest, type SearchPlan } from '@/lib/search/build-request';
import { edgesClause, interiorClause, splitBarsRange } from '@/lib/search/bars-pieces';
import { sampledAggs } from '@/lib/search/facet-sample';
import { chooseHistogramInterval } from '@/lib/search/interval';
import type { ScreenPlanKind } from '@/lib/search/screen-plan';
import { timeSortedRowsRequest } from '@/lib/search/time-sorted-rows';

export type ScreenPart = 'rows' | 'histogram' | 'facets';

export interface PartSearch {
  part: ScreenPart;
  request: estypes.SearchRequest;
  /**
   * Rows asked for by time alone to stop early (lib/search/time-sorted-rows.ts): the same rows
   * with the full sort, sent only when the answer cannot be made into the page.
   */
  exact?: { request: estypes.SearchRequest; size: number; order: SortOrder };
  /**
   * One of a part's pieces (lib/search/bars-pieces.ts) whose answers cannot always be added up
   * exactly (the facets' top values): the part's search over the whole range, to ask instead.
   */
  whole?: estypes.SearchRequest;
}

/** A `size: 0` search that only aggregates (the bars, the facets, value suggestions). */
export function aggregationSearch(
  target: { index: string; engineTimeout: string },
  query: estypes.QueryDslQueryContainer,
  aggs: Record<string, estypes.AggregationsAggregationContainer>,
): estypes.SearchRequest {
  return {
    index: target.index,
    ignore_unavailable: true,
    allow_no_indices: true,
    allow_partial_search_results: true,
    // Every shard whose time bounds miss the range is skipped before the query phase. The engine
    // does that on its own for a search sorted by an indexed field (the rows) or over more than
    // 128 shards; a `size: 0` search over daily indices otherwise runs the query phase on every
    // index of the pattern (7 of 8 for 24 hours of a week). Exact: a shard is skipped only when
    // its rewritten query can match nothing (bench/README.md, "Shards skipped before the query").
    pre_filter_shard_size: 1,
    timeout: target.engineTimeout,
    size: 0,
    // Said, not left to the index default: the range is absolute (the browser resolves `now`),
    // so an auto-refresh of an absolute range, a screen opened again, or another viewer's
    // same screen is answered from the shard request cache. The cache is invalidated by a
    // refresh that changed the shard, so it never serves stale counts.
    request_cache: true,
    // The histogram's bars are the exact total; nothing else here needs a hit count.
    track_total_hits: false,
    query,
    aggs,
  };
}

/**
 * The searches for a screen in the planner's way (lib/search/screen-plan.ts): `combined` is the
 * whole screen in one body, answered as the rows part; `split` one search per part.
 */
export function buildScreenSearches(
  plan: SearchPlan,
  kind: ScreenPlanKind = 'split',
  /** Count the facets part from a random sample with this probability (lib/search/facet-sample.ts). */
  facetSample: number | null = null,
  /** Ask the facets in pieces (false: over the whole range at once, as for a selection whose top values were cut short lately). */
  facetPieces = true,
): PartSearch[] {
  if (kind === 'combined') return [{ part: 'rows', request: buildSearchRequest(plan) }];
  const parts: PartSearch[] = [];
  // `size: 0` asks for the count, bars and facets only; without a histogram the rows part counts.
  if (plan.size > 0 || (!plan.histogram && plan.facets.length === 0)) {
    const rows = buildSearchRequest({ ...plan, histogram: null, facets: [] });
    // The histogram part counts exactly; the rows part then needs no count and can stop early.
    if (plan.histogram) rows.track_total_hits = false;
    // A source mixing `date` and `date_nanos` sorts by nanoseconds and cannot stop early anyway.
    const early = plan.after === null && plan.size > 0 && plan.mixedTimeTypes !== true;
    parts.push(
      early
        ? { part: 'rows', request: timeSortedRowsRequest(rows), exact: { request: rows, size: plan.size, order: plan.sort } }
        : { part: 'rows', request: rows },
    );
  }
  // The same aggregations a combined search would carry, one part each (none on later pages).
  parts.push(...histogramSearches(plan));
  const facets = buildAggregations({ ...plan, histogram: null });
  if (facets && facetSample !== null) {
    parts.push({ part: 'facets', request: aggregationSearch(plan, buildQuery(plan), sampledAggs(facets, facetSample)) });
  } else if (facets) parts.push(...facetSearches(plan, facets, facetPieces));
  return parts;
}

/**
 * The count and bars: one search, or, over a range of two bar widths or more, the interior cut at
 * whole bar widths and the edges, whose bars the caller adds up (lib/search/bars-pieces.ts says
 * why and why it is exact). Both pieces are the `histogram` part.
 */
function histogramSearches(plan: SearchPlan): PartSearch[] {
  const whole = buildAggregations({ ...plan, facets: [] });
  if (!whole) return [];
  const split = plan.histogram ? splitBarsRange(plan.range, plan.histogram.interval.ms) : null;
  if (!split) return [{ part: 'histogram', request: aggregationSearch(plan, buildQuery(plan), whole) }];
  // The interior's empty bars are bounded by the interior, so its body stays the same as the range moves.
  const interiorAggs = buildAggregations({ ...plan, range: split.interior, facets: [] }) ?? whole;
  return [
    { part: 'histogram', request: aggregationSearch(plan, buildQuery(plan, interiorClause(plan.timeField, split)), interiorAggs) },
    { part: 'histogram', request: aggregationSearch(plan, buildQuery(plan, edgesClause(plan.timeField, split)), whole) },
  ];
}

/**
 * The facets: like the bars, the interior and the edges (the cuts at whole widths of the bars
 * this range would have), added up. Adding two top-N lists is exact only when neither left a
 * value out (`sum_other_doc_count` 0: every value of the field in that piece is listed), so the
 * whole-range search goes along as `whole`, asked only when a piece's list was cut short.
 * Without `pieces` (a selection whose lists were cut short lately): the whole range at once.
 */
function facetSearches(plan: SearchPlan, aggs: Record<string, estypes.AggregationsAggregationContainer>, pieces: boolean): PartSearch[] {
  const whole = aggregationSearch(plan, buildQuery(plan), aggs);
  // No bars for a range too long to draw: no step to cut at (0 makes no split).
  const step = plan.histogram?.interval.ms ?? chooseHistogramInterval(plan.range.from, plan.range.to)?.ms ?? 0;
  const split = pieces ? splitBarsRange(plan.range, step) : null;
  if (!split) return [{ part: 'facets', request: whole }];
  return [
    { part: 'facets', request: aggregationSearch(plan, buildQuery(plan, interiorClause(plan.timeField, split)), aggs), whole },
    { part: 'facets', request: aggregationSearch(plan, buildQuery(plan, edgesClause(plan.timeField, split)), aggs), whole },
  ];
}

/**
 * The rows' search asking for no more shards at once than a data node has processors. Sorted by
 * time, the engine sends each later shard the page's last time so far, and a shard whose times
 * cannot beat it is skipped; with all shards asked at once (the engine's default, 5 a node) every
 * one of them looks for a full page of its own, competing for the node's processors with the
 * screen's other parts. Measured on 2 processors (bench/README.md, "The rows' shards"): the
 * screen's last answer 20.4 → 16.8 ms on 7 days of "connection refused", 18.3 → 15.8 ms on a
 * phrase with no match at all. Left as asked: a search that counts its hits or aggregates (it
 * reads every shard anyway), and one with no rows.
 */
export function withShardConcurrency(request: estypes.SearchRequest, processors: number | null): estypes.SearchRequest {
  if (processors === null || !takesShardsInTurn(request)) return request;
  return { ...request, max_concurrent_shard_requests: processors };
}

/** Whether a search gains from its shards asked a few at a time (`withShardConcurrency`): rows, no count, no aggregations. */
export function takesShardsInTurn(request: estypes.SearchRequest): boolean {
  return request.track_total_hits === false && request.size !== 0 && !request.aggs && !request.aggregations;
}

const HEADER_KEYS = ['index', 'ignore_unavailable', 'allow_no_indices', 'allow_partial_search_results', 'request_cache'] as const;
/** Options of the whole `_msearch` (its query string), not of one search: `msearchOptions` reads them. */
const MSEARCH_KEYS = ['pre_filter_shard_size'] as const;

/** The `_msearch` options the parts ask for: a shard pre-filter when any part pre-filters (no answer changes). */
export function msearchOptions(parts: readonly PartSearch[]): Pick<estypes.MsearchRequest, 'pre_filter_shard_size'> {
  const sizes = parts.map((p) => p.request.pre_filter_shard_size).filter((n): n is number => n !== undefined);
  return sizes.length > 0 ? { pre_filter_shard_size: Math.min(...sizes) } : {};
}

/** `_msearch` lines: each search's index options in its header, the rest in its body (options of the whole call left out). */
export function toMsearchLines(parts: readonly PartSearch[]): estypes.MsearchRequestItem[] {
  const lines: estypes.MsearchRequestItem[] = [];
  for (const { request } of parts) {
    const header: Record<string, unknown> = {};
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(request)) {
      if ((HEADER_KEYS as readonly string[]).includes(key)) header[key] = value;
      else if (!(MSEARCH_KEYS as readonly string[]).includes(key)) body[key] = value;
    }
    lines.push(header as estypes.MsearchMultisearchHeader, body as estypes.MsearchRequestItem);
  }
  return lines;
}
