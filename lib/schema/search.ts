/**
 * The wire shape of POST /api/search: one schema validates on the server and types the client.
 * Limits live here so the server, the UI and the docs agree on them.
 */
import { z } from 'zod';
import type { ApiErrorBody } from '@/lib/schema/errors';
import { timeExpressionProblem } from '@/lib/time/date-math';
import { isValidTimeZone } from '@/lib/time/zone';
import { DEFAULT_TIME_RANGE as DEFAULT_RANGE, QUERY_LANGUAGES, SEARCH_LIMITS, SORT_ORDERS } from '@/lib/schema/limits';

export { SEARCH_LIMITS };

const fieldName = z
  .string()
  .min(1, 'a field name is required')
  .max(SEARCH_LIMITS.fieldNameLength, `field names are at most ${SEARCH_LIMITS.fieldNameLength} characters`);
const filterValue = z.string().max(SEARCH_LIMITS.valueLength, `values are at most ${SEARCH_LIMITS.valueLength} characters`);

export const QueryLanguage = z.enum(QUERY_LANGUAGES);
export type QueryLanguage = z.infer<typeof QueryLanguage>;

export const QueryInput = z.object({
  language: QueryLanguage.default('kql'),
  text: z.string().max(SEARCH_LIMITS.queryLength, `the query is longer than ${SEARCH_LIMITS.queryLength} characters`).default(''),
});
export type QueryInput = z.infer<typeof QueryInput>;

const filterCommon = {
  field: fieldName,
  negate: z.boolean().default(false),
  /** A disabled filter is kept (in the URL, in a view) but not applied. */
  disabled: z.boolean().default(false),
};

export const Filter = z.discriminatedUnion('op', [
  z.object({ ...filterCommon, op: z.literal('is'), value: filterValue }),
  z.object({
    ...filterCommon,
    op: z.literal('is_one_of'),
    value: z.array(filterValue).min(1).max(SEARCH_LIMITS.maxFilterValues),
  }),
  z.object({ ...filterCommon, op: z.literal('exists') }),
  z.object({
    ...filterCommon,
    op: z.literal('between'),
    value: z
      .object({ gte: filterValue.optional(), lt: filterValue.optional() })
      .refine((v) => v.gte !== undefined || v.lt !== undefined, 'between needs gte, lt or both'),
  }),
]);
export type Filter = z.infer<typeof Filter>;

/**
 * Date math (`now-24h`, `now-1d/d+6h`), an ISO-8601 time or epoch milliseconds: the one time
 * grammar (lib/time) that the API, the URL codec, saved views and the time picker all accept.
 */
export const TimeExpression = z.string().superRefine((raw, ctx) => {
  const problem = timeExpressionProblem(raw, SEARCH_LIMITS.timeExpressionLength);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { apiCode: 'invalid_time' } });
});

/** An IANA zone (`Europe/Berlin`) or `UTC`; absent means UTC. */
export const TimeZone = z.string().superRefine((zone, ctx) => {
  if (!isValidTimeZone(zone)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${zone.slice(0, 64)}" is not a known IANA time zone (e.g. Europe/Berlin, UTC)`,
      params: { apiCode: 'invalid_time' },
    });
  }
});

export const TimeRange = z.object({ from: TimeExpression, to: TimeExpression, timeZone: TimeZone.optional() });
export type TimeRange = z.infer<typeof TimeRange>;
export const DEFAULT_TIME_RANGE: TimeRange = DEFAULT_RANGE;

export const SortOrder = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof SortOrder>;

export const SearchRequest = z
  .object({
    source: z.string().min(1).max(64).optional(),
    query: QueryInput.default({ language: 'kql', text: '' }),
    filters: z.array(Filter).max(SEARCH_LIMITS.maxFilters).default([]),
    time: TimeRange.default(DEFAULT_TIME_RANGE),
    sort: SortOrder.default('desc'),
    size: z
      .number()
      .int('size must be a whole number')
      // 0: no rows, only the count, the bars and the facets (a screen's parts fetched on their own).
      .min(0, 'size must be at least 0')
      .max(SEARCH_LIMITS.maxRows, `size is at most ${SEARCH_LIMITS.maxRows}`)
      .default(SEARCH_LIMITS.defaultRows),
    after: z.string().min(1).max(SEARCH_LIMITS.cursorLength).optional(),
    histogram: z.boolean().default(true),
    /** Profile meanings (`namespace`, `pod`, …) or field names. */
    facets: z.array(fieldName).max(SEARCH_LIMITS.maxFacets).default([]),
    facetSize: z.number().int().min(1).max(SEARCH_LIMITS.maxFacetSize).default(SEARCH_LIMITS.defaultFacetSize),
    /**
     * `false`: rows without a hit count, for a caller that has the exact count from elsewhere (the
     * explorer's count-and-bars part). Counting to 10,000 keeps the engine from stopping after
     * the first page of a broad query. `total` is then what the page shows: exact when it holds
     * every match, else at least that many. With the histogram the count is its bars either way.
     */
    total: z.boolean().default(true),
  })
  .strict();
