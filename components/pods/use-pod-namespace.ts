'use client';
/**
 * `/pods/-/{pod}` and `/workloads/-/{name}?via={pod}` (links that know only a pod, like a pod
 * facet value): the pod's namespace is looked up with the search API's namespace facet, then
 * the URL is replaced with the full one (`hrefIn(namespace)`).
 */
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ANY_NAMESPACE, type LogsViewState } from '@/lib/k8s/view-url';
import { postSearch } from '@/lib/queries/search';
import '@/lib/schema/jitless';
import { SearchRequest } from '@/lib/schema/search';

export function usePodNamespace(
  namespace: string,
  pod: string | null,
  state: LogsViewState,
  hrefIn: (namespace: string) => string,
): { looking: boolean; missing: boolean } {
  const router = useRouter();
  const unknown = namespace === ANY_NAMESPACE;
  const lookup = useQuery({
    queryKey: ['pod-namespace', state.source, pod, state.since, state.until],
    enabled: unknown && pod !== null,
    queryFn: ({ signal }) =>
      postSearch(
        SearchRequest.parse({
          ...(state.source ? { source: state.source } : {}),
          filters: [{ field: 'pod', op: 'is', value: pod }],
          time: { from: state.since, to: state.until },
          size: 1,
          histogram: false,
          facets: ['namespace'],
          facetSize: 2,
        }),
        signal,
      ),
  });
  const found = lookup.data?.facets.namespace?.[0]?.value;
  const target = unknown && found ? hrefIn(found) : null;
  useEffect(() => {
    if (target) router.replace(target);
  }, [target, router]);
  const missing = unknown && (pod === null || (lookup.isSuccess && !found));
  return { looking: unknown && !missing && !lookup.isError, missing };
}
