/** POST /api/pod-logs and /api/workload-logs as TanStack queries; the key is the typed request. */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  PodLinesRequestInput,
  PodLinesResponse,
  PodLogsRequestInput,
  PodLogsResponse,
  WorkloadLogsRequestInput,
  WorkloadLogsResponse,
} from '@/lib/schema/pod-logs';
import type { ContextRequestInput, ContextResponse } from '@/lib/schema/context';
import { fetchJson, retryTransient } from './api-error';

const post = <T>(url: string, body: unknown, signal: AbortSignal) =>
  fetchJson<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });

export function podLogsQueryOptions(request: PodLogsRequestInput, refreshTick = 0) {
  return queryOptions({
    queryKey: ['pod-logs', request, refreshTick] as const,
    queryFn: ({ signal }) => post<PodLogsResponse>('/api/pod-logs', request, signal),
    placeholderData: keepPreviousData,
    retry: retryTransient,
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

/**
 * The pod view's older lines, a page at a time from the first answer's `older` cursor, until
 * `tail` lines are there in all (`firstCount` of them came with the first answer).
 */
export function olderPodLinesQueryOptions(
  request: Omit<PodLinesRequestInput, 'before' | 'size'>,
  start: string | null,
  tail: number,
  firstCount: number,
  pageSize: number,
) {
  const sizeAfter = (loaded: number) => Math.min(pageSize, tail - loaded);
  return infiniteQueryOptions({
    queryKey: ['pod-lines', request, start, tail, firstCount] as const,
    queryFn: ({ pageParam, signal }) =>
      post<PodLinesResponse>('/api/pod-logs/lines', { ...request, before: pageParam.before, size: pageParam.size }, signal),
    initialPageParam: { before: start ?? '', size: sizeAfter(firstCount) },
    getNextPageParam: (last, all) => {
      const loaded = firstCount + all.reduce((n, page) => n + page.lines.length, 0);
      return last.older && sizeAfter(loaded) > 0 ? { before: last.older, size: sizeAfter(loaded) } : undefined;
    },
    retry: retryTransient,
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function workloadLogsQueryOptions(request: WorkloadLogsRequestInput, refreshTick = 0) {
  return queryOptions({
    queryKey: ['workload-logs', request, refreshTick] as const,
    queryFn: ({ signal }) => post<WorkloadLogsResponse>('/api/workload-logs', request, signal),
    placeholderData: keepPreviousData,
    retry: retryTransient,
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

export function contextQueryOptions(request: ContextRequestInput) {
  return queryOptions({
    queryKey: ['context', request] as const,
    queryFn: ({ signal }) => post<ContextResponse>('/api/context', request, signal),
    placeholderData: keepPreviousData,
    retry: retryTransient,
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
