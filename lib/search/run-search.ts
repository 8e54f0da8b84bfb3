/**
 * POST /api/search behind the route: validate what the schema cannot (source, time, cursor,
 * fields, query), build one engine request, reshape its answer. The only module of lib/search
 * that does I/O; everything it calls is pure.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { engineReason, queryErrorFromShardFailures, responseErrorToApiError, type EngineErrorCause } from '@/lib/es/client';
import type { ScreenNote, SearchRequest, SearchResponse } from '@/lib/schema/search';
import { engineInfo } from '@/lib/es/engine';
import { buildQuery, type SearchPlan } from '@/lib/search/build-request';
import { facetSampling, sampleProbability, supportsRandomSampler, unwrapSampled } from '@/lib/search/facet-sample';
import { buildScreenSearches, toMsearchLines, type PartSearch, type ScreenPart } from '@/lib/search/screen-parts';
import { chooseScreenPlan, screenPlanSetting } from '@/lib/search/screen-plan';
import { CursorError, decodeCursor, encodeCursor, requestIdentity, type CursorState } from '@/lib/search/cursor';
import { chooseHistogramInterval, type HistogramInterval } from '@/lib/search/interval';
import { reshapeSearchResponse } from '@/lib/search/reshape';
import { compileUserQuery, resolveFilterClauses, resolveRequestRange, unknownField } from '@/lib/search/request-parts';
import { UTC } from '@/lib/time';
import {
  conflictNote,
  findAggregatableField,
  findSource,
  isFieldMeaning,
  messageFieldsOf,
  mixedTimeTypes,
  sourceFields,
} from '@/lib/sources';

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

type SearchBody = estypes.SearchResponse<unknown>;

/**
 * The parts in one `_msearch` (one round trip), answered as one body for the reshape step: the
 * rows part's hits, every part's aggregations, every part's shard failures. The rows part failing
 * fails the screen; an aggregation part failing leaves its reason in `failed`.
 */
async function searchScreen(
  ctx: SearchContext,
  parts: PartSearch[],
): Promise<{ body: SearchBody; failed: Partial<Record<ScreenPart, string>> }> {
  if (parts.length === 1) return { body: await ctx.client.search(parts[0]!.request, { signal: ctx.signal }), failed: {} };
  const res = await ctx.client.msearch({ searches: toMsearchLines(parts) }, { signal: ctx.signal });
  const failed: Partial<Record<ScreenPart, string>> = {};
  let rows: SearchBody | undefined;
  const aggregations: Record<string, estypes.AggregationsAggregate> = {};
  const shards = { total: 0, successful: 0, skipped: 0, failed: 0, failures: [] as estypes.ShardFailure[] };
  let timedOut = false;
  let took = 0;
  parts.forEach(({ part }, i) => {
    const item = res.responses[i];
    if (!item || 'error' in item) {
      const error = item && 'error' in item ? item : undefined;
      if (part === 'rows') throw responseErrorToApiError(error?.status ?? 500, error?.error as EngineErrorCause | undefined);
      failed[part] = engineReason(error?.error as EngineErrorCause | undefined);
      return;
    }
    const body = item as SearchBody;
    if (part === 'rows') rows = body;
    Object.assign(aggregations, body.aggregations ?? {});
    shards.total = Math.max(shards.total, body._shards.total);
    shards.successful = Math.max(shards.successful, body._shards.successful);
    shards.failed = Math.max(shards.failed, body._shards.failed);
    shards.failures.push(...(body._shards.failures ?? []));
    timedOut ||= body.timed_out;
    took = Math.max(took, body.took);
  });
  // No rows part (`size: 0`): an empty page around the aggregations.
  const base: SearchBody = rows ?? { took, timed_out: timedOut, _shards: shards, hits: { hits: [] } };
  return { body: { ...base, took, timed_out: timedOut, _shards: shards, aggregations }, failed };
}

/**
 * A facets-only request (the browser's facets part) over more matching lines than the sampling
 * threshold, on an engine with `random_sampler`: counts the matches first (`size: 0` counts,
 * request-cached), then samples about `target` of them. Null: exact facets.
 *
 * With a query or filters, the lines of the range alone are counted beside the query's: an
 * upper bound the engine answers from the index's points without evaluating the query (and from
 * the request cache for indices wholly inside the range). At or under the threshold the facets
 * are exact and the query's count is not waited for (it is cancelled) — a text query's count
 * cost the facets part as much again as its aggregations (bench/README.md, "Where the app's time
 * goes"). Over it, the query's count has been running all along, so nothing is added in series.
 */
