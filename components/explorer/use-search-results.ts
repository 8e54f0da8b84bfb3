'use client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError } from '@/lib/queries/api-error';
import { searchPartQueryOptions, searchQueryOptions } from '@/lib/queries/search';
import type { FirstRows } from './first-rows';
import { fitsFirstRows, screenParts } from './search-request';
import type { SearchHit, SearchRequest, SearchResponse } from '@/lib/schema/search';

export interface SearchResults {
  rows: SearchHit[];
  /**
   * The screen so far: the rows' first page (range, partial results, meanings) with the count and
   * bars and the facets laid over it as each arrives; `total`, `histogram` and `facets` are
   * undefined until their part has answered.
   */
  summary: Summary | undefined;
  /** The count and bars, and the facets, are being fetched (each part has its own loading state). */
  countsLoading: boolean;
  facetsLoading: boolean;
  /** The screen's request failed (the rows shown, if any, are from an earlier screen). */
  error: ApiError | null;
  /** Only the next page failed; the loaded rows are current. */
  loadMoreError: ApiError | null;
  /** A new screen is being fetched while the previous one stays visible. */
  refreshing: boolean;
  initialLoading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

export type Summary = Omit<SearchResponse, 'total' | 'histogram' | 'facets'> & {
  total: SearchResponse['total'] | undefined;
  histogram: SearchResponse['histogram'] | undefined;
  facets: SearchResponse['facets'] | undefined;
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function rowKey(hit: Pick<SearchHit, 'index' | 'id'>): string {
  return `${hit.index}/${hit.id}`;
}

/** `value` when there is one, else the last value that came with `good` set. */
function useLastGood<T>(value: T | undefined, good: boolean): T | undefined {
  const last = useRef(value);
  // Remembering across renders without a second render is what a ref is for; the write is
  // idempotent (same value for the same inputs), so a discarded render leaves nothing wrong.
  // eslint-disable-next-line react-hooks/refs -- deliberate render-time ref write, see above
  if (value && good) last.current = value;
  // eslint-disable-next-line react-hooks/refs -- reads the value remembered above
  return value ?? last.current;
}

/**
 * `firstRows`: the first page the server rendered into the HTML. While the screen is still the
 * one it was searched for, it is the rows' data (no request) and its `now` is the screen's, so the
 * count, bars and facets count the very instants of those rows; any change or refresh lets it go.
 * `enabled`: false while the request is not yet the one to send (hydrating in a zone the browser
 * does not read in): nothing is asked until it is.
 */
export function useSearchResults(request: SearchRequest, refreshTick: number, firstRows?: FirstRows, enabled = true): SearchResults {
  const [serverRows, setServerRows] = useState(firstRows ?? null);
  const fromServer = serverRows !== null && refreshTick === 0 && fitsFirstRows(request, serverRows);
  if (serverRows !== null && !fromServer) setServerRows(null);
  // One `now` per screen and refresh, so the parts count the same instants. Reading the clock in
  // a memo is deliberate: a render React throws away costs at most one extra request.
  const parts = useMemo(
    // eslint-disable-next-line react-hooks/purity -- see above
    () => screenParts(request, fromServer ? serverRows.now : Date.now()),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refreshTick is why the clock is read again; `serverRows` only matters through fromServer
    [request, refreshTick, fromServer],
  );
  const rowsOptions = searchQueryOptions(parts.rows, refreshTick);
  const query = useInfiniteQuery(
    fromServer ? { ...rowsOptions, enabled, initialData: { pages: [serverRows.page], pageParams: [null] } } : { ...rowsOptions, enabled },
  );
  const counts = useQuery({ ...searchPartQueryOptions('counts', parts.counts, refreshTick), enabled });
  const facets = useQuery({ ...searchPartQueryOptions('facets', parts.facets, refreshTick), enabled });
  // A failed request has no data, not even placeholder data; the last good screen stays up
  // (dimmed by nothing, with the error beside it) rather than going blank.
  const data = useLastGood(query.data, !query.isPlaceholderData);

  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: SearchHit[] = [];
    for (const page of data?.pages ?? []) {
      for (const hit of page.hits) {
        const key = rowKey(hit);
        // Pages are cut by a cursor, so overlaps should not happen; never show one twice if they do.
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(hit);
      }
    }
    return out;
  }, [data]);

  const anyError =
    query.error instanceof ApiError
      ? query.error
      : query.error
        ? new ApiError(0, 'internal', String((query.error as Error).message), null)
        : null;
  const { fetchNextPage, refetch, hasNextPage, isFetchingNextPage, isFetching, isFetchNextPageError } = query;
  // Stable between fetch-state changes, so the memoized table does not re-render for nothing.
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetching, fetchNextPage]);
  const retry = useCallback(() => void refetch(), [refetch]);

  const first = data?.pages[0];
  const countsData = useLastGood(counts.data, !counts.isPlaceholderData);
  const facetsData = useLastGood(facets.data, !facets.isPlaceholderData);
  const summary = useMemo<Summary | undefined>(() => {
    if (!first) return undefined;
    const partial = first.partial ?? countsData?.partial ?? facetsData?.partial ?? null;
    return {
      ...first,
      total: countsData?.total,
      histogram: countsData?.histogram,
      facets: facetsData?.facets,
      facetsSample: facetsData?.facetsSample ?? null,
      partial,
      notes: [
        ...(countsData?.notes ?? []),
        ...(facetsData?.notes ?? []),
        // A part that failed costs that part only: the rows stay, and the reason is shown where it would be.
        ...(counts.error ? [{ part: 'histogram' as const, message: `no count or bars: ${errorText(counts.error)}` }] : []),
        ...(facets.error
          ? request.facets.map((facet) => ({ part: 'facets' as const, facet, message: `no counts: ${errorText(facets.error)}` }))
          : []),
      ],
    };
  }, [first, countsData, facetsData, counts.error, facets.error, request.facets]);

  return {
    rows,
    summary,
    countsLoading: counts.isFetching || counts.isPlaceholderData,
    facetsLoading: facets.isFetching || facets.isPlaceholderData,
    error: isFetchNextPageError ? null : anyError,
    loadMoreError: isFetchNextPageError ? anyError : null,
    // Placeholder data means a new request is under way even before its fetch has started, so
    // the screen says so in the same render as the change (and the histogram waits; see there).
    refreshing: (isFetching && !isFetchingNextPage) || query.isPlaceholderData,
    initialLoading: !data && query.isPending,
    hasMore: hasNextPage && !query.isError,
    loadingMore: isFetchingNextPage,
    loadMore,
    retry,
  };
}
