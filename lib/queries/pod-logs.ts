/** POST /api/pod-logs and /api/workload-logs as TanStack queries; the key is the typed request. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { PodLogsRequestInput, PodLogsResponse, WorkloadLogsRequestInput, WorkloadLogsResponse } from '@/lib/schema/pod-logs';
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
