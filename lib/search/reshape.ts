/**
 * The engine's answer → the public `SearchResponse`, in one place and in one pass over the hits
 * (this runs on every search; the budget for all server work is a few milliseconds).
 */
import type { estypes } from '@elastic/elasticsearch';
import type { FacetValue, PartialResults, SearchHit, SearchResponse, SortOrder } from '@/lib/schema/search';
import { HISTOGRAM_AGG, facetAggName } from '@/lib/search/build-request';
import type { CursorState, SortValues } from '@/lib/search/cursor';
import { flattenSource, messageText } from '@/lib/search/flatten';
import { highlightRanges } from '@/lib/search/highlight';
import { foldLevelsByBar, LEVELS_BY_BAR_AGG, reshapeHistogram } from '@/lib/search/histogram';
import type { HistogramInterval } from '@/lib/search/interval';

export interface ReshapeContext {
  size: number;
  sort: SortOrder;
  range: { from: number; to: number };
  timeZone: string;
  /** Where a hit's message may be, best first (see messageFieldsOf). */
  messageFields: readonly string[];
  histogram: HistogramInterval | null;
  facets: readonly { name: string }[];
  /** The cursor this page continues, or null on the first page. */
  after: CursorState | null;
}

export interface ReshapedPage extends Omit<SearchResponse, 'cursor' | 'tookMs' | 'meanings' | 'notes'> {
  /** What the next page's cursor must hold; null when this page is the last. */
  next: CursorState | null;
}

type RawHit = estypes.SearchHit<unknown>;
type Buckets<T> = T[] | Record<string, T> | undefined;

const MAX_PARTIAL_REASONS = 5;

function bucketList<T>(buckets: Buckets<T>): T[] {
  if (!buckets) return [];
  return Array.isArray(buckets) ? buckets : Object.values(buckets);
}

function sortValuesOf(hit: RawHit): SortValues | null {
  const [time, index, seqNo] = hit.sort ?? [];
  if (typeof time !== 'string' || typeof index !== 'string' || typeof seqNo !== 'number') return null;
  return [time, index, seqNo];
}

const sameSort = (a: SortValues | null, b: SortValues | null) =>
  a !== null && b !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

function toHit(raw: RawHit, sortValues: SortValues | null, messageFields: readonly string[]): SearchHit {
  const fields = flattenSource(raw._source);
  const messageField = messageFields.find((f) => fields[f] !== undefined);
  const message = messageField ? messageText(fields[messageField]) : '';
  const hit: SearchHit = { id: raw._id ?? '', index: raw._index, timestamp: sortValues?.[0] ?? '', message, fields };
  const tagged = messageField ? raw.highlight?.[messageField]?.[0] : undefined;
  if (tagged !== undefined) {
    const ranges = highlightRanges(tagged, message);
    if (ranges && ranges.length > 0) hit.highlight = ranges;
  }
  return hit;
}

function reshapeFacets(aggs: Record<string, estypes.AggregationsAggregate> | undefined, facets: ReshapeContext['facets']) {
  const out: Record<string, FacetValue[]> = {};
  facets.forEach((facet, i) => {
    const agg = aggs?.[facetAggName(i)] as estypes.AggregationsTermsAggregateBase<estypes.AggregationsStringTermsBucket> | undefined;
    out[facet.name] = bucketList(agg?.buckets).map((b) => ({
      value: (b as { key_as_string?: string }).key_as_string ?? String(b.key),
      count: b.doc_count,
    }));
  });
  return out;
}

export function reshapePartial(shards: estypes.ShardStatistics | undefined, timedOut: boolean): PartialResults | null {
  const failed = shards?.failed ?? 0;
  if (failed === 0 && !timedOut) return null;
  const reasons = new Set<string>();
  for (const f of shards?.failures ?? []) {
    if (reasons.size >= MAX_PARTIAL_REASONS) break;
    const reason = `${f.index ?? 'unknown index'}: ${f.reason.type}: ${f.reason.reason ?? ''}`.trim();
    reasons.add(reason.length > 300 ? `${reason.slice(0, 300)}…` : reason);
  }
  if (timedOut) reasons.add('the search ran out of time; results are incomplete');
  return { failedShards: failed, totalShards: shards?.total ?? 0, timedOut, reasons: [...reasons] };
}

export function reshapeSearchResponse(body: estypes.SearchResponse<unknown>, ctx: ReshapeContext): ReshapedPage {
  const previous = ctx.after;
  const hits: SearchHit[] = [];
  const sorts: (SortValues | null)[] = [];
  for (const raw of body.hits.hits) {
    if (hits.length === ctx.size) break;
    const sortValues = sortValuesOf(raw);
    // The page was asked to start at the previous page's last sort values (see searchAfterFor).
    if (previous && sameSort(sortValues, previous.after) && previous.tieIds.includes(raw._id ?? '')) continue;
    hits.push(toHit(raw, sortValues, ctx.messageFields));
    sorts.push(sortValues);
  }

  const histogram =
    ctx.histogram && !previous
      ? reshapeHistogram(
          foldLevelsByBar(
            body.aggregations?.[HISTOGRAM_AGG] as estypes.AggregationsDateHistogramAggregate | undefined,
            body.aggregations?.[LEVELS_BY_BAR_AGG] as estypes.AggregationsStringTermsAggregate | undefined,
          ),
          {
            interval: ctx.histogram,
            timeZone: ctx.timeZone,
            range: ctx.range,
          },
        )
      : null;
  let total: SearchResponse['total'];
  if (previous) total = previous.total;
  else if (histogram) total = { value: histogram.buckets.reduce((sum, b) => sum + b.count, 0), relation: 'eq' };
  else {
    const t = body.hits.total;
    if (typeof t === 'number') total = { value: t, relation: 'eq' };
    else if (t) total = { value: t.value, relation: t.relation };
    // Not counted (`total: false`): the page's own rows, every match when the page is not full.
    else total = { value: hits.length, relation: hits.length < ctx.size ? 'eq' : 'gte' };
  }

  let next: CursorState | null = null;
  const lastSort = sorts[sorts.length - 1] ?? null;
  if (hits.length === ctx.size && lastSort) {
    const tieIds = hits.filter((_, i) => sameSort(sorts[i] ?? null, lastSort)).map((h) => h.id);
    // A tie that spans the whole page continues the previous page's tie.
    if (previous && sameSort(previous.after, lastSort)) tieIds.unshift(...previous.tieIds);
    next = { after: lastSort, tieIds, range: ctx.range, total };
  }

  return {
    hits,
    total,
    histogram,
    facets: previous ? {} : reshapeFacets(body.aggregations, ctx.facets),
    partial: reshapePartial(body._shards, body.timed_out),
    range: ctx.range,
    next,
  };
}
