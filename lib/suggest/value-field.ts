import type { SourceField } from '@/lib/queries/fields';

const TIME_TYPES = new Set(['date', 'date_nanos']);

function countable(field: SourceField | undefined): field is SourceField {
  return Boolean(field && (field.aggregatable || field.type === 'conflict'));
}

/**
 * The field that holds a name's values for suggestions, shared by the query bar and the filter
 * form: itself, or a text field's `.keyword`; none for a time (a range, not a value to pick). A
 * field mapped differently across the source's indices (`conflict`) is asked for too: the server
 * answers it with no values and a note saying why, which both inputs show.
 */
export function valueSuggestionField(fields: ReadonlyMap<string, SourceField>, name: string): SourceField | null {
  const own = fields.get(name);
  const keyword = fields.get(`${name}.keyword`);
  const target = countable(own) ? own : countable(keyword) ? keyword : null;
  return target && !TIME_TYPES.has(target.type) ? target : null;
}
