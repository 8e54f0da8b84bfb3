/**
 * POST /api/context behind the route: find the anchor's place (one search in its own index),
 * then read N lines each way within the scope (two searches in parallel, each first within ten
 * minutes of the anchor, again without that bound when it held too few). Two round trips, three
 * for a quiet container.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { queryErrorFromShardFailures } from '@/lib/es/client';
import { buildAnchorRequest, buildContextRequest, CONTEXT_WINDOW_MS, scopeTerms } from '@/lib/k8s/context-query';
import { lineSourceFields, linesFromHits } from '@/lib/k8s/reshape';
import type { ContextRequest, ContextResponse } from '@/lib/schema/context';
import { flattenSource } from '@/lib/search/flatten';
import { searchTimeouts } from '@/lib/search/run-search';
import { findSource, messageFieldsOf, mixedTimeTypes, sourceFields } from '@/lib/sources';

export interface ContextContext {
  client: Client;
  signal: AbortSignal;
  startedAt: number;
}

export async function runContext(req: ContextRequest, ctx: ContextContext): Promise<ContextResponse> {
  const source = findSource(req.source);
  const fields = await sourceFields(source);
  const meanings = fields.meanings;
  const messageFields = messageFieldsOf(fields);
  const mixed = mixedTimeTypes(fields, source.timeField);
  const engineTimeout = `${searchTimeouts().engineMs}ms`;
  const options = { signal: ctx.signal };

  const anchorBody = await ctx.client.search(
    buildAnchorRequest(source.indexPattern, source.timeField, req.anchor.index, req.anchor.id, { mixedTimeTypes: mixed }),
    options,
  );
  const anchorHit = anchorBody.hits.hits[0];
  if (!anchorHit?.sort) {
    throw new ApiError(404, 'not_found', `there is no line ${req.anchor.id} in index ${req.anchor.index} of source "${source.id}"`, {
      path: 'anchor',
    });
  }
  const matchedOn = scopeTerms(req.scope, meanings, flattenSource(anchorHit._source));
  const sourceFieldNames = lineSourceFields(meanings, messageFields, source.timeField);
  const anchorMs = Date.parse(String(anchorHit.sort[0]));
  const search = async (direction: 'before' | 'after', size: number, windowed: boolean) => {
    const body = await ctx.client.search(
      buildContextRequest({
        index: source.indexPattern,
        timeField: source.timeField,
        mixedTimeTypes: mixed,
        terms: matchedOn,
        direction,
        searchAfter: anchorHit.sort as estypes.SortResults,
        size: size + 1,
        sourceFields: sourceFieldNames,
        engineTimeout,
        ...(windowed ? { window: { anchorMs, ms: CONTEXT_WINDOW_MS } } : {}),
      }),
      options,
    );
    const failure = queryErrorFromShardFailures(body._shards.failures);
    if (failure) throw failure;
    return body.hits.hits;
  };
  // The nearest lines within a window around the anchor are the nearest lines at all when there
  // are enough of them; a quiet container is read again without the window (a third round trip).
  const read = async (direction: 'before' | 'after', size: number) => {
    if (size === 0) return { hits: [] as estypes.SearchHit<unknown>[], more: false };
    let hits = Number.isNaN(anchorMs) ? [] : await search(direction, size, true);
    if (hits.length <= size) hits = await search(direction, size, false);
    return { hits: hits.slice(0, size), more: hits.length > size };
  };
  const [before, after] = await Promise.all([read('before', req.before), read('after', req.after)]);
  const [anchor] = linesFromHits([anchorHit], meanings, messageFields);
  // linesFromHits reverses its input: right for `before` (newest first), undone for `after`.
  return {
    anchor: anchor as NonNullable<typeof anchor>,
    before: linesFromHits(before.hits, meanings, messageFields),
    after: linesFromHits([...after.hits].reverse(), meanings, messageFields),
    hasMoreBefore: before.more,
    hasMoreAfter: after.more,
    scope: req.scope,
    matchedOn,
    tookMs: { server: Math.round((performance.now() - ctx.startedAt) * 10) / 10 },
  };
}
