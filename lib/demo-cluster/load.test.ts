import type { Client } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { generateEvents } from './generate';
import { assertIndexPrefix, seedDataset, windowIndices } from './load';
import type { SeedOptions } from './load';

function reversedKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

/** Just enough of the engine for the loader: indices, _bulk, count, mget, mappings' _meta. */
class FakeEngine {
  indices = new Map<string, { docs: Map<string, unknown>; settings: Record<string, unknown>; meta?: unknown }>();
  bulkSizes: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  refreshed = 0;
  templates = new Map<string, unknown>();
  /** Item statuses to return for the next bulk requests (per request, per item index). */
  failures: ((i: number) => { status: number; error?: { type: string; reason: string } } | undefined)[] = [];

  private match(pattern: string): string[] {
    return pattern
      .split(',')
      .flatMap((p) =>
        p.endsWith('*') ? [...this.indices.keys()].filter((n) => n.startsWith(p.slice(0, -1))) : this.indices.has(p) ? [p] : [],
      );
  }

  client(): Client {
    return {
      indices: {
        putIndexTemplate: async (req: { name: string }) => void this.templates.set(req.name, req),
        get: async ({ index }: { index: string }) => Object.fromEntries(this.match(index).map((n) => [n, {}])),
        delete: async ({ index }: { index: string }) => index.split(',').forEach((n) => this.indices.delete(n)),
        create: async ({ index, settings }: { index: string; settings: Record<string, unknown> }) =>
          void this.indices.set(index, { docs: new Map(), settings: { ...settings } }),
        putSettings: async ({ index, settings }: { index: string; settings: Record<string, unknown> }) =>
          this.match(index).forEach((n) => Object.assign(this.indices.get(n)?.settings ?? {}, settings)),
        refresh: async () => void this.refreshed++,
        // Like the engine, do not preserve the key order of _meta.
        putMapping: async ({ index, _meta }: { index: string; _meta: unknown }) =>
          this.match(index).forEach((n) => Object.assign(this.indices.get(n) ?? {}, { meta: reversedKeys(_meta) })),
        getMapping: async ({ index }: { index: string }) =>
          Object.fromEntries(this.match(index).map((n) => [n, { mappings: { _meta: this.indices.get(n)?.meta } }])),
      },
      count: async ({ index }: { index: string }) => ({
        count: this.match(index).reduce((sum, n) => sum + (this.indices.get(n)?.docs.size ?? 0), 0),
      }),
      mget: async ({ docs }: { docs: { _index: string; _id: string }[] }) => ({
        docs: docs.map((d) => {
          const source = this.indices.get(d._index)?.docs.get(d._id);
          return source ? { found: true, _source: source } : { found: false };
        }),
      }),
      transport: {
        request: async ({ bulkBody }: { bulkBody: string }) => {
          this.inFlight++;
          this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          this.inFlight--;
          const lines = bulkBody.trimEnd().split('\n');
          this.bulkSizes.push(lines.length / 2);
          const fail = this.failures.shift();
          const items = [];
          for (let i = 0; i < lines.length; i += 2) {
            const failure = fail?.(i / 2);
            if (failure) {
              items.push({ index: failure });
              continue;
            }
            const action = JSON.parse(lines[i] ?? '') as { index: { _index: string; _id: string } };
            const index = this.indices.get(action.index._index);
            if (!index) throw new Error(`no index ${action.index._index}`);
            index.docs.set(action.index._id, JSON.parse(lines[i + 1] ?? ''));
            items.push({ index: { status: 201 } });
          }
          return { errors: items.some((it) => it.index.status >= 300), items };
        },
      },
    } as unknown as Client;
  }
}

const OPTS: SeedOptions = { seed: 3, docs: 12_345, days: 1, end: new Date('2026-11-20T12:00:00Z'), indexPrefix: 'unit-logstash-' };

describe('seedDataset', () => {
  it('loads every event by id into its daily index, in bounded batches and concurrency', async () => {
    const engine = new FakeEngine();
    const progress: number[] = [];
    const result = await seedDataset(engine.client(), OPTS, { batchSize: 1000, concurrency: 2, onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ docs: OPTS.docs, skipped: false, indices: ['unit-logstash-2026.11.19', 'unit-logstash-2026.11.20'] });
    expect(Math.max(...engine.bulkSizes)).toBeLessThanOrEqual(1000);
    expect(engine.maxInFlight).toBeLessThanOrEqual(2);
    expect(progress.at(-1)).toBe(OPTS.docs);
    for (const event of generateEvents(OPTS)) expect(engine.indices.get(event.index)?.docs.get(event.id)).toEqual(event.doc);
    for (const index of engine.indices.values()) expect(index.settings).toMatchObject({ refresh_interval: '1s' });
    expect(engine.refreshed).toBe(1);
    expect(engine.templates.has('log-explorer-unit-logstash')).toBe(true);
  });

  it('skips a dataset that is already loaded, and replaces one that differs', async () => {
    const engine = new FakeEngine();
    await seedDataset(engine.client(), OPTS);
    const before = engine.bulkSizes.length;
    expect((await seedDataset(engine.client(), OPTS)).skipped).toBe(true);
    expect(engine.bulkSizes.length).toBe(before);
    // Same count, other window: the old indices go, nothing is duplicated.
    const moved = { ...OPTS, end: new Date('2026-11-21T06:00:00Z') };
    expect((await seedDataset(engine.client(), moved)).skipped).toBe(false);
    expect([...engine.indices.keys()].sort()).toEqual(windowIndices(moved));
    expect((await seedDataset(engine.client(), { ...moved, force: true })).skipped).toBe(false);
  });

  it('fails loudly with the first item error', async () => {
    const engine = new FakeEngine();
    engine.failures.push((i) =>
      i === 7 ? { status: 400, error: { type: 'document_parsing_exception', reason: 'failed to parse field [level]' } } : undefined,
    );
    await expect(seedDataset(engine.client(), OPTS, { batchSize: 500 })).rejects.toThrow(
      /400 document_parsing_exception: failed to parse field \[level\]/,
    );
  });

  it('retries items the engine rejected with 429', async () => {
    const engine = new FakeEngine();
    engine.failures.push((i) =>
      i < 3 ? { status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } : undefined,
    );
    const result = await seedDataset(engine.client(), { ...OPTS, docs: 800 }, { batchSize: 500 });
    expect(result.docs).toBe(800);
  });

  it('refuses prefixes that would reach indices it does not own', () => {
    for (const bad of ['', '*', 'a', 'Logstash-', '-x-']) expect(() => assertIndexPrefix(bad)).toThrow(/prefix/);
    expect(() => assertIndexPrefix('logstash-')).not.toThrow();
  });
});
