'use client';
/**
 * `/pods/-/{pod}` (a link that knows only the pod, like a pod facet value): the namespace is
 * looked up with the search API's namespace facet, then the URL is replaced with the full one.
 */
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ANY_NAMESPACE, podViewHref, type LogsViewState } from '@/lib/k8s/view-url';
import { postSearch } from '@/lib/queries/search';
import { SearchRequest } from '@/lib/schema/search';

export function usePodNamespace(namespace: string, pod: string, state: LogsViewState): { looking: boolean; missing: boolean } {
  const router = useRouter();
  const unknown = namespace === ANY_NAMESPACE;
  const lookup = useQuery({
    queryKey: ['pod-namespace', pod, state.since, state.until],
    enabled: unknown,
    queryFn: ({ signal }) =>
      postSearch(
        SearchRequest.parse({
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
  useEffect(() => {
    if (unknown && found) router.replace(podViewHref(found, pod, state));
  }, [unknown, found, pod, state, router]);
  return { looking: unknown && !lookup.isError && !(lookup.isSuccess && !found), missing: unknown && lookup.isSuccess && !found };
}
