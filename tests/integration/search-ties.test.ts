/**
 * Paging where the sort values tie: documents with the same timestamp in different shards of
 * one index share (time, _index, _seq_no), the case the cursor's tied ids exist for. The
 * generated dataset has almost no ties, so this file builds a small index that is all ties.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import type { SearchResponse } from '@/lib/schema/search';

const INDEX = 'lxtest-ties-0001';
const TIMES = ['2026-11-20T10:00:00.000Z', '2026-11-20T10:00:00.001Z', '2026-11-20T10:00:05.000Z'];
const PER_TIME = 24;
const client = new Client(engineConnection().options);
let POST: (request: Request) => Promise<Response>;
const previousSources = process.env.LOG_SOURCES;

beforeAll(async () => {
  const sources = [...(JSON.parse(TEST_SOURCES_ENV) as object[]), { id: 'ties', indexPattern: 'lxtest-ties-*', timeField: '@timestamp' }];
  process.env.LOG_SOURCES = JSON.stringify(sources);
  POST = (await import('@/app/api/search/route')).POST;
  await client.indices.delete({ index: INDEX, ignore_unavailable: true });
  await client.indices.create({
    index: INDEX,
    settings: { number_of_shards: 3, number_of_replicas: 0 },
    mappings: { properties: { '@timestamp': { type: 'date' }, log: { type: 'text' }, n: { type: 'integer' } } },
  });
  const operations = TIMES.flatMap((t, ti) =>
    Array.from({ length: PER_TIME }, (_, i) => [
      { index: { _index: INDEX, _id: `d${ti}-${i}` } },
      { '@timestamp': t, log: `tie ${ti} ${i}`, n: i },
    ]).flat(),
  );
  await client.bulk({ operations, refresh: true });
});

afterAll(async () => {
  if (previousSources === undefined) delete process.env.LOG_SOURCES;
  else process.env.LOG_SOURCES = previousSources;
  await client.indices.delete({ index: INDEX, ignore_unavailable: true });
  await client.close();
});

async function firstPage(sort: 'asc' | 'desc', size: number): Promise<SearchResponse> {
  const res = await POST(
    new Request('http://app.test/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'ties', time: { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }, sort, size }),
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as SearchResponse;
}

async function walk(sort: 'asc' | 'desc', size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null | undefined;
  for (let page = 0; page < 200; page++) {
    const body = {
      source: 'ties',
      time: { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' },
      sort,
      size,
      ...(after ? { after } : {}),
    };
    const res = await POST(
      new Request('http://app.test/api/search', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    const json = (await res.json()) as SearchResponse;
    expect(res.status).toBe(200);
    ids.push(...json.hits.map((h) => h.id));
    after = json.cursor;
    if (!after) break;
  }
  return ids;
}

describe('paging through tied sort values', () => {
  it('the index really has ties across shards', async () => {
    const res = await client.search({ index: INDEX, size: 100, sort: [{ '@timestamp': 'desc' }, { _index: 'desc' }, { _seq_no: 'desc' }] });
    const keys = res.hits.hits.map((h) => JSON.stringify(h.sort));
    expect(new Set(keys).size).toBeLessThan(keys.length);
  });

  it.each([
    ['desc', 1],
    ['desc', 5],
    ['asc', 4],
    ['asc', 7],
    ['desc', 50],
    ['desc', 24],
  ] as const)('%s with pages of %i: every document exactly once, in time order', async (sort, size) => {
    const ids = await walk(sort, size);
    expect(ids).toHaveLength(TIMES.length * PER_TIME);
    expect(new Set(ids).size).toBe(ids.length);
    const timeIndex = ids.map((id) => Number(id.slice(1, id.indexOf('-'))));
    const sorted = [...timeIndex].sort((a, b) => (sort === 'desc' ? b - a : a - b));
    expect(timeIndex).toEqual(sorted);
  });

  // A first page is asked for by time alone and put in the full sort's order (lib/search/
  // time-sorted-rows.ts); page sizes that end inside a run of equal times (5, 30) are asked again
  // with the full sort, those that end between two times (24, 48) are not.
  it.each([
    ['desc', 5],
    ['desc', 24],
    ['asc', 30],
    ['asc', 48],
    ['desc', 100],
  ] as const)('a first page %s of %i is the first page of the full sort', async (sort, size) => {
    const engine = await client.search({
      index: INDEX,
      size,
      sort: [{ '@timestamp': sort }, { _index: sort }, { _seq_no: sort }],
    });
    const page = await firstPage(sort, size);
    expect(page.hits.map((h) => h.id)).toEqual(engine.hits.hits.map((h) => h._id));
  });
});
