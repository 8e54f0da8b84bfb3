'use client';
import { useMemo } from 'react';
import type { JsonFilterActions } from '@/components/document/json-message-view';
import { useIsField } from '@/components/document/use-is-field';
import { explorerFilterHref } from '@/lib/k8s/view-url';

/** The pod, workload and context views: a JSON key's filter opens the explorer over the view's range (and pod). */
export function useJsonFilters(view: { source: string | null; since: string; until: string; pod?: string }): JsonFilterActions {
  const isField = useIsField(view.source ?? undefined);
  const { source, since, until, pod } = view;
  return useMemo(
    () => ({
      isField,
      filterHref: (field, value, negate) => explorerFilterHref({ field, value, negate }, { since, until, source, ...(pod ? { pod } : {}) }),
    }),
    [isField, source, since, until, pod],
  );
}
