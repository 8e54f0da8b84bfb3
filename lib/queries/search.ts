/**
 * POST /api/search as TanStack queries. The key is the typed request, so equal screens share a
 * cache entry and any change to the request is a new query (the old one is aborted). The first
 * page carries the histogram and facets; later pages only rows, via the cursor.
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SearchRequest, SearchResponse } from '@/lib/schema/search';
import { fetchJson, retryTransient } from './api-error';
import { searchStreamer } from './search-stream';

export async function postSearch(request: SearchRequest, signal: AbortSignal): Promise<SearchResponse> {
  return fetchJson<SearchResponse>('/api/search', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
}

/** The first page, the count with the bars and the facets of a screen, started together: one streamed call. */
const screenPartSearch = searchStreamer(postSearch);

/**
 * `refreshTick` is not part of the request: bumping it asks for the same request again as a new
 * query, so a refresh is one call (not one per loaded page) and the old results stay on screen.
 */
export function searchQueryOptions(request: SearchRequest, refreshTick = 0) {
  return infiniteQueryOptions({
    queryKey: ['search', request, refreshTick] as const,
    queryFn: ({ pageParam, signal }) =>
      pageParam === null
        ? screenPartSearch(request, signal)
        : postSearch({ ...request, after: pageParam, histogram: false, facets: [] }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: SearchResponse) => last.cursor ?? undefined,
    placeholderData: keepPreviousData,
    retry: retryTransient,
    // Logs keep arriving, but the screen changes only when the user asks (refresh, auto-refresh).
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    gcTime: 60_000,
  });
}

/** A part of a screen that has no pages (the count with the bars, the facets): one call per request. */
export function searchPartQueryOptions(part: 'counts' | 'facets', request: SearchRequest, refreshTick = 0) {
  return queryOptions({
    queryKey: ['search', part, request, refreshTick] as const,
    queryFn: ({ signal }) => screenPartSearch(request, signal),
    placeholderData: keepPreviousData,
    retry: retryTransient,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    gcTime: 60_000,
  });
}
