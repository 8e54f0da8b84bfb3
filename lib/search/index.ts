/**
 * The search builders and codecs: no I/O, so other features (export, context) reuse them without
 * pulling in the engine client. The engine-facing service is `@/lib/search/run-search`.
 */
export { buildSearchRequest, buildSort, buildQuery, buildAggregations, searchAfterFor, type SearchPlan } from '@/lib/search/build-request';
export { chooseHistogramInterval, HISTOGRAM_INTERVALS, type HistogramInterval } from '@/lib/search/interval';
export { encodeCursor, decodeCursor, requestIdentity, CursorError, type CursorState } from '@/lib/search/cursor';
export { buildFilterClauses, filterToQuery } from '@/lib/search/filters';
export { reshapeSearchResponse, reshapePartial } from '@/lib/search/reshape';
export { highlightRanges } from '@/lib/search/highlight';
export { flattenSource } from '@/lib/search/flatten';
