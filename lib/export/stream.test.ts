import type { Client } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { ndjsonEncoder } from '@/lib/export/rows';
import { ExportShardFailure, openExportStream, type ExportStreamOptions } from '@/lib/export/stream';

interface SearchCall {
  size: number;
  searchAfter: unknown;
  trackTotalHits: unknown;
  pit: string;
}

/** Just enough of the engine client: a PIT over `docs` documents, paged by `search_after`. */
function fakeEngine(docs: number, opts: { failOnSearch?: number; shardFailuresOnSearch?: number } = {}) {
  const calls: SearchCall[] = [];
  const closed: string[] = [];
  let pits = 0;
  const client = {
    openPointInTime: async () => ({ id: `pit-${pits++}` }),
    closePointInTime: async ({ id }: { id: string }) => {
      closed.push(id);
      return { succeeded: true, num_freed: 1 };
    },
    search: async (params: Record<string, unknown>) => {
      const after = params.search_after as [string, number] | undefined;
      const size = params.size as number;
      calls.push({ size, searchAfter: after, trackTotalHits: params.track_total_hits, pit: (params.pit as { id: string }).id });
      if (calls.length === opts.failOnSearch) throw new Error('engine went away');
      const start = after ? after[1] + 1 : 0;
      const hits = [];
      for (let i = start; i < Math.min(docs, start + size); i++) {
        hits.push({ _source: { t: `t${i}`, n: i }, sort: [`t${i}`, i] });
      }
      const failed = calls.length === opts.shardFailuresOnSearch ? 1 : 0;
      return {
        pit_id: `pit-0-v${calls.length}`,
        hits: { total: { value: docs, relation: 'eq' }, hits },
        _shards: { failed },
        timed_out: false,
      };
    },
  };
  return { client: client as unknown as Client, calls, closed };
}

function options(client: Client, overrides: Partial<ExportStreamOptions> = {}): ExportStreamOptions {
  return {
    client,
    index: 'logs-*',
    query: { match_all: {} },
    timeField: 't',
    sort: 'desc',
    fields: ['t', 'n'],
    maxRows: 1_000_000,
    signal: new AbortController().signal,
    pageSize: 10,
    ...overrides,
  };
}

const encoder = ndjsonEncoder([
  { header: 't', field: 't' },
  { header: 'n', field: 'n' },
]);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('openExportStream', () => {
  it('delivers every row in order, counts exactly, and closes the PIT at the end', async () => {
    const engine = fakeEngine(95);
    const opened = await openExportStream(options(engine.client), encoder);
    expect(opened).toMatchObject({ total: 95, matched: 95 });
    const lines = (await readAll(opened.stream)).trimEnd().split('\n');
    expect(lines).toHaveLength(95);
    expect(lines.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual(Array.from({ length: 95 }, (_, i) => i));
    expect(engine.calls).toHaveLength(10);
    expect(engine.calls[0]?.trackTotalHits).toBe(true);
    expect(engine.calls[1]?.trackTotalHits).toBe(false);
    // Each page continues from the previous PIT id the engine returned.
    expect(engine.calls[1]?.pit).toBe('pit-0-v1');
    expect(engine.closed).toEqual(['pit-0-v10']);
  });

  it('fetches the next page only once the previous one is read (one page ahead at most)', async () => {
    const engine = fakeEngine(1_000);
    const opened = await openExportStream(options(engine.client), encoder);
    const reader = opened.stream.getReader();
    await tick();
    expect(engine.calls.length).toBeLessThanOrEqual(2);
    await reader.read();
    await reader.read();
    await tick();
    expect(engine.calls.length).toBeLessThanOrEqual(4);
    await reader.cancel();
    expect(engine.closed).toHaveLength(1);
  });

  it('stops at maxRows, asking the engine for no more than it needs', async () => {
    const engine = fakeEngine(1_000);
    const opened = await openExportStream(options(engine.client, { maxRows: 25 }), encoder);
    expect(opened).toMatchObject({ total: 25, matched: 1_000 });
    const lines = (await readAll(opened.stream)).trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    expect(engine.calls.map((c) => c.size)).toEqual([10, 10, 5]);
    expect(engine.closed).toHaveLength(1);
  });

  it('closes the PIT when the caller aborts while no page is being read', async () => {
    const engine = fakeEngine(1_000);
    const caller = new AbortController();
    const opened = await openExportStream(options(engine.client, { signal: caller.signal }), encoder);
    const reader = opened.stream.getReader();
    await reader.read();
    caller.abort();
    await tick();
    expect(engine.closed).toHaveLength(1);
    const callsAtAbort = engine.calls.length;
    await reader.read().catch(() => undefined);
    expect(engine.calls.length).toBeLessThanOrEqual(callsAtAbort + 1);
  });

  it('breaks the stream on an engine failure mid-way, appending nothing, and closes the PIT', async () => {
    const engine = fakeEngine(1_000, { failOnSearch: 3 });
    const opened = await openExportStream(options(engine.client), encoder);
    const reader = opened.stream.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value);
        }
      })(),
    ).rejects.toThrow('engine went away');
    expect(text.trimEnd().split('\n')).toHaveLength(20);
    expect(engine.closed).toHaveLength(1);
  });

  it('fails before the first byte (and closes the PIT) when the first page fails', async () => {
    const engine = fakeEngine(100, { failOnSearch: 1 });
    await expect(openExportStream(options(engine.client), encoder)).rejects.toThrow('engine went away');
    expect(engine.closed).toEqual(['pit-0']);
  });

  it('refuses partial data: shard failures stop the export', async () => {
    const engine = fakeEngine(100, { shardFailuresOnSearch: 1 });
    await expect(openExportStream(options(engine.client), encoder)).rejects.toBeInstanceOf(ExportShardFailure);
    expect(engine.closed).toHaveLength(1);
  });

  it('handles an empty result: header only, PIT closed', async () => {
    const engine = fakeEngine(0);
    const opened = await openExportStream(options(engine.client), encoder);
    expect(opened.total).toBe(0);
    expect(await readAll(opened.stream)).toBe('');
    expect(engine.closed).toHaveLength(1);
  });
});
