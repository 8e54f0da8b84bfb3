/**
 * POST /api/search behind the route: validate what the schema cannot (source, time, cursor,
 * fields, query), build the engine requests, reshape their answer. With screen-search.ts (the
 * engine calls of a screen's parts) and page-search.ts, the modules of lib/search that do I/O;
 * everything else they call is pure.
 */
import type { Client } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { queryErrorFromShardFailures } from '@/lib/es/client';
import type { ScreenNote, SearchRequest, SearchResponse } from '@/lib/schema/search';
import { engineInfo } from '@/lib/es/engine';
import { buildQuery, type SearchPlan } from '@/lib/search/build-request';
import { facetSampling, sampleProbability, supportsRandomSampler, unwrapSampled } from '@/lib/search/facet-sample';
import { ExpiringMap } from '@/lib/search/expiring-map';
import { boundingRange, RangeCountCache } from '@/lib/search/range-bound';
import { buildScreenSearches } from '@/lib/search/screen-parts';
import type { EngineBatch } from '@/lib/search/engine-batch';
import { searchScreen, type ScreenAnswer } from '@/lib/search/screen-search';
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
  /** The streamed screen's batch its bars and facets searches join (lib/search/engine-batch.ts). */
  batch?: EngineBatch;
}

function readCursor(after: string, identity: string): CursorState {
  try {
    return decodeCursor(after, identity);
  } catch (err) {
    if (err instanceof CursorError) throw new ApiError(400, 'invalid_cursor', err.message, { path: 'after' });
    throw err;
  }
}

/**
 * Selections (index, query, filters, facets and their size) whose facets, asked in pieces, had a
 * top-value list cut short lately: a field with more values than shown (the pods of a big
 * cluster). For a while their facets are asked over the whole range at once, as before the
 * pieces, rather than in pieces and then again whole on every screen.
 */
const cutShortLately = new ExpiringMap<true>(5 * 60_000, 1_000);

const facetSelection = (plan: SearchPlan): string => JSON.stringify([plan.index, plan.query, plan.filters, plan.facets, plan.facetSize]);

/** Lines of a time range per index pattern, remembered as upper bounds (lib/search/range-bound.ts). */
const rangeCounts = new RangeCountCache();
/** Matches of a query and filters near a time range, as last counted (see searchWithFacetSampling). */
const matchCounts = new RangeCountCache();

/** For tests: forget every remembered range count. */
export function clearRangeCounts(): void {
  rangeCounts.clear();
  matchCounts.clear();
  cutShortLately.clear();
}

/**
 * The screen's searches, with the facets of a facets-only request (the browser's facets part)
 * from a random sample when more lines match than the sampling threshold, on an engine with
 * `random_sampler`; exact otherwise, always at or under the threshold.
 *
 * Deciding that must not cost the facets part a count in series before its search (it did: a
 * text query's count cost as much again as its aggregations, bench/README.md):
 * - The lines of the range alone bound the matches from above. Counted over the range rounded
 *   out (`boundingRange`) and remembered a minute, so reloads, auto-refresh and other queries
 *   over the same time reuse it. Known to be at or under the threshold: exact facets at once.
 * - The same query and filters, counted at or under the threshold over the same rounded-out
 *   range within the minute: exact facets at once too (a reload, an auto-refresh).
 * - Otherwise the matches are counted. With a query or filters, the exact facets run *beside*
 *   that count (and beside the range's, when not known yet): at or under the threshold, their
 *   answer is the one; over it, they are cancelled and the sample is asked. The cancelled search
 *   is the price of a query matching that much; a small one pays nothing in series.
 * - Without a query or filters the matches are the range's own lines, counted exactly (the
 *   sample's probability and the `matchedDocs` shown come from that count); then the sample.
 */
