export { runSearch, searchTimeouts, type SearchContext, type SearchTimeouts } from '@/lib/search/run-search';
export { buildSearchRequest, buildSort, buildQuery, buildAggregations, searchAfterFor, type SearchPlan } from '@/lib/search/build-request';
export { chooseHistogramInterval, bucketCount, HISTOGRAM_INTERVALS, type HistogramInterval } from '@/lib/search/interval';
export { encodeCursor, decodeCursor, requestIdentity, CursorError, type CursorState } from '@/lib/search/cursor';
export { buildFilterClauses, filterToQuery } from '@/lib/search/filters';
export { reshapeSearchResponse, reshapePartial } from '@/lib/search/reshape';
export { highlightRanges } from '@/lib/search/highlight';
export { flattenSource } from '@/lib/search/flatten';
