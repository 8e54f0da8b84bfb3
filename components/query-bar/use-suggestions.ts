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
import { KQL_OPERATORS, type KqlCompletion, type KqlConjunction, type KqlOperator } from '@/lib/suggest/kql-complete';
import type { KqlCursorContext } from '@/lib/suggest/kql-cursor';
import { deferredModule } from '@/components/ui/deferred';
import { rankFieldNames } from '@/lib/suggest/rank-fields';
import { valueSuggestionField } from '@/lib/suggest/value-field';
import type { ValuesResponse } from '@/lib/suggest/values-params';

export const SUGGEST_DEBOUNCE_MS = 150;

/** The KQL cursor analysis (with the lexer) is fetched when the list is first wanted, not with the screen. */
export const kqlCursorCode = deferredModule(() => import('@/lib/suggest/kql-cursor'));
const MAX_FIELDS = 30;
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

const OPERATOR_HINT: Record<KqlOperator, string> = {
  ':': 'equals / contains',
  ':*': 'exists',
  '<': 'less than',
  '<=': 'at most',
  '>': 'greater than',
  '>=': 'at least',
};
const ORDERED_TYPES = new Set([
  'date',
  'date_nanos',
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
  'ip',
  'version',
]);

function conjunctions(prefix: string, keywords: readonly KqlConjunction[]): SuggestionItem[] {
  const typed = prefix.toLowerCase();
  return keywords
    .filter((k) => k.startsWith(typed) && k !== typed)
    .map((keyword) => ({ key: `bool:${keyword}`, label: keyword, kind: 'boolean', completion: { kind: 'boolean', keyword } }));
}

export function useSuggestions({ text, cursor, enabled, source, time }: SuggestionsInput): {
  context: KqlCursorContext;
  items: SuggestionItem[];
  /** Why there are no values to suggest (a field mapped differently across indices), shown below the list. */
  note: string | undefined;
} {
  const kqlCursor = kqlCursorCode.useModule(enabled);
  const context = useMemo(
    () => (enabled && kqlCursor ? kqlCursor.analyzeKqlCursor(text, cursor) : ({ kind: 'none' } as const)),
    [enabled, kqlCursor, text, cursor],
  );
  const fieldList = useQuery({ ...fieldsQueryOptions(source), enabled });
  const fields = useMemo(() => new Map((fieldList.data?.fields ?? []).map((f) => [f.name, f])), [fieldList.data]);

  const wanted: ValuesQuery | null =
    context.kind === 'value' && valueSuggestionField(fields, context.field)
      ? { source, field: context.field, prefix: context.prefix, from: time.from, to: time.to, size: VALUE_COUNT }
      : null;
  const values = useValueSuggestions(wanted);

  const items = useMemo((): SuggestionItem[] => {
    switch (context.kind) {
      case 'none':
        return [];
      case 'field': {
        const names = rankFieldNames([...fields.keys()], context.prefix, MAX_FIELDS);
        const fieldItems = names.map((name): SuggestionItem => ({
          key: `field:${name}`,
          label: name,
          detail: fields.get(name)?.type,
          kind: 'field',
          completion: { kind: 'field', field: name },
        }));
        return context.allowNot ? [...fieldItems, ...conjunctions(context.prefix, ['not'])] : fieldItems;
      }
      case 'value': {
        if (!values) return [];
        const typed = context.prefix.toLowerCase();
        // A placeholder list from the previous prefix is narrowed to what still fits.
        return values.values
          .filter((v) => v.value.toLowerCase().startsWith(typed))
          .map((v) => ({
            key: `value:${v.value}`,
            label: v.value,
            detail: v.count.toLocaleString('en-US'),
            kind: 'value',
            completion: { kind: 'value', value: v.value },
          }));
      }
      case 'operator': {
        const field = fields.get(context.field);
        if (!field) return conjunctions('', ['and', 'or']);
        const ops = KQL_OPERATORS.filter((op) => op === ':' || op === ':*' || ORDERED_TYPES.has(field.type));
        return [
          ...ops.map((operator): SuggestionItem => ({
            key: `op:${operator}`,
            label: operator,
            detail: OPERATOR_HINT[operator],
            kind: 'operator',
            completion: { kind: 'operator', operator },
          })),
          ...conjunctions('', ['and', 'or']),
        ];
      }
      case 'boolean':
        return conjunctions(context.prefix, ['and', 'or', 'and not']);
    }
  }, [context, fields, values]);

  const note = context.kind === 'value' ? values?.note : undefined;
  return { context, items, note };
}
