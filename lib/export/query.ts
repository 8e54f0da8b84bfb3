/**
 * The export's query is the search's query: the same source lookup, time resolution, filter
 * and query compilation and `buildQuery` from lib/search, so a file holds exactly the rows the
 * screen counts. lib/search keeps the request → plan step private to `runSearch`, so this
 * composes its exported pieces the same way and maps their errors to the same 400s.
 */
import type { estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import type { ExportColumn } from '@/lib/export/rows';
import { compileQuery, QueryRejectedError, QuerySyntaxError } from '@/lib/query';
import type { ExportRequest } from '@/lib/schema/export';
import { buildFilterClauses, buildQuery } from '@/lib/search';
import { findSource, isFieldMeaning, resolveKnownField, sourceFields, type LogSource, type SourceFields } from '@/lib/sources';
import { InvalidTimeRangeError, resolveTimeRange, type ResolvedRange } from '@/lib/time';

export interface ExportPlan {
  source: LogSource;
  range: ResolvedRange;
  query: estypes.QueryDslQueryContainer;
  /** The time field first, then the requested columns, resolved and without repeats. */
  columns: ExportColumn[];
}

function resolveRange(req: ExportRequest, now: number): ResolvedRange {
  try {
    return resolveTimeRange(req.time, now);
  } catch (err) {
    if (err instanceof InvalidTimeRangeError) throw new ApiError(400, 'invalid_time', err.message, { path: err.path });
    throw err;
  }
}

function compileUserQuery(req: ExportRequest, fields: SourceFields): estypes.QueryDslQueryContainer | null {
  const message = fields.meanings.message;
  try {
    return compileQuery(req.query, { fields: fields.fields, largeTextFields: message ? [message] : [] });
  } catch (err) {
    if (err instanceof QuerySyntaxError) {
      throw new ApiError(400, 'query_syntax', err.message, { path: 'query.text', offset: err.offset, expected: err.expected });
    }
    if (err instanceof QueryRejectedError) {
      const offset = err.offset !== undefined ? { offset: err.offset } : {};
      throw new ApiError(400, 'bad_request', err.message, { path: 'query.text', ...offset });
    }
    throw err;
  }
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
  const range = resolveRange(req, now);
  const fields = await sourceFields(source);
  const filters = buildFilterClauses(req.filters, (name, path) => {
    const field = resolveKnownField(fields, name);
    if (!field) throw new ApiError(400, 'unknown_field', `source "${source.id}" has no field or meaning "${name}"`, { path });
    return field;
  });
  const query = buildQuery({ timeField: source.timeField, range, query: compileUserQuery(req, fields), filters });
  return { source, range, query, columns: resolveColumns(req.columns, fields, source.timeField) };
}
