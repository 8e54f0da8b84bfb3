/**
 * Deep links to a document: GET /api/doc fetches it wherever it lies, and one narrow search says
 * whether it still belongs to the screen (the screen's query and filters over the document's own
 * instant within the screen's range).
 */
import { queryOptions } from '@tanstack/react-query';
import type { DocResponse } from '@/lib/documents/doc-params';
import type { SearchHit, SearchRequest } from '@/lib/schema/search';
import { fetchJson, retryTransient } from './api-error';
import { postSearch } from './search';

export interface DocKey {
  source: string | undefined;
  index: string;
  id: string;
}

export function docQueryOptions({ source, index, id }: DocKey) {
  return queryOptions({
    queryKey: ['doc', source ?? null, index, id] as const,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ index, id });
      if (source) params.set('source', source);
      return fetchJson<DocResponse>(`/api/doc?${params.toString()}`, { signal });
    },
    retry: retryTransient,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Whether a document is one of the screen's rows; `outside_range` needs no request. */
export type DocMatch = 'matches' | 'outside_range' | 'no_match';

/** The most rows sharing one millisecond the check looks through; more than that is not seen in logs. */
const SAME_INSTANT_ROWS = 500;

/**
 * `selection` is the screen's request (query, filters, time, source); `range` its resolved time
 * range in epoch ms. The document's time is cut to milliseconds, so the window is that
 * millisecond and the next (a nanosecond time lies between them), clipped to the screen's range.
 */
export function docMatchQueryOptions(selection: SearchRequest, range: { from: number; to: number }, hit: SearchHit) {
  const at = Math.floor(Date.parse(hit.timestamp));
  const from = Math.max(range.from, at);
  const to = Math.min(range.to, at + 1);
  return queryOptions({
    queryKey: ['doc-match', selection, range, hit.index, hit.id] as const,
    queryFn: async ({ signal }): Promise<DocMatch> => {
      if (!Number.isFinite(at) || at < range.from || at > range.to) return 'outside_range';
      const page = await postSearch(
        {
          ...selection,
          time: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
          size: SAME_INSTANT_ROWS,
          histogram: false,
          facets: [],
          after: undefined,
        },
        signal,
      );
      return page.hits.some((h) => h.index === hit.index && h.id === hit.id) ? 'matches' : 'no_match';
    },
    retry: retryTransient,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
