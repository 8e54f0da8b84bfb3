'use client';
import { useMemo } from 'react';
import type { ListOption } from '@/components/query-bar/suggestions-list';
import { useValueSuggestions } from '@/components/query-bar/use-suggestions';
import type { ValuesQuery } from '@/lib/queries/suggest';
import type { TimeRange } from '@/lib/schema/search';

const VALUE_COUNT = 10;

/**
 * Top values of `field` starting with `prefix` in the time range, as list options: debounced,
 * the last list kept (and narrowed) while the next loads, the superseded request cancelled.
 * `note`: why there are none (the field is mapped differently across indices), as the query bar shows it.
 */
export function useValueOptions(input: { source: string | undefined; time: TimeRange; field: string; prefix: string; enabled: boolean }): {
  options: ListOption[];
  note: string | undefined;
} {
  const wanted: ValuesQuery | null = input.enabled
    ? { source: input.source, field: input.field, prefix: input.prefix, from: input.time.from, to: input.time.to, size: VALUE_COUNT }
    : null;
  const values = useValueSuggestions(wanted);
  const options = useMemo(() => {
    if (!values) return [];
    const typed = input.prefix.toLowerCase();
    return values.values
      .filter((v) => v.value.toLowerCase().startsWith(typed))
      .map((v) => ({ key: v.value, label: v.value, detail: v.count.toLocaleString('en-US'), kind: 'value' }));
  }, [values, input.prefix]);
  return { options, note: values?.note };
}
