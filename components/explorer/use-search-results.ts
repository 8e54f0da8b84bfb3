'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { ApiError } from '@/lib/queries/api-error';
import { searchQueryOptions } from '@/lib/queries/search';
import type { SearchHit, SearchRequest, SearchResponse } from '@/lib/schema/search';

export interface SearchResults {
  rows: SearchHit[];
  /** The first page: total, histogram, facets, partial-results and the resolved range. */
  summary: SearchResponse | undefined;
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

export function useSearchResults(request: SearchRequest, refreshTick: number): SearchResults {
  const query = useInfiniteQuery(searchQueryOptions(request, refreshTick));
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

  return {
    rows,
    summary: data?.pages[0],
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