async function chooseFacetSample(ctx: SearchContext, plan: SearchPlan): Promise<NonNullable<SearchResponse['facetsSample']> | null> {
  const sampling = facetSampling();
  if (!sampling || plan.after || plan.size > 0 || plan.histogram || plan.facets.length === 0) return null;
  if (!supportsRandomSampler(await engineInfo(ctx.client))) return null;
  const count = async (selection: Pick<SearchPlan, 'query' | 'filters'>, signal: AbortSignal): Promise<number> => {
    const counted = await ctx.client.search(
      {
        index: plan.index,
        ignore_unavailable: true,
        allow_no_indices: true,
        timeout: plan.engineTimeout,
        request_cache: true,
        size: 0,
        track_total_hits: true,
        query: buildQuery({ ...plan, ...selection }),
      },
      { signal },
    );
    const total = counted.hits.total;
    return typeof total === 'number' ? total : (total?.value ?? 0);
  };
  const narrowed = plan.query !== null || plan.filters.filter.length > 0 || plan.filters.must_not.length > 0;
  const done = new AbortController();
  const matching = count(plan, AbortSignal.any([ctx.signal, done.signal]));
  // Read (and rethrown) below when it is awaited; not an unhandled rejection when cancelled.
  matching.catch(() => undefined);
  let matchedDocs: number;
  try {
    if (narrowed && (await count({ query: null, filters: { filter: [], must_not: [] } }, ctx.signal)) <= sampling.above) return null;
    matchedDocs = await matching;
  } finally {
    done.abort();
  }
  const probability = sampleProbability(matchedDocs, sampling);
  return probability === null ? null : { probability, sampleDocs: 0, matchedDocs };
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
  const notes: ScreenNote[] = [];
  const facets: { name: string; field: string }[] = [];
  for (const name of new Set(req.facets)) {
    const found = findAggregatableField(fields, name);
    // A meaning the source has no countable field for (pushed logs without Kubernetes metadata,
    // a pod name mapped as text) costs that facet only; a field name that is not there is a mistake.
    if (!found && isFieldMeaning(name)) {
      notes.push({ part: 'facets', facet: name, message: `this source has no ${name} field that can be counted` });
      continue;
    }
    if (!found) throw unknownField(name, `facets.${req.facets.indexOf(name)}`, source.id, 'aggregatable field or meaning');
    if ('conflict' in found) notes.push({ part: 'facets', facet: name, message: conflictNote(found.conflict) });
    else facets.push({ name, field: found.field });
  }
  const filters = resolveFilterClauses(req.filters, fields, source.id);
  const query = compileUserQuery(req.query, fields);
  const messageFields = messageFieldsOf(fields);
  const level = fields.meanings.level ? findAggregatableField(fields, 'level') : null;
  const levelField = level && 'field' in level ? level.field : null;
  if (interval && level && 'conflict' in level)
    notes.push({ part: 'levels', message: `bars not split by level: ${conflictNote(level.conflict)}` });

  const plan: SearchPlan = {
    index: source.indexPattern,
    timeField: source.timeField,
    range,
    timeZone,
    mixedTimeTypes: mixedTimeTypes(fields, source.timeField),
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
  const sample = await chooseFacetSample(ctx, plan);
  const { body, failed } = await searchScreen(
    ctx,
    buildScreenSearches(plan, chooseScreenPlan(plan, screenPlanSetting()), sample?.probability),
  );
  if (sample) {
    const unwrapped = unwrapSampled(body.aggregations);
    body.aggregations = unwrapped.aggregations;
    sample.sampleDocs = unwrapped.sampleDocs;
  }
  const engineRoundTrip = performance.now() - sentAt;
  const parseFailure = queryErrorFromShardFailures(body._shards.failures);
  if (parseFailure) throw parseFailure;
  if (failed.histogram) {
    plan.histogram = null;
    notes.push({ part: 'histogram', message: `no histogram: ${failed.histogram}` });
  }
  if (failed.facets) for (const f of plan.facets) notes.push({ part: 'facets', facet: f.name, message: `no counts: ${failed.facets}` });

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
    // Without the histogram nothing counted the hits: say how many are known, not a wrong number.
    ...(failed.histogram && !cursor ? { total: { value: rest.hits.length, relation: 'gte' as const } } : {}),
    notes,
    ...(sample && !failed.facets ? { facetsSample: sample } : {}),
    cursor: next ? encodeCursor(next, identity) : null,
    meanings: fields.meanings as Record<string, string>,
    tookMs: {
      engine: body.took,
      engineRoundTrip: Math.round(engineRoundTrip * 10) / 10,
      server: Math.round((performance.now() - ctx.startedAt) * 10) / 10,
    },
  };
}
