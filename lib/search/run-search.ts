/**
 * POST /api/search behind the route: validate what the schema cannot (source, time, cursor,
 * fields, query), build one engine request, reshape its answer. The only module of lib/search
 * that does I/O; everything it calls is pure.
 */
import type { Client } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { queryErrorFromShardFailures } from '@/lib/es/client';
import type { SearchRequest, SearchResponse } from '@/lib/schema/search';
import { buildSearchRequest, type SearchPlan } from '@/lib/search/build-request';
import { CursorError, decodeCursor, encodeCursor, requestIdentity, type CursorState } from '@/lib/search/cursor';
import { chooseHistogramInterval, type HistogramInterval } from '@/lib/search/interval';
import { reshapeSearchResponse } from '@/lib/search/reshape';
import { compileUserQuery, resolveFilterClauses, resolveRequestRange, unknownField } from '@/lib/search/request-parts';
import { UTC } from '@/lib/time';
import { findSource, messageFieldsOf, resolveAggregatableField, sourceFields } from '@/lib/sources';

export interface SearchTimeouts {
  /** Sent to the engine as `timeout`: past it, shards return what they have (partial). */
  engineMs: number;
  /** The server gives up (503 engine_timeout) a little after the engine should have answered. */
  deadlineMs: number;
}

export function searchTimeouts(env: NodeJS.ProcessEnv = process.env): SearchTimeouts {
  const raw = Number(env.SEARCH_TIMEOUT_MS);
  const engineMs = Number.isInteger(raw) && raw >= 100 && raw <= 120_000 ? raw : 10_000;
  return { engineMs, deadlineMs: engineMs + 5_000 };
}

export interface SearchContext {
  client: Client;
  signal: AbortSignal;
  startedAt: number;
  now?: number;
  timeouts?: SearchTimeouts;
}

function readCursor(after: string, identity: string): CursorState {
  try {
    return decodeCursor(after, identity);
  } catch (err) {
    if (err instanceof CursorError) throw new ApiError(400, 'invalid_cursor', err.message, { path: 'after' });
    throw err;
  }
}

export async function runSearch(req: SearchRequest, ctx: SearchContext): Promise<SearchResponse> {
  const source = findSource(req.source);
  const identity = requestIdentity(req);
  const cursor = req.after ? readCursor(req.after, identity) : null;
  // Later pages keep the first page's resolved range, so `now` moving on does not shift them.
  const range = cursor?.range ?? resolveRequestRange(req.time, ctx.now ?? Date.now());
  const timeouts = ctx.timeouts ?? searchTimeouts();
  const timeZone = req.time.timeZone ?? UTC;

  let interval: HistogramInterval | null = null;
  if (req.histogram && !cursor) {
    interval = chooseHistogramInterval(range.from, range.to);
    if (!interval) throw new ApiError(400, 'invalid_time', 'the time range is too long to draw a histogram of', { path: 'time.from' });
  }

  const fields = await sourceFields(source);
  const facetNames = [...new Set(req.facets)];
  const facets = facetNames.map((name) => {
    const field = resolveAggregatableField(fields, name);
    if (!field) throw unknownField(name, `facets.${req.facets.indexOf(name)}`, source.id, 'aggregatable field or meaning');
    return { name, field };
  });
  const filters = resolveFilterClauses(req.filters, fields, source.id);
  const query = compileUserQuery(req.query, fields);
  const messageFields = messageFieldsOf(fields);
  const levelField = fields.meanings.level ? resolveAggregatableField(fields, 'level') : null;

  const plan: SearchPlan = {
    index: source.indexPattern,
    timeField: source.timeField,
    range,
    timeZone,
    query,
    filters,
    sort: req.sort,
    size: req.size,
    after: cursor,
    histogram: interval ? { interval, ...(levelField ? { levelField } : {}) } : null,
    facets: cursor ? [] : facets,
    facetSize: req.facetSize,
    highlightFields: messageFields,
    engineTimeout: `${timeouts.engineMs}ms`,
  };
  const sentAt = performance.now();
  const body = await ctx.client.search(buildSearchRequest(plan), { signal: ctx.signal });
  const engineRoundTrip = performance.now() - sentAt;
  const parseFailure = queryErrorFromShardFailures(body._shards.failures);
  if (parseFailure) throw parseFailure;

  const page = reshapeSearchResponse(body, {
    size: req.size,
    sort: req.sort,
    range,
    timeZone,
    messageFields,
    histogram: plan.histogram?.interval ?? null,
    facets: plan.facets,
    after: cursor,
  });
  const { next, ...rest } = page;
  return {
    ...rest,
    cursor: next ? encodeCursor(next, identity) : null,
    meanings: fields.meanings as Record<string, string>,
    tookMs: {
      engine: body.took,
      engineRoundTrip: Math.round(engineRoundTrip * 10) / 10,
      server: Math.round((performance.now() - ctx.startedAt) * 10) / 10,
    },
  };
}
