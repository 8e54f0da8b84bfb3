/**
 * Degraded, not dead: a source whose daily indices disagree on a field's mapping (`level` as
 * `long` in one, `kubernetes.pod_name` as `text`) still shows its rows, exact count, histogram
 * and other facets; the clashing fields are skipped with a note that says why, never a 400
 * blamed on the user's query. Expected counts come from the generator and the engine.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATASET, TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import type { SearchResponse } from '@/lib/schema/search';
import { END, eventsIn, HOUR, iso, search, seedTestDataset } from './search-fixture';

const MIXED_INDEX = 'lxtest-mixed-2026.11.20';
/** Pushed by an app with only a namespace: no pod, container, node or level. */
const SPARSE_INDEX = 'lxtest-sparse-2026.11.20';
const MIXED_DOCS = 7;
const DAY = { from: iso(END - 24 * HOUR), to: iso(END) };

let client: Client;

beforeAll(async () => {
  await seedTestDataset();
  client = new Client(engineConnection().options);
  await client.indices.delete({ index: MIXED_INDEX, ignore_unavailable: true });
  await client.indices.create({
    index: MIXED_INDEX,
    mappings: {
      properties: {
        '@timestamp': { type: 'date' },
        level: { type: 'long' },
        log: { type: 'text' },
        kubernetes: { properties: { pod_name: { type: 'text' }, namespace_name: { type: 'keyword' } } },
      },
    },
  });
  await client.bulk({
    refresh: true,
    operations: Array.from({ length: MIXED_DOCS }, (_, i) => [
      { index: { _index: MIXED_INDEX } },
      {
        '@timestamp': iso(END - (i + 1) * HOUR),
        level: 3,
        log: `odd line ${i}`,
        kubernetes: { pod_name: `odd-pod-${i}`, namespace_name: 'odd' },
      },
    ]).flat(),
  });
  await client.indices.delete({ index: SPARSE_INDEX, ignore_unavailable: true });
  await client.indices.create({
    index: SPARSE_INDEX,
    mappings: {
      properties: {
        '@timestamp': { type: 'date' },
        log: { type: 'text' },
        kubernetes: { properties: { namespace_name: { type: 'keyword' } } },
      },
    },
  });
  await client.bulk({
    refresh: true,
    operations: [0, 1, 2].flatMap((i) => [
      { index: { _index: SPARSE_INDEX } },
      { '@timestamp': iso(END - (i + 1) * HOUR), log: `sparse line ${i}`, kubernetes: { namespace_name: i === 0 ? 'one' : 'two' } },
    ]),
  });
  const sources = JSON.parse(TEST_SOURCES_ENV) as object[];
  process.env.LOG_SOURCES = JSON.stringify([
    ...sources,
    { id: 'sparse', title: 'Sparse metadata', indexPattern: SPARSE_INDEX, timeField: '@timestamp' },
    { id: 'mixed', title: 'Mixed mappings', indexPattern: `${TEST_DATASET.indexPrefix}*,lxtest-mixed-*`, timeField: '@timestamp' },
  ]);
});

afterAll(async () => {
  process.env.LOG_SOURCES = TEST_SOURCES_ENV;
  await client.indices.delete({ index: [MIXED_INDEX, SPARSE_INDEX], ignore_unavailable: true });
  await client.close();
});

describe('a source with clashing mappings', () => {
  let res: SearchResponse;
  beforeAll(async () => {
    res = await search({ source: 'mixed', time: DAY, size: 10, facets: ['namespace', 'pod', 'level'] });
  });

  it('shows the rows and the exact total', async () => {
    const expected = eventsIn(END - 24 * HOUR, END).length + MIXED_DOCS;
    expect(res.total).toEqual({ value: expected, relation: 'eq' });
    expect(res.hits).toHaveLength(10);
    expect(res.histogram!.buckets.reduce((s, b) => s + b.count, 0)).toBe(expected);
  });

  it('counts the facets that can be counted', () => {
    const namespaces = new Map(res.facets.namespace!.map((v) => [v.value, v.count]));
    expect(namespaces.size).toBeGreaterThan(3);
  });

  it('skips the clashing facets and level stacking with notes that say why', () => {
    expect(res.facets.pod).toBeUndefined();
    expect(res.facets.level).toBeUndefined();
    const pod = res.notes.find((n) => n.facet === 'pod');
    expect(pod?.message).toMatch(/kubernetes\.pod_name.*keyword.*text/);
    expect(res.notes.find((n) => n.facet === 'level')?.message).toMatch(/level is mapped as keyword in some indices and long/);
    expect(res.notes.some((n) => n.part === 'levels')).toBe(true);
    expect(res.histogram!.buckets.every((b) => b.levels === undefined)).toBe(true);
  });

  it('marks the conflicts in the field list, with their types', async () => {
    const { GET } = await import('@/app/api/fields/route');
    const body = (await (await GET(new Request('http://app.test/api/fields?source=mixed'))).json()) as {
      fields: { name: string; type: string; aggregatable: boolean; conflictTypes?: string[] }[];
    };
    const level = body.fields.find((f) => f.name === 'level');
    expect(level).toMatchObject({ type: 'conflict', aggregatable: false, conflictTypes: ['keyword', 'long'] });
    expect(body.fields.find((f) => f.name === 'kubernetes.pod_name')).toMatchObject({
      type: 'conflict',
      conflictTypes: ['keyword', 'text'],
    });
  });

  it('answers value suggestions for a clashing field with a note, not an error', async () => {
    const { GET } = await import('@/app/api/values/route');
    const q = new URLSearchParams({ source: 'mixed', field: 'pod', from: DAY.from, to: DAY.to });
    const r = await GET(new Request(`http://app.test/api/values?${q.toString()}`));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { values: unknown[]; note?: string };
    expect(body.values).toEqual([]);
    expect(body.note).toMatch(/cannot be counted/);
  });

  it('still refuses a facet the source does not have at all', async () => {
    const r = await (await import('./search-fixture')).searchError({ source: 'mixed', time: DAY, facets: ['no.such.field'] });
    expect(r.status).toBe(400);
    expect(r.error.code).toBe('unknown_field');
  });
});

describe('a source without some Kubernetes meanings', () => {
  it('counts the facets it has, and says which it has no field for instead of refusing the screen', async () => {
    const res = await search({
      source: 'sparse',
      time: DAY,
      size: 10,
      histogram: true,
      facets: ['namespace', 'pod', 'container', 'level', 'node'],
    });
    expect(res.total).toEqual({ value: 3, relation: 'eq' });
    expect(res.hits).toHaveLength(3);
    expect(res.histogram!.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3);
    expect(res.facets).toEqual({
      namespace: [
        { value: 'two', count: 2 },
        { value: 'one', count: 1 },
      ],
    });
    expect(res.notes.filter((n) => n.part === 'facets').map((n) => [n.facet, n.message])).toEqual(
      ['pod', 'container', 'level', 'node'].map((m) => [m, `this source has no ${m} field that can be counted`]),
    );
  });
});