export type SearchRequest = z.infer<typeof SearchRequest>;
export type SearchRequestInput = z.input<typeof SearchRequest>;

/**
 * `POST /api/search/stream`: searches of one screen in one call, each as `POST /api/search` would
 * answer it (the browser's rows, count and bars, and facets parts).
 */
export const SearchStreamRequest = z
  .object({
    requests: z
      .array(SearchRequest)
      .min(1, 'requests lists no search')
      .max(SEARCH_LIMITS.maxStreamedSearches, `requests holds at most ${SEARCH_LIMITS.maxStreamedSearches} searches`),
  })
  .strict();
export type SearchStreamRequest = z.infer<typeof SearchStreamRequest>;

/** [start, end) character offsets of matched terms inside `message`. */
export type HighlightRange = [number, number];

export interface SearchHit {
  id: string;
  index: string;
  timestamp: string;
  message: string;
  highlight?: HighlightRange[];
  /** Flattened `_source`: dotted field name → value. */
  fields: Record<string, unknown>;
}

export interface HistogramBucket {
  /** Start of the bar's whole interval (epoch ms), which may lie before the range's start. */
  key: number;
  /** Start of the next bar's interval: calendar bars differ in length (DST days, months). */
  end: number;
  count: number;
  /** The range covers only part of this bar's interval (the first or last bar, as Kibana marks them). */
  partial?: true;
  /** Counts per level value when the source has a level field. */
  levels?: Record<string, number>;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface PartialResults {
  failedShards: number;
  totalShards: number;
  timedOut: boolean;
  reasons: string[];
}

/**
 * A part of the screen the server could not compute, and why (a facet over a field mapped
 * differently across indices, a failed aggregation): the rest of the screen still shows.
 */
export interface ScreenNote {
  part: 'histogram' | 'levels' | 'facets';
  /** The facet (as requested) the note is about, for facet notes. */
  facet?: string;
  message: string;
}

export interface SearchResponse {
  hits: SearchHit[];
  total: { value: number; relation: 'eq' | 'gte' };
  /** Bars in the request's time zone; their counts add up to `total`, one bar per document. */
  histogram: {
    interval: string;
    intervalMs: number;
    timeZone: string;
    from: number;
    to: number;
    buckets: HistogramBucket[];
  } | null;
  facets: Record<string, FacetValue[]>;
  cursor: string | null;
  partial: PartialResults | null;
  /** Parts left out and why; empty when the screen is whole. */
  notes: ScreenNote[];
  /**
   * The facets were counted from a random sample of the matching lines (Elasticsearch's
   * `random_sampler`, for a facets-only request over more lines than the server's threshold):
   * their counts are estimates, scaled up by the engine. Absent or null when they are exact.
   */
  facetsSample?: { probability: number; sampleDocs: number; matchedDocs: number } | null;
  /** The time range as resolved on the server (epoch ms), so the UI shows what was searched. */
  range: { from: number; to: number };
  /**
   * The source's field for each meaning it has (`namespace` → `kubernetes.namespace_name`), from
   * its detected profile, so clients map columns and facets to row fields without guessing.
   */
  meanings: Record<string, string>;
  /**
   * engine: the engine's own `took`; engineRoundTrip: the engine call as the server saw it (adds
   * the engine's response rendering, the wire and JSON decoding); server: the handler's wall time.
   */
  tookMs: { engine: number; engineRoundTrip: number; server: number };
}

/**
 * One line of `POST /api/search/stream`'s answer (NDJSON), written the moment its search is
 * answered: `i` is the search's place in `requests`; the search's answer, or its error as the
 * status and body `POST /api/search` would have answered.
 */
export type SearchStreamLine = { i: number; response: SearchResponse } | { i: number; status: number; error: ApiErrorBody['error'] };
