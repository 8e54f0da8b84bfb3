'use client';
import { useMemo } from 'react';
import type { ListOption } from '@/components/query-bar/suggestions-list';
import { useValueSuggestions } from '@/components/query-bar/use-suggestions';
import type { SourceField } from '@/lib/queries/fields';
import type { ValuesQuery } from '@/lib/queries/suggest';
import type { TimeRange } from '@/lib/schema/search';

const VALUE_COUNT = 10;

/** Whether a field has values worth suggesting: aggregatable itself or through `.keyword`, and not a time. */
export function suggestsValues(fields: readonly SourceField[], name: string): boolean {
  const own = fields.find((f) => f.name === name);
  if (own?.type === 'date' || own?.type === 'date_nanos') return false;
  return Boolean(own?.aggregatable || fields.some((f) => f.name === `${name}.keyword` && f.aggregatable));
}

/**
 * Top values of `field` starting with `prefix` in the time range, as list options: debounced,
 * the last list kept (and narrowed) while the next loads, the superseded request cancelled.
 */
export function useValueOptions(input: {
  source: string | undefined;
  time: TimeRange;
  field: string;
  prefix: string;
  enabled: boolean;
}): ListOption[] {
  const wanted: ValuesQuery | null = input.enabled
    ? { source: input.source, field: input.field, prefix: input.prefix, from: input.time.from, to: input.time.to, size: VALUE_COUNT }
    : null;
  const values = useValueSuggestions(wanted);
  return useMemo(() => {
    if (!values) return [];
    const typed = input.prefix.toLowerCase();
    return values.values
      .filter((v) => v.value.toLowerCase().startsWith(typed))
      .map((v) => ({ key: v.value, label: v.value, detail: v.count.toLocaleString('en-US'), kind: 'value' }));
  }, [values, input.prefix]);
}
