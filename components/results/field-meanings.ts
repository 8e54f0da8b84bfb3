/**
 * Columns and facets speak in profile meanings (`namespace`, `pod`, …) so a link works for
 * Fluentd and ECS sources alike; rows carry real field names. Which field a meaning is comes
 * from the server's profile detection (`SearchResponse.meanings`), never from a copy here.
 */
import type { SearchHit } from '@/lib/schema/search';

/** The meanings a column or facet may name; the server says which field each one is. */
export const MEANINGS: readonly string[] = ['namespace', 'pod', 'container', 'node', 'level', 'stream'];
export const MESSAGE_COLUMN = 'message';

export function isMeaning(column: string): boolean {
  return MEANINGS.includes(column);
}

/** Maps a meaning to the field this source uses for it; any other name is already a field. */
export type FieldResolver = (column: string) => string;

/** From the search response's `meanings` (the source's detected profile). */
export function makeFieldResolver(meanings: Readonly<Record<string, string>>): FieldResolver {
  return (column) => (isMeaning(column) ? (meanings[column] ?? column) : column);
}

/** Field names seen in loaded rows: enough to resolve meanings before the field list arrives. */
export function fieldsInRows(rows: readonly SearchHit[], limit = 200): Set<string> {
  const names = new Set<string>();
  for (const row of rows.slice(0, limit)) for (const name of Object.keys(row.fields)) names.add(name);
  return names;
}

export function formatFieldValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatFieldValue).join(', ');
  return JSON.stringify(value);
}
