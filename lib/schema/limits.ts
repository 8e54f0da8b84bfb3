/**
 * The wire shapes' limits and enumerations, free of zod: the browser imports them from here, so
 * the explorer's first load carries no schema library (the schemas in this folder import and
 * re-export them, so the server, the UI and the docs still agree on one set of numbers).
 */
export const SEARCH_LIMITS = {
  queryLength: 4_096,
  maxRows: 500,
  defaultRows: 100,
  maxFilters: 50,
  maxFilterValues: 100,
  maxFacets: 10,
  defaultFacetSize: 10,
  maxFacetSize: 100,
  maxHistogramBuckets: 200,
  /** Buckets the engine builds for one histogram (steps such as 3 days are merged from days). */
  maxEngineHistogramBuckets: 1_000,
  fieldNameLength: 256,
  valueLength: 1_024,
  cursorLength: 2_048,
  timeExpressionLength: 64,
  /** Searches in one streamed call (POST /api/search/stream): a screen has three parts. */
  maxStreamedSearches: 4,
} as const;

export const DEFAULT_TIME_RANGE: { from: string; to: string; timeZone?: string } = { from: 'now-24h', to: 'now' };

export const QUERY_LANGUAGES = ['kql', 'lucene'] as const;
export const SORT_ORDERS = ['desc', 'asc'] as const;

export const POD_LOG_LIMITS = {
  defaultTail: 1_000,
  maxTail: 5_000,
  maxPods: 50,
  /** The pod view's first screenful and each older page it reads on scroll. */
  defaultPage: 200,
  /** An older-lines cursor: base64url of a time, an index name (≤ 255) and a sequence number. */
  cursorLength: 512,
} as const;

export const VIEW_LIMITS = {
  nameLength: 200,
  descriptionLength: 2_000,
  defaultPageSize: 50,
  maxPageSize: 100,
  /** The engine's default max_result_window: deeper pages are refused, narrow with `q` instead. */
  maxOffset: 10_000,
  queryLength: 200,
  versionLength: 64,
} as const;

export const LINK_LIMITS = {
  /** Generous for a screen with many filters, well under what browsers and proxies accept. */
  pathLength: 8_000,
} as const;

export const EXPORT_HEADERS = {
  /** Rows this file will hold: the exact match count at the export's point in time, capped at maxRows. */
  total: 'x-export-total',
  /** Rows that matched, before the cap. */
  matched: 'x-export-matched',
} as const;

/** Bounds of the one screen shape (lib/schema/screen-state.ts) that the URL codec shares. */
export const SCREEN_STATE_LIMITS = {
  /** The same bound as the URL codec's MAX_COLUMNS, so every saved screen fits in a link and back. */
  maxColumns: 30,
  sourceLength: 64,
} as const;
