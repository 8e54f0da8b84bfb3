/**
 * The request → engine-query steps that every feature reading the same rows shares (the search
 * screen, export): time resolution, query compilation and filter resolution, each mapping its
 * failure to the same 400. One place, so a file holds exactly the rows the screen counts.
 */
import type { estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { compileQuery, QueryRejectedError, QuerySyntaxError } from '@/lib/query';
import type { Filter, QueryInput, TimeRange } from '@/lib/schema/search';
import { buildFilterClauses, type FilterClauses } from '@/lib/search/filters';
import { messageFieldsOf, resolveKnownField, type SourceFields } from '@/lib/sources/profile';
import { InvalidTimeRangeError, resolveTimeRange, type ResolvedRange } from '@/lib/time';

export function resolveRequestRange(time: TimeRange, now: number): ResolvedRange {
  try {
    return resolveTimeRange(time, now);
  } catch (err) {
    if (err instanceof InvalidTimeRangeError) throw new ApiError(400, 'invalid_time', err.message, { path: err.path });
    throw err;
  }
}

export function compileUserQuery(query: QueryInput, fields: SourceFields): estypes.QueryDslQueryContainer | null {
  try {
    return compileQuery(query, { fields: fields.fields, largeTextFields: messageFieldsOf(fields) });
  } catch (err) {
    if (err instanceof QuerySyntaxError) {
      throw new ApiError(400, 'query_syntax', err.message, { path: 'query.text', offset: err.offset, expected: err.expected });
    }
    if (err instanceof QueryRejectedError) {
      throw new ApiError(400, 'bad_request', err.message, {
        path: 'query.text',
        ...(err.offset !== undefined ? { offset: err.offset } : {}),
      });
    }
    throw err;
  }
}

export function unknownField(name: string, path: string, sourceId: string, what: string): ApiError {
  return new ApiError(400, 'unknown_field', `source "${sourceId}" has no ${what} "${name}"`, { path });
}

/** Filters whose field (a name or a meaning) the source does not know are a 400 at their path. */
export function resolveFilterClauses(filters: readonly Filter[], fields: SourceFields, sourceId: string): FilterClauses {
  return buildFilterClauses(filters, (name, path) => {
    const field = resolveKnownField(fields, name);
    if (!field) throw unknownField(name, path, sourceId, 'field or meaning');
    return field;
  });
}