async function searchWithFacetSampling(
  ctx: SearchContext,
  plan: SearchPlan,
): Promise<ScreenAnswer & { sample: NonNullable<SearchResponse['facetsSample']> | null }> {
  const facetsOf = facetSelection(plan);
  // Batched with the screen's other parts only when its answer is sure to be used: the exact
  // facets racing a count may be cancelled, and a merged search would go on for the others.
  const searchAll = async (probability: number | null, signal: AbortSignal, batched = false) => {
    const pieces = !cutShortLately.get(facetsOf, Date.now());
    const answer = await searchScreen(
      { ...ctx, signal, batch: batched ? ctx.batch : undefined },
      buildScreenSearches(plan, chooseScreenPlan(plan, screenPlanSetting()), probability, pieces),
    );
    if (answer.cutShort) cutShortLately.set(facetsOf, true, Date.now());
    return answer;
  };
  const exact = async (answer: Promise<ScreenAnswer> = searchAll(null, ctx.signal, true)) => ({ ...(await answer), sample: null });
  const sampling = facetSampling();
  if (!sampling || plan.after || plan.size > 0 || plan.histogram || plan.facets.length === 0) return exact();
  if (!supportsRandomSampler(await engineInfo(ctx.client))) return exact();
  const now = Date.now();
  const bound = rangeCounts.upperBound(plan.index, plan.range, now);
  if (bound !== undefined && bound <= sampling.above) return exact();
  const narrowed = plan.query !== null || plan.filters.filter.length > 0 || plan.filters.must_not.length > 0;
  // The same query and filters counted at or under the threshold within the minute, over a
  // range in the same rounded-out steps (a reload, an auto-refresh): exact facets at once. Only
  // ever a reason to stay exact, so a count a few lines off cannot make facets approximate.
  const selection = narrowed ? `${plan.index}\u0000${JSON.stringify([plan.query, plan.filters])}` : null;
  const matchedBefore = selection ? matchCounts.upperBound(selection, plan.range, now) : undefined;
  if (matchedBefore !== undefined && matchedBefore <= sampling.above) return exact();

  const count = async (what: Pick<SearchPlan, 'query' | 'filters' | 'range'>, signal: AbortSignal): Promise<number> => {
    const counted = await ctx.client.search(
      {
        index: plan.index,
        ignore_unavailable: true,
        allow_no_indices: true,
        // Shards outside the range skipped first, as for every `size: 0` part (lib/search/screen-parts.ts).
        pre_filter_shard_size: 1,
        timeout: plan.engineTimeout,
        request_cache: true,
        size: 0,
        track_total_hits: true,
        query: buildQuery({ ...plan, ...what }),
      },
      { signal },
    );
    const total = counted.hits.total;
    return typeof total === 'number' ? total : (total?.value ?? 0);
  };
  const everything = { query: null, filters: { filter: [], must_not: [] } };
  const cancelExact = new AbortController();
  const cancelCount = new AbortController();
  const exactRun = narrowed ? searchAll(null, AbortSignal.any([ctx.signal, cancelExact.signal])) : null;
  const matching = count(plan, AbortSignal.any([ctx.signal, cancelCount.signal]));
  const rangeLines =
    bound === undefined
      ? count({ ...everything, range: boundingRange(plan.range) }, ctx.signal).then((lines) => {
          rangeCounts.remember(plan.index, plan.range, lines, now);
          return lines;
        })
      : null;
  // Each is read (and rethrown) below when awaited; not an unhandled rejection when cancelled.
  for (const started of [exactRun, matching, rangeLines]) started?.catch(() => undefined);
  try {
    // Without a query or filters the exact count of the matches decides; the range's only fills the cache.
    if (narrowed && rangeLines && (await rangeLines) <= sampling.above) {
      cancelCount.abort();
      return await exact(exactRun ?? undefined);
    }
    const matchedDocs = await matching;
    if (selection) matchCounts.remember(selection, plan.range, matchedDocs, now);
    const probability = matchedDocs > sampling.above ? sampleProbability(matchedDocs, sampling) : null;
    if (probability === null) return await exact(exactRun ?? undefined);
    cancelExact.abort();
    const sampled = await searchAll(probability, ctx.signal);
    const unwrapped = unwrapSampled(sampled.body.aggregations);
    sampled.body.aggregations = unwrapped.aggregations;
    return { ...sampled, sample: { probability, sampleDocs: unwrapped.sampleDocs, matchedDocs } };
  } finally {
    // Every way out awaits its answer first (`return await`), so only an error leaves the exact
    // facets running: then they are cancelled too, not left at the engine.
    cancelCount.abort();
    cancelExact.abort();
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
    total: req.total,
    highlightFields: messageFields,
    engineTimeout: `${timeouts.engineMs}ms`,
  };
  const sentAt = performance.now();
  const { body, failed, sample } = await searchWithFacetSampling(ctx, plan);
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
