/**
 * The engine's data-node processors (lib/es/node-processors.ts) read from the engine itself, and
 * the streamed screen's rows search asking for no more shards at once than that.
 */
import { Client } from '@elastic/elasticsearch';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngineClient } from '@/lib/es/client';
import { engineConnection } from '@/lib/es/connection';
import { dataNodeProcessors } from '@/lib/es/node-processors';
import type { SearchRequestInput } from '@/lib/schema/search';
import { END, HOUR, iso, search, seedTestDataset } from './search-fixture';

beforeAll(async () => {
  await seedTestDataset();
});

describe('dataNodeProcessors', () => {
  it("is the local engine's processors: a whole number, at most the machine's", async () => {
    const processors = await dataNodeProcessors(getEngineClient());
    expect(Number.isInteger(processors)).toBe(true);
    expect(processors).toBeGreaterThan(0);
    expect(processors).toBeLessThanOrEqual(availableParallelism());
    // Remembered ten minutes: the same answer without asking again, then asked afresh.
    const client = new Client(engineConnection().options);
    const asked: string[] = [];
    // The nodes API only (the client's first call also asks what the engine is).
    client.diagnostic.on('request', (_err, result) => {
      if (result?.meta.request.params.path.startsWith('/_nodes/os')) asked.push(result.meta.request.params.path);
    });
    const t0 = Date.now();
    expect(await dataNodeProcessors(client, t0)).toBe(processors);
    expect(await dataNodeProcessors(client, t0 + 9 * 60_000)).toBe(processors);
    expect(asked).toHaveLength(1);
    expect(await dataNodeProcessors(client, t0 + 10 * 60_000 + 1)).toBe(processors);
    expect(asked).toHaveLength(2);
    await client.close();
  });

  it('is null for an engine that cannot be reached, asked again only after a minute', async () => {
    const nowhere = new Client({ node: 'http://127.0.0.1:9', maxRetries: 0, requestTimeout: 2_000 });
    const t0 = Date.now();
    expect(await dataNodeProcessors(nowhere, t0)).toBeNull();
    const asked: string[] = [];
    nowhere.diagnostic.on('request', (_err, result) => asked.push(result?.meta.request.params.path ?? ''));
    expect(await dataNodeProcessors(nowhere, t0 + 30_000)).toBeNull();
    expect(asked).toEqual([]);
    expect(await dataNodeProcessors(nowhere, t0 + 61_000)).toBeNull();
    expect(asked).toHaveLength(1);
    await nowhere.close();
  });
});

describe("the rows' search", () => {
  it('asks for as many shards at once as a data node has processors when it neither counts nor aggregates', async () => {
    const client = getEngineClient();
    const processors = await dataNodeProcessors(client);
    const sent: Record<string, unknown>[] = [];
    const listener = (_err: unknown, result: { meta: { request: { params: { path: string; querystring?: unknown } } } } | null) => {
      const params = result?.meta.request.params;
      if (params?.path.endsWith('/_search')) sent.push(Object.fromEntries(new URLSearchParams(String(params.querystring ?? ''))));
    };
    const time = { from: iso(END - 6 * HOUR - 1234), to: iso(END - 17) };
    const rows: SearchRequestInput = { time, size: 20, histogram: false, facets: [], total: false };
    client.diagnostic.on('request', listener);
    try {
      await search(rows);
      await search({ ...rows, total: true });
    } finally {
      client.diagnostic.off('request', listener);
    }
    expect(sent[0]?.max_concurrent_shard_requests).toBe(String(processors));
    // Counting its hits, it reads every shard: left to the engine.
    expect(sent[1]).not.toHaveProperty('max_concurrent_shard_requests');
  });
});
