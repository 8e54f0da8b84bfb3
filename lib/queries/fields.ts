import { queryOptions } from '@tanstack/react-query';
import { fetchJson, retryTransient } from './api-error';

export interface SourceField {
  name: string;
  type: string;
  aggregatable: boolean;
}

export interface FieldsResponse {
  fields: SourceField[];
  /** The field profile the source is read with (`fluentd`, `fluent-bit`, `ecs`, `otel`, `generic`). */
  profile?: string;
  meanings?: Record<string, string>;
}

/** A source's field list changes with its mappings, rarely: fetched once per source and kept. */
export function fieldsQueryOptions(source: string | undefined) {
  return queryOptions({
    queryKey: ['fields', source ?? null] as const,
    queryFn: ({ signal }) => {
      const qs = source ? `?source=${encodeURIComponent(source)}` : '';
      return fetchJson<FieldsResponse>(`/api/fields${qs}`, { signal });
    },
    staleTime: 5 * 60_000,
    retry: retryTransient,
    refetchOnWindowFocus: false,
  });
}
