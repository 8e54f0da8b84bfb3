/** Sources and their field profiles, as the API routes use them. */
import { getEngineClient } from '@/lib/es/client';
import type { LogSource } from '@/lib/sources/config';
import { SourceFieldsCache } from '@/lib/sources/field-cache';
import type { SourceFields } from '@/lib/sources/profile';

export { configuredSources, findSource, parseSources, DEFAULT_SOURCES, type LogSource } from '@/lib/sources/config';
export {
  detectProfile,
  FIELD_MEANINGS,
  isFieldMeaning,
  messageFieldsOf,
  resolveAggregatableField,
  findAggregatableField,
  conflictNote,
  mixedTimeTypes,
  resolveKnownField,
  type FieldInfo,
  type FieldMeaning,
  type ProfileKind,
  type SourceFields,
} from '@/lib/sources/profile';

const cache = new SourceFieldsCache((source) =>
  getEngineClient().fieldCaps({
    index: source.indexPattern,
    fields: '*',
    // Object parents carry no values; metadata fields are dropped by the profile reader.
    filters: '-parent',
    ignore_unavailable: true,
    allow_no_indices: true,
  }),
);

/** The source's fields and profile, from the per-process cache (see SourceFieldsCache). */
export function sourceFields(source: LogSource): Promise<SourceFields> {
  return cache.get(source);
}

export function clearSourceFieldsCache(): void {
  cache.clear();
}
