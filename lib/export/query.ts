/**
 * The export's query is the search's query: the same source lookup, time resolution, filter
 * and query compilation and `buildQuery` from lib/search, so a file holds exactly the rows the
 * screen counts (lib/search/request-parts).
 */
import type { estypes } from '@elastic/elasticsearch';
import type { ExportColumn } from '@/lib/export/rows';
import type { ExportRequest } from '@/lib/schema/export';
import { buildQuery } from '@/lib/search';
import { compileUserQuery, resolveFilterClauses, resolveRequestRange, unknownField } from '@/lib/search/request-parts';
import { findSource, isFieldMeaning, sourceFields, type LogSource, type SourceFields } from '@/lib/sources';
import type { ResolvedRange } from '@/lib/time';
import { DEFAULT_COLUMNS } from '@/lib/url-state/codec';

export interface ExportPlan {
  source: LogSource;
  range: ResolvedRange;
  query: estypes.QueryDslQueryContainer;
  /** The time field first, then the requested columns, resolved and without repeats. */
  columns: ExportColumn[];
}

/**
 * A column names a field the source has, as filters and facets do: a meaning becomes the
 * source's field for it (as the screen's columns resolve it), anything else must be a field of
 * the source's mapping; an unknown one is 400 `unknown_field` at `columns.N`, as in the search.
 * Without `columns`, the explorer's default columns, leaving out meanings this source lacks (the
 * screen shows those as empty columns; a file need not).
 */
export function resolveColumns(
  names: readonly string[] | undefined,
  fields: SourceFields,
  source: Pick<LogSource, 'id' | 'timeField'>,
): ExportColumn[] {
  const seen = new Set<string>([source.timeField]);
  const columns: ExportColumn[] = [{ header: source.timeField, field: source.timeField }];
  const add = (field: string) => {
    if (seen.has(field)) return;
    seen.add(field);
    columns.push({ header: field, field });
  };
  if (names === undefined) {
    for (const name of DEFAULT_COLUMNS) {
      const field = columnField(fields, name);
      if (field) add(field);
    }
    return columns;
  }
  names.forEach((name, i) => {
    const field = columnField(fields, name);
    if (!field) throw unknownField(name, `columns.${i}`, source.id, 'field or meaning');
    add(field);
  });
  return columns;
}

/** A meaning wins over a same-named field, as in the screen's columns; null when the source has neither. */
function columnField(fields: SourceFields, name: string): string | null {
  const meant = isFieldMeaning(name) ? fields.meanings[name] : undefined;
  if (meant !== undefined && fields.fields.has(meant)) return meant;
  return fields.fields.has(name) ? name : null;
}

export async function planExport(req: ExportRequest, now: number): Promise<ExportPlan> {
  const source = findSource(req.source);
  const range = resolveRequestRange(req.time, now);
  const fields = await sourceFields(source);
  const filters = resolveFilterClauses(req.filters, fields, source.id);
  const query = buildQuery({ timeField: source.timeField, range, query: compileUserQuery(req.query, fields), filters });
  return { source, range, query, columns: resolveColumns(req.columns, fields, source) };
}
