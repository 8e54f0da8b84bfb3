/**
 * The export's query is the search's query: the same source lookup, time resolution, filter
 * and query compilation and `buildQuery` from lib/search, so a file holds exactly the rows the
 * screen counts (lib/search/request-parts).
 */
import type { estypes } from '@elastic/elasticsearch';
import type { ExportColumn } from '@/lib/export/rows';
import type { ExportRequest } from '@/lib/schema/export';
import { buildQuery } from '@/lib/search';
import { compileUserQuery, resolveFilterClauses, resolveRequestRange } from '@/lib/search/request-parts';
import { findSource, isFieldMeaning, sourceFields, type LogSource, type SourceFields } from '@/lib/sources';
import type { ResolvedRange } from '@/lib/time';

export interface ExportPlan {
  source: LogSource;
  range: ResolvedRange;
  query: estypes.QueryDslQueryContainer;
  /** The time field first, then the requested columns, resolved and without repeats. */
  columns: ExportColumn[];
}

/**
 * A meaning becomes the source's field for it, as in filters and facets; anything else (and a
 * meaning the source lacks) is read as a field name, even one the mapping does not list:
 * documents may carry unmapped fields in `_source`, and an absent field is an empty column, as
 * it is on the screen.
 */
export function resolveColumns(names: readonly string[], fields: SourceFields, timeField: string): ExportColumn[] {
  const seen = new Set<string>([timeField]);
  const columns: ExportColumn[] = [{ header: timeField, field: timeField }];
  for (const name of names) {
    const field = (isFieldMeaning(name) ? fields.meanings[name] : undefined) ?? name;
    if (seen.has(field)) continue;
    seen.add(field);
    columns.push({ header: field, field });
  }
  return columns;
}

export async function planExport(req: ExportRequest, now: number): Promise<ExportPlan> {
  const source = findSource(req.source);
  const range = resolveRequestRange(req.time, now);
  const fields = await sourceFields(source);
  const filters = resolveFilterClauses(req.filters, fields, source.id);
  const query = buildQuery({ timeField: source.timeField, range, query: compileUserQuery(req.query, fields), filters });
  return { source, range, query, columns: resolveColumns(req.columns, fields, source.timeField) };
}
