/**
 * Columns and facets speak in profile meanings (`namespace`, `pod`, …) so a link works for
 * Fluentd and ECS sources alike; rows carry real field names. The candidates follow the two
 * built-in profiles of DESIGN.md; the first one the source actually has wins.
 */
import type { SearchHit } from '@/lib/schema/search';

const MEANING_FIELDS: Record<string, readonly string[]> = {
  namespace: ['kubernetes.namespace_name', 'kubernetes.namespace'],
  pod: ['kubernetes.pod_name', 'kubernetes.pod.name'],
  container: ['kubernetes.container_name', 'kubernetes.container.name'],
  node: ['kubernetes.host', 'kubernetes.node.name'],
  level: ['level', 'severity', 'log.level'],
  stream: ['stream', 'log.iostream'],
};

export const MEANINGS = Object.keys(MEANING_FIELDS);
export const MESSAGE_COLUMN = 'message';

export function isMeaning(column: string): boolean {
  return Object.hasOwn(MEANING_FIELDS, column);
}

/** Maps a meaning to the field this source uses for it; any other name is already a field. */
export type FieldResolver = (column: string) => string;

export function makeFieldResolver(knownFields: ReadonlySet<string>): FieldResolver {
  const cache = new Map<string, string>();
  return (column) => {
    const candidates = MEANING_FIELDS[column];
    if (!candidates) return column;
    let field = cache.get(column);
    if (field === undefined) {
      field = candidates.find((c) => knownFields.has(c)) ?? candidates[0] ?? column;
      cache.set(column, field);
    }
    return field;
  };
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
