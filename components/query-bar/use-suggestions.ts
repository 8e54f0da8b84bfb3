'use client';
/**
 * The suggestion list for the KQL being typed: what fits at the cursor (lib/suggest/kql-cursor),
 * filled from the source's field list (fetched once, kept) and the values of the field at the
 * cursor (debounced, the previous request cancelled when the prefix moves on).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { fieldsQueryOptions } from '@/lib/queries/fields';
import { valuesQueryOptions, type ValuesQuery } from '@/lib/queries/suggest';
import type { TimeRange } from '@/lib/schema/search';
import type { KqlCompletion } from '@/lib/suggest/kql-complete';
import type { KqlCursorContext } from '@/lib/suggest/kql-cursor';
import { deferredModule } from '@/components/ui/deferred';
import { valueSuggestionField } from '@/lib/suggest/value-field';
import type { ValuesResponse } from '@/lib/suggest/values-params';

export const SUGGEST_DEBOUNCE_MS = 150;

/** The KQL cursor analysis (with the lexer), the list's items and applying a pick are fetched when the list is first wanted, not with the screen. */
export const kqlCursorCode = deferredModule(() => import('./suggest-code'));
type SuggestCode = typeof import('./suggest-code');
const VALUE_COUNT = 10;

export interface SuggestionItem {
  key: string;
  label: string;
  /** A short hint beside the label: a field's type, a value's count, what an operator does. */
  detail?: string;
  kind: KqlCompletion['kind'];
  completion: KqlCompletion;
}

interface SuggestionsInput {
  text: string;
  cursor: number;
  /** Only while the list may be shown: nothing is fetched for a closed list. */
  enabled: boolean;
  source: string | undefined;
  time: TimeRange;
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The values for a request, debounced: until the typing pauses the last request stays the key
 * and its list is returned (callers narrow it to the prefix as it grows); then the key moves on
 * and a request still in flight for the old key is cancelled. Null when there is nothing for
 * the wanted field yet.
 */
export function useValueSuggestions(wanted: ValuesQuery | null): ValuesResponse | null {
  // Debounced as text: a new object per render must not restart the wait.
  const key = useDebounced(JSON.stringify(wanted), SUGGEST_DEBOUNCE_MS);
  const settled = useMemo(() => JSON.parse(key) as ValuesQuery | null, [key]);
  const requested = wanted && settled?.field === wanted.field && settled.source === wanted.source ? settled : null;
  const values = useQuery({
    ...valuesQueryOptions(requested ?? { source: undefined, field: '', prefix: '', from: '', to: '', size: 0 }),
    enabled: requested !== null,
  });
  return requested ? (values.data ?? null) : null;
}

export function useSuggestions({ text, cursor, enabled, source, time }: SuggestionsInput): {
  context: KqlCursorContext;
  items: SuggestionItem[];
  /** Why there are no values to suggest (a field mapped differently across indices), shown below the list. */
  note: string | undefined;
  /** Applies a picked item to the text; null until the list's code is here (no item can be picked before). */
  apply: SuggestCode['applyKqlCompletion'] | null;
} {
  const code = kqlCursorCode.useModule(enabled);
  const context = useMemo(
    () => (enabled && code ? code.analyzeKqlCursor(text, cursor) : ({ kind: 'none' } as const)),
    [enabled, code, text, cursor],
  );
  const fieldList = useQuery({ ...fieldsQueryOptions(source), enabled });
  const fields = useMemo(() => new Map((fieldList.data?.fields ?? []).map((f) => [f.name, f])), [fieldList.data]);

  const wanted: ValuesQuery | null =
    context.kind === 'value' && valueSuggestionField(fields, context.field)
      ? { source, field: context.field, prefix: context.prefix, from: time.from, to: time.to, size: VALUE_COUNT }
      : null;
  const values = useValueSuggestions(wanted);

  const items = useMemo(() => (code ? code.suggestionItems(context, fields, values) : []), [code, context, fields, values]);

  const note = context.kind === 'value' ? values?.note : undefined;
  return { context, items, note, apply: code?.applyKqlCompletion ?? null };
}
