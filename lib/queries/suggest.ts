/**
 * GET /api/values as a TanStack query for the suggestion lists. The key is the request, so a
 * new prefix is a new query: the previous one loses its observer and, since its fetch took the
 * abort signal, is cancelled on the way (TanStack aborts unused queries that consumed it).
 */
import { queryOptions } from '@tanstack/react-query';
import type { ValuesResponse } from '@/lib/suggest/values-params';
import { fetchJson } from './api-error';

export interface ValuesQuery {
  source: string | undefined;
  field: string;
  prefix: string;
  from: string;
  to: string;
  size: number;
}

export function valuesUrl(q: ValuesQuery): string {
  const params = new URLSearchParams({ field: q.field, prefix: q.prefix, from: q.from, to: q.to, size: String(q.size) });
  if (q.source) params.set('source', q.source);
  return `/api/values?${params.toString()}`;
}

export function valuesQueryOptions(q: ValuesQuery) {
  return queryOptions({
    queryKey: ['values', q] as const,
    queryFn: ({ signal }) => fetchJson<ValuesResponse>(valuesUrl(q), { signal }),
    // Top values move slowly; a prefix typed again within the minute is answered from memory.
    staleTime: 60_000,
    gcTime: 2 * 60_000,
    // A suggestion that failed is not worth a second try: the next keystroke asks again.
    retry: false,
    refetchOnWindowFocus: false,
    // While the next prefix loads, the last list of the same field stays (filtered by the caller).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1].field === q.field ? previous : undefined),
  });
}
