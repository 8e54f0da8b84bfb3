/**
 * The streamed screen's bars and facets asked of the engine together (lib/search/engine-batch.ts),
 * against the engine: merged searches answer each call as it would have been answered alone
 * (the same engine searches sent one by one are the oracle, the generator for the counts); a merged
 * search that fails is asked again call by call, so only the failing call sees the failure; a call
 * cancelled stops waiting without taking the others down.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { getEngineClient } from '@/lib/es/client';
import { EngineBatch } from '@/lib/search/engine-batch';
import type { PartSearch } from '@/lib/search/screen-parts';
import { countBy, END, eventsIn, HOUR, seedTestDataset } from './search-fixture';

const INDEX = `${TEST_DATASET.indexPrefix}*`;
let client: Client;

beforeAll(async () => {
  await seedTestDataset();
  client = getEngineClient();
});

/** A `size: 0` search over [from, to) of the dataset, the level `error` only when asked. */
function sized0(
  from: number,
  to: number,
  aggs: Record<string, estypes.AggregationsAggregationContainer>,
  errorsOnly = false,
): estypes.SearchRequest {
  const filter: estypes.QueryDslQueryContainer[] = [{ range: { '@timestamp': { gte: from, lt: to, format: 'epoch_millis' } } }];
  if (errorsOnly) filter.push({ term: { level: 'error' } });
  return {
    index: INDEX,
    size: 0,
    track_total_hits: false,
    request_cache: false,
    pre_filter_shard_size: 1,
    query: { bool: { filter } },
    aggs,
  };
}
/** Bars over [min, max], bounded as the app bounds them (without bounds, which empty bars an engine adds varies with how it ran the search). */
const barsOver = (min: number, max: number) => ({
  histogram: { date_histogram: { field: '@timestamp', fixed_interval: '1h', min_doc_count: 0, extended_bounds: { min, max } } },
});
const facets = { facet_0: { terms: { field: 'kubernetes.namespace_name', size: 50 } }, facet_1: { terms: { field: 'level', size: 50 } } };

/** The engine paths asked while `run` runs. */
async function enginePaths<T>(run: () => Promise<T>): Promise<{ result: T; paths: string[] }> {
  const paths: string[] = [];
  const listener = (_err: unknown, result: { meta: { request: { params: { path: string } } } } | null) => {
    // Searches only (the client's first call also asks what the engine is).
    if (result && /_m?search$/.test(result.meta.request.params.path)) paths.push(result.meta.request.params.path);
  };
  client.diagnostic.on('request', listener);
  try {
    return { result: await run(), paths };
  } finally {
    client.diagnostic.off('request', listener);
  }
}

const alone = async (parts: PartSearch[]) => Promise.all(parts.map((p) => client.search(p.request)));
const aggsOf = (items: estypes.MsearchResponseItem<unknown>[]) =>
  items.map((item) => {
    if ('error' in item) throw new Error(JSON.stringify(item.error));
    return item.aggregations;
  });

/**
 * The bars that hold lines. Which empty bars an engine adds outside the bounds varies with how it
 * ran the search (OpenSearch 3 adds the day's empty hours before a lone search's bounds, not a
 * merged one's); the app drops the engine's bars outside the range (lib/search/histogram.ts).
 */
const barsWithLines = (aggs: (Record<string, estypes.AggregationsAggregate> | undefined)[]) =>
  aggs.map((a) =>
    ((a?.histogram as estypes.AggregationsDateHistogramAggregate).buckets as { doc_count: number }[]).filter((b) => b.doc_count > 0),
  );

