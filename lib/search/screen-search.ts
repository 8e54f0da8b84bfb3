/**
 * A screen's parts asked of the engine (lib/search/screen-parts.ts builds them): one search, or
 * one `_msearch` whose answers become one body for the reshape step — the rows part's hits (made
 * exact, lib/search/time-sorted-rows.ts), every part's aggregations (a part asked in pieces added
 * up, lib/search/bars-pieces.ts), every part's shard failures. I/O; tested against the engine
 * (tests/integration), like run-search.ts.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { engineReason, responseErrorToApiError, type EngineErrorCause } from '@/lib/es/client';
import { dataNodeProcessors } from '@/lib/es/node-processors';
import { msearchParts, type EngineBatch } from '@/lib/search/engine-batch';
import { addAggregations, listsCutShort } from '@/lib/search/bars-pieces';
import { takesShardsInTurn, withShardConcurrency, type PartSearch, type ScreenPart } from '@/lib/search/screen-parts';
import { pageFromTimeSortedHits } from '@/lib/search/time-sorted-rows';

/** What an engine call needs: the client, the signal that drops it, and the batch its aggregation searches may join. */
export interface EngineCall {
  client: Client;
  signal: AbortSignal;
  /** The other parts of the same streamed screen asked at the same moment (lib/search/engine-batch.ts). */
  batch?: EngineBatch;
}

type SearchBody = estypes.SearchResponse<unknown>;

/** What the engine answered for a screen's parts, as one body for the reshape step. */
export type ScreenAnswer = {
  body: SearchBody;
  failed: Partial<Record<ScreenPart, string>>;
  /** A part asked in pieces had a top-value list cut short, and was asked over the whole range. */
  cutShort?: boolean;
};

/**
 * The rows part as the full sort orders it: a first page asked for by time alone is made into
 * that page, or asked again with the full sort when a tie at its end leaves it open
 * (lib/search/time-sorted-rows.ts).
 */
async function exactRows(ctx: EngineCall, search: PartSearch, body: SearchBody): Promise<SearchBody> {
  if (!search.exact) return body;
  const { request, size, order } = search.exact;
  const page = pageFromTimeSortedHits(body.hits.hits, size, order);
  if (page) return { ...body, hits: { ...body.hits, hits: page } };
  const again = await ctx.client.search(request, { signal: ctx.signal });
  return { ...again, took: body.took + again.took };
}

/**
 * The parts in one `_msearch` (one round trip), answered as one body for the reshape step: the
 * rows part's hits, every part's aggregations (a part's pieces added up), every part's shard
 * failures. The rows part failing fails the screen; an aggregation part failing leaves its reason
 * in `failed`.
 */
export async function searchScreen(ctx: EngineCall, parts: PartSearch[]): Promise<ScreenAnswer> {
  // The bars and facets of a streamed screen, asked together with the other parts of this moment.
  const batched = ctx.batch && parts.every((p) => p.part !== 'rows') ? ctx.batch : undefined;
  if (parts.length === 1 && !batched) {
    const search = parts[0]!;
    // The engine's processors are asked (once, remembered) only by a search that can use them.
    const request = takesShardsInTurn(search.request)
      ? withShardConcurrency(search.request, await dataNodeProcessors(ctx.client))
      : search.request;
    const body = await ctx.client.search(request, { signal: ctx.signal });
    return { body: await exactRows(ctx, search, body), failed: {} };
  }
  const responses = batched ? await batched.ask(ctx.client, parts, ctx.signal) : await msearchParts(ctx.client, parts, ctx.signal);
  const failed: Partial<Record<ScreenPart, string>> = {};
  let rows: SearchBody | undefined;
  let answered: { part: ScreenPart; body: SearchBody }[] = [];
  const shards = { total: 0, successful: 0, skipped: 0, failed: 0, failures: [] as estypes.ShardFailure[] };
  let timedOut = false;
  let took = 0;
  let rowsPart: PartSearch | undefined;
  parts.forEach((search, i) => {
    const { part } = search;
    const item = responses[i];
    if (!item || 'error' in item) {
      const error = item && 'error' in item ? item : undefined;
      if (part === 'rows') throw responseErrorToApiError(error?.status ?? 500, error?.error as EngineErrorCause | undefined);
      failed[part] = engineReason(error?.error as EngineErrorCause | undefined);
      return;
    }
    const body = item as SearchBody;
    if (part === 'rows') {
      rows = body;
      rowsPart = search;
    }
    answered.push({ part, body });
    shards.total = Math.max(shards.total, body._shards.total);
    shards.successful = Math.max(shards.successful, body._shards.successful);
    shards.failed = Math.max(shards.failed, body._shards.failed);
    shards.failures.push(...(body._shards.failures ?? []));
    timedOut ||= body.timed_out;
    took = Math.max(took, body.took);
  });
  // A part in pieces whose top values a piece cut short (the facets of a field with more values
  // than asked for): asked again over the whole range, so its counts are the engine's own.
  const askedWhole = new Set<ScreenPart>();
  for (const search of parts) {
    const { part } = search;
    if (!search.whole || failed[part] || askedWhole.has(part)) continue;
    if (!answered.some((a) => a.part === part && listsCutShort(a.body.aggregations))) continue;
    askedWhole.add(part);
    try {
      const body = await ctx.client.search(search.whole, { signal: ctx.signal });
      answered = [...answered.filter((a) => a.part !== part), { part, body }];
      shards.failures.push(...(body._shards.failures ?? []));
      timedOut ||= body.timed_out;
      took = Math.max(took, body.took);
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      failed[part] = engineReason((err as { body?: { error?: EngineErrorCause } }).body?.error);
    }
  }
  // Parts have aggregations of their own names; a part asked in pieces (the bars, the facets:
  // lib/search/bars-pieces.ts) has the same names in each, and they add up. A part with a piece
  // that failed has no aggregations at all rather than a share of them.
  let aggregations: Record<string, estypes.AggregationsAggregate> = {};
  for (const { part, body } of answered) if (!failed[part]) aggregations = addAggregations(aggregations, body.aggregations) ?? aggregations;
  if (rows && rowsPart) {
    rows = await exactRows(ctx, rowsPart, rows);
    took = Math.max(took, rows.took);
  }
  // No rows part (`size: 0`): an empty page around the aggregations.
  const base: SearchBody = rows ?? { took, timed_out: timedOut, _shards: shards, hits: { hits: [] } };
  return { body: { ...base, took, timed_out: timedOut, _shards: shards, aggregations }, failed, cutShort: askedWhole.size > 0 };
}
