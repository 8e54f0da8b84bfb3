/**
 * The query bar's suggestion code that only a shown list needs, fetched when the list is first
 * wanted (use-suggestions.ts), not with the explorer's first load: the KQL cursor analysis (with
 * the lexer), the list's items for each place the cursor can be, and applying a pick.
 */
import { KQL_OPERATORS, type KqlConjunction, type KqlOperator } from '@/lib/suggest/kql-complete';
import type { KqlCursorContext } from '@/lib/suggest/kql-cursor';
import type { SourceField } from '@/lib/queries/fields';
import { rankFieldNames } from '@/lib/suggest/rank-fields';
import type { ValuesResponse } from '@/lib/suggest/values-params';
import type { SuggestionItem } from './use-suggestions';

export { analyzeKqlCursor } from '@/lib/suggest/kql-cursor';
export { applyKqlCompletion } from '@/lib/suggest/kql-complete';

const MAX_FIELDS = 30;

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

/** What the list offers at the cursor: field names, the field's values, operators, or and / or / not. */
export function suggestionItems(
  context: KqlCursorContext,
  fields: ReadonlyMap<string, SourceField>,
  values: ValuesResponse | null,
): SuggestionItem[] {
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
}
