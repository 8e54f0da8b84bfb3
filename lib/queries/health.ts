import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from './api-error';

export interface HealthResponse {
  status?: string;
  engine?: { status?: string; distribution?: string; version?: string; name?: string };
}

/** What the engine is, for the footer: asked once per page, it does not change under a running app. */
export function engineQueryOptions() {
  return queryOptions({
    queryKey: ['health', 'engine'] as const,
    queryFn: ({ signal }) => fetchJson<HealthResponse>('/api/health', { signal, cache: 'no-store' }),
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** Polled only while the engine is known to be down; the banner goes away on the first success. */
export function healthQueryOptions(pollMs: number) {
  return queryOptions({
    queryKey: ['health'] as const,
    queryFn: ({ signal }) => fetchJson<HealthResponse>('/api/health', { signal, cache: 'no-store' }),
    refetchInterval: pollMs,
    refetchIntervalInBackground: true,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}