describe('EngineBatch', () => {
  it('asks calls of one moment as one _msearch, piece with piece, each answered as alone (the generator counts)', async () => {
    // Unaligned: the interior and the two edges of 6 h 13 m ending 17 minutes before the end.
    const to = END - 17 * 60_000 - 123;
    const from = to - 6 * HOUR - 13 * 60_000;
    const cutA = Math.ceil(from / HOUR) * HOUR;
    const cutB = Math.floor(to / HOUR) * HOUR;
    for (const errorsOnly of [false, true]) {
      const barsParts: PartSearch[] = [
        { part: 'histogram', request: sized0(cutA, cutB, barsOver(cutA, cutB - 1), errorsOnly) },
        { part: 'histogram', request: sized0(from, cutA, barsOver(from, cutA - 1), errorsOnly) },
      ];
      const facetParts: PartSearch[] = [
        { part: 'facets', request: sized0(cutA, cutB, facets, errorsOnly) },
        { part: 'facets', request: sized0(from, cutA, facets, errorsOnly) },
      ];
      const batch = new EngineBatch();
      const signal = new AbortController().signal;
      const { result, paths } = await enginePaths(() =>
        Promise.all([batch.ask(client, barsParts, signal), batch.ask(client, facetParts, signal)]),
      );
      expect(paths).toEqual(['/_msearch']);
      const [barsAnswer, facetsAnswer] = result;
      expect(barsWithLines(aggsOf(barsAnswer))).toEqual(barsWithLines((await alone(barsParts)).map((r) => r.aggregations)));
      expect(aggsOf(facetsAnswer)).toEqual((await alone(facetParts)).map((r) => r.aggregations));
      // And against the generator: the interior's namespaces.
      const expected = eventsIn(cutA, cutB - 1, (f) => !errorsOnly || f.level === 'error');
      const counted = (facetsAnswer[0] as estypes.SearchResponse).aggregations!.facet_0 as estypes.AggregationsStringTermsAggregate;
      const byNamespace = new Map((counted.buckets as estypes.AggregationsStringTermsBucket[]).map((b) => [b.key, b.doc_count]));
      expect(byNamespace).toEqual(countBy(expected, 'kubernetes.namespace_name'));
    }
  });

  it('asks a call alone in its moment as it would go without a batch', async () => {
    const one: PartSearch[] = [{ part: 'histogram', request: sized0(END - 2 * HOUR, END, barsOver(END - 2 * HOUR, END - 1)) }];
    const batch = new EngineBatch();
    const { result, paths } = await enginePaths(() => batch.ask(client, one, new AbortController().signal));
    expect(paths).toEqual([`/${INDEX}/_search`]);
    expect(aggsOf(result)).toEqual((await alone(one)).map((r) => r.aggregations));
  });

  it('asks again call by call when the merged search fails: only the call at fault fails', async () => {
    const from = END - 3 * HOUR;
    const good: PartSearch[] = [{ part: 'histogram', request: sized0(from, END, barsOver(from, END - 1)) }];
    // A terms count over a text field: the engine refuses it (no fielddata).
    const bad: PartSearch[] = [{ part: 'facets', request: sized0(from, END, { facet_0: { terms: { field: 'log', size: 5 } } }) }];
    const batch = new EngineBatch();
    const signal = new AbortController().signal;
    const { result, paths } = await enginePaths(() =>
      Promise.allSettled([batch.ask(client, good, signal), batch.ask(client, bad, signal)]),
    );
    // The merged search, then each call alone.
    expect(paths).toEqual(['/_msearch', `/${INDEX}/_search`, `/${INDEX}/_search`]);
    const [goodAnswer, badAnswer] = result;
    expect(goodAnswer.status).toBe('fulfilled');
    const goodItems = (goodAnswer as PromiseFulfilledResult<estypes.MsearchResponseItem<unknown>[]>).value;
    expect(aggsOf(goodItems)).toEqual((await alone(good)).map((r) => r.aggregations));
    expect((goodItems[0] as estypes.SearchResponse)._shards.failed).toBe(0);
    // The call at fault ends as it would alone. Engines differ there: Elasticsearch answers with
    // a shard failure (the pattern's other index is skipped, so the search is partial), OpenSearch 2
    // refuses the search.
    const [badAlone] = await Promise.allSettled([client.search(bad[0]!.request)]);
    expect(badAnswer.status).toBe(badAlone!.status);
    if (badAlone!.status === 'fulfilled') {
      expect(badAlone.value._shards.failed).toBeGreaterThan(0);
      const badItems = (badAnswer as PromiseFulfilledResult<estypes.MsearchResponseItem<unknown>[]>).value;
      expect((badItems[0] as estypes.SearchResponse)._shards).toEqual(badAlone.value._shards);
    } else {
      const reason = (badAnswer as PromiseRejectedResult).reason as errors.ResponseError;
      expect(reason).toBeInstanceOf(errors.ResponseError);
      expect(reason.statusCode).toBe((badAlone!.reason as errors.ResponseError).statusCode);
    }
  });

  it('lets a cancelled call go at once and answers the others', async () => {
    const good: PartSearch[] = [{ part: 'histogram', request: sized0(END - 5 * HOUR, END, barsOver(END - 5 * HOUR, END - 1)) }];
    const other: PartSearch[] = [{ part: 'facets', request: sized0(END - 5 * HOUR, END, facets) }];
    const batch = new EngineBatch();
    const cancel = new AbortController();
    const kept = batch.ask(client, good, new AbortController().signal);
    const dropped = batch.ask(client, other, cancel.signal);
    cancel.abort();
    await expect(dropped).rejects.toBeInstanceOf(errors.RequestAbortedError);
    expect(aggsOf(await kept)).toEqual((await alone(good)).map((r) => r.aggregations));
    // Already cancelled: refused before anything is asked.
    await expect(batch.ask(client, good, cancel.signal)).rejects.toBeInstanceOf(errors.RequestAbortedError);
  });
});
