/**
 * The screen's `size: 0` parts are answered from the engine's shard request cache when they are
 * asked again over the same absolute range (an auto-refresh of an absolute range, a screen opened
 * again, the same filter clicked back): the engine's own `_stats/request_cache` counts the hits.
 * A dedicated index, so nobody else's searches move its counters, with the cache switched off in
 * its settings: the parts ask for it per request, which overrides the index default.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import type { SearchRequestInput } from '@/lib/schema/search';
import { clearRangeCounts } from '@/lib/search/run-search';
import { search } from './search-fixture';

const INDEX = `lxtest-request-cache-${process.pid}`;
const T0 = Date.UTC(2026, 5, 1);
const FROM = new Date(T0).toISOString();
const TO = new Date(T0 + 150 * 60_000).toISOString();
let client: Client;

beforeAll(async () => {
  client = new Client(engineConnection().options);
  await client.indices.delete({ index: INDEX, ignore_unavailable: true });
  await client.indices.create({
    index: INDEX,
    settings: { number_of_shards: 1, number_of_replicas: 0, 'index.requests.cache.enable': false },
    mappings: { properties: { '@timestamp': { type: 'date' }, log: { type: 'text' }, level: { type: 'keyword' } } },
  });
  await client.bulk({
    refresh: true,
    operations: Array.from({ length: 200 }, (_, i) => [
      { index: { _index: INDEX } },
      { '@timestamp': new Date(T0 + i * 60_000).toISOString(), log: `line ${i}`, level: i % 3 === 0 ? 'error' : 'info' },
    ]).flat(),
  });
  process.env.LOG_SOURCES = JSON.stringify([
    ...(JSON.parse(TEST_SOURCES_ENV) as object[]),
    { id: 'cached', title: 'Cached', indexPattern: INDEX, timeField: '@timestamp' },
  ]);
});

afterAll(async () => {
  delete process.env.FACET_SAMPLE_ABOVE;
  process.env.LOG_SOURCES = TEST_SOURCES_ENV;
  await client.indices.delete({ index: INDEX, ignore_unavailable: true });
  await client.close();
});

async function cacheStats(): Promise<{ hits: number; misses: number }> {
  const stats = await client.indices.stats({ index: INDEX, metric: ['request_cache'] });
  const rc = stats._all.primaries?.request_cache;
  return { hits: rc?.hit_count ?? 0, misses: rc?.miss_count ?? 0 };
}

const screen: SearchRequestInput = {
  source: 'cached',
  time: { from: FROM, to: TO, timeZone: 'Europe/Berlin' },
  query: { language: 'kql', text: 'level:error' },
};

it('answers the count-and-bars and facets parts again from the shard request cache', async () => {
  // No facet sampling here: its count of the matches would be a third cached search.
  process.env.FACET_SAMPLE_ABOVE = '0';
  const counts: SearchRequestInput = { ...screen, size: 0, histogram: true, facets: [] };
  const facets: SearchRequestInput = { ...screen, size: 0, histogram: false, facets: ['level'] };
  const before = await cacheStats();
  const first = [await search(counts), await search(facets)];
  const afterFirst = await cacheStats();
  // The bars and the facets are two searches each, the range's interior and its edges
  // (lib/search/bars-pieces.ts).
  expect(afterFirst.misses - before.misses).toBe(4);
  expect(afterFirst.hits - before.hits).toBe(0);
  const again = [await search(counts), await search(facets)];
  const afterAgain = await cacheStats();
  expect(afterAgain.hits - afterFirst.hits).toBe(4);
  expect(afterAgain.misses - afterFirst.misses).toBe(0);
  // The same exact answer: 51 error lines (every third of the first 151 minutes).
  expect(again.map((r) => [r.total, r.histogram, r.facets])).toEqual(first.map((r) => [r.total, r.histogram, r.facets]));
  expect(first[0]!.total).toEqual({ value: 51, relation: 'eq' });
});

it('does not cache the rows (the engine caches only size-0 searches); a range moved a little counts only its edges again', async () => {
  const rows: SearchRequestInput = { ...screen, size: 10, histogram: false, facets: [] };
  // A screen, then its reload a moment later: both ends move, the interior cut at whole bars does not.
  const at = (ms: number): SearchRequestInput => ({
    ...screen,
    size: 0,
    histogram: true,
    facets: [],
    time: { from: new Date(T0 + ms).toISOString(), to: new Date(T0 + 150 * 60_000 + ms).toISOString(), timeZone: 'Europe/Berlin' },
  });
  await search(rows);
  await search(at(1));
  const before = await cacheStats();
  await search(rows);
  const answer = await search(at(2));
  const after = await cacheStats();
  expect(after.hits - before.hits).toBe(1);
  expect(after.misses - before.misses).toBe(1);
  // Still exact: the line at T0 is out now, the one at 150 minutes in; every third is an error.
  expect(answer.total).toEqual({ value: 50, relation: 'eq' });
  expect(answer.histogram!.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(50);
});

it('asks facets whose top values were cut short over the whole range at once, after the first time', async () => {
  process.env.FACET_SAMPLE_ABOVE = '0';
  clearRangeCounts();
  const facets = (ms: number): SearchRequestInput => ({
    source: 'cached',
    query: { language: 'kql', text: '' },
    size: 0,
    histogram: false,
    // Two levels, one shown: each piece's list is cut short, so the pieces cannot be added up.
    facets: ['level'],
    facetSize: 1,
    time: { from: new Date(T0 + ms).toISOString(), to: new Date(T0 + 150 * 60_000 + ms).toISOString(), timeZone: 'Europe/Berlin' },
  });
  const s0 = await cacheStats();
  await search(facets(3));
  const s1 = await cacheStats();
  // The interior and the edges, then the whole range.
  expect(s1.misses - s0.misses + (s1.hits - s0.hits)).toBe(3);
  const again = await search(facets(4));
  const s2 = await cacheStats();
  // Remembered: the whole range only.
  expect(s2.misses - s1.misses + (s2.hits - s1.hits)).toBe(1);
  // Lines 1–150 (a minute apart from T0), every third an error: 100 info lines.
  expect(again.facets.level).toEqual([expect.objectContaining({ value: 'info', count: 100 })]);
});
