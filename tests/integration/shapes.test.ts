/**
 * Every log shape (Fluentd, Fluent Bit, ECS, OpenTelemetry) through the API, on the engine under
 * test: the same simulated cluster seeded in each shape (TEST_SHAPE_DATASETS), every expected
 * count derived from the generator's own events, read by the shape's own field names.
 */
import type { Client } from '@elastic/elasticsearch';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { flattenDoc } from '@/lib/demo-cluster/document';
import { generateEvents } from '@/lib/demo-cluster/generate';
import { seedDataset } from '@/lib/demo-cluster/load';
import { LOG_SHAPES, type LogShape } from '@/lib/demo-cluster/shapes';
import { TEST_SHAPE_DATASETS, TEST_SHAPE_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import type { SearchResponse } from '@/lib/schema/search';

/** Each shape's own field names, as its shipper writes them (not read from the app's profiles). */
const FIELDS: Record<LogShape, { namespace: string; level: string; message: string; pod: string }> = {
  fluentd: { namespace: 'kubernetes.namespace_name', level: 'level', message: 'log', pod: 'kubernetes.pod_name' },
  'fluent-bit': { namespace: 'kubernetes.namespace_name', level: 'level', message: 'log', pod: 'kubernetes.pod_name' },
  ecs: { namespace: 'kubernetes.namespace', level: 'log.level', message: 'message', pod: 'kubernetes.pod.name' },
  otel: {
    namespace: 'resource.attributes.k8s.namespace.name',
    level: 'severity_text',
    message: 'body.text',
    pod: 'resource.attributes.k8s.pod.name',
  },
};

type Flat = Record<string, unknown>;
const events: Record<string, Flat[]> = {};
const end = TEST_SHAPE_DATASETS.fluentd.end.getTime();
const whole = { from: new Date(end - 24 * 3_600_000).toISOString(), to: new Date(end).toISOString() };

let search: typeof import('@/app/api/search/route');
let exportRoute: typeof import('@/app/api/export/route');
let fieldsRoute: typeof import('@/app/api/fields/route');

function post(path: string, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function screen(body: Record<string, unknown>): Promise<SearchResponse> {
  const res = await search.POST(post('/api/search', { time: whole, size: 5, ...body }));
  expect(res.status).toBe(200);
  return (await res.json()) as SearchResponse;
}

function countBy(docs: Flat[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    const value = doc[field];
    if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

beforeAll(async () => {
  vi.stubEnv('LOG_SOURCES', TEST_SHAPE_SOURCES_ENV);
  const { getEngineClient } = await import('@/lib/es/client');
  const client: Client = getEngineClient();
  for (const shape of LOG_SHAPES) {
    const opts = TEST_SHAPE_DATASETS[shape];
    await seedDataset(client, opts);
    events[shape] = [...generateEvents(opts)].map((e) => flattenDoc(e.doc));
  }
  search = await import('@/app/api/search/route');
  exportRoute = await import('@/app/api/export/route');
  fieldsRoute = await import('@/app/api/fields/route');
}, 180_000);

describe.each(LOG_SHAPES)('the %s shape', (shape) => {
  const f = FIELDS[shape];
  const docs = () => events[shape] ?? [];

  it("is detected as its own profile, each meaning on the shape's field", async () => {
    const res = await fieldsRoute.GET(new Request(`http://localhost/api/fields?source=${shape}`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { profile: string; meanings: Record<string, string> };
    expect(body.profile).toBe(shape);
    expect(body.meanings).toMatchObject({ namespace: f.namespace, level: f.level, message: f.message, pod: f.pod });
  });

  it('counts every document, the bars add up, levels stack, facets by meaning match the generator', async () => {
    const res = await screen({ source: shape, histogram: true, facets: ['namespace', 'level'] });
    expect(res.total).toEqual({ value: docs().length, relation: 'eq' });
    const buckets = res.histogram?.buckets ?? [];
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(docs().length);
    const levels = countBy(docs(), f.level);
    const stackedErrors = buckets.reduce((n, b) => n + (b.levels?.error ?? 0), 0);
    expect(stackedErrors).toBe(levels.get('error') ?? 0);
    const namespaces = countBy(docs(), f.namespace);
    const facet = res.facets.namespace ?? [];
    expect(facet.length).toBeGreaterThan(3);
    for (const { value, count } of facet) expect(count).toBe(namespaces.get(value));
    expect(facet[0]?.count).toBe(Math.max(...namespaces.values()));
    // The rows carry the shape's message and time.
    const first = res.hits[0];
    expect(first?.message).toBe(first?.fields[f.message]);
  });

  it("runs KQL on the shape's own field names and filters by meaning", async () => {
    const expected = docs().filter((d) => d[f.namespace] === 'payments' && d[f.level] === 'error').length;
    expect(expected).toBeGreaterThan(0);
    const kql = await screen({
      source: shape,
      histogram: false,
      query: { language: 'kql', text: `${f.namespace}:payments and ${f.level}:error` },
    });
    expect(kql.total.value).toBe(expected);
    const filtered = await screen({
      source: shape,
      histogram: true,
      filters: [
        { field: 'namespace', op: 'is', value: 'payments' },
        { field: 'level', op: 'is', value: 'error' },
      ],
    });
    expect(filtered.total.value).toBe(expected);
  });

  it('exports exactly the matching documents', async () => {
    const expected = docs().filter((d) => d[f.namespace] === 'payments').length;
    const res = await exportRoute.POST(
      post('/api/export', {
        source: shape,
        time: whole,
        format: 'ndjson',
        columns: ['namespace', 'message'],
        query: { language: 'kql', text: `${f.namespace}:payments` },
      }),
    );
    expect(res.status).toBe(200);
    const rows = (await res.text()).split('\n').filter((line) => line.length > 0);
    expect(rows.length).toBe(expected);
  });
});

describe('a source that matches no profile', () => {
  it('is read as plain documents: time, the guessed message, any field', async () => {
    const { getEngineClient } = await import('@/lib/es/client');
    const client = getEngineClient();
    const index = 'lxtest-shape-plain';
    await client.indices.delete({ index, ignore_unavailable: true });
    await client.indices.create({
      index,
      mappings: { properties: { '@timestamp': { type: 'date' }, message: { type: 'text' }, app: { type: 'keyword' } } },
    });
    const docs = [0, 1, 2].map((i) => ({
      '@timestamp': new Date(end - (i + 1) * 60_000).toISOString(),
      message: `plain line ${i}`,
      app: i === 0 ? 'a' : 'b',
    }));
    await client.bulk({ refresh: true, operations: docs.flatMap((doc) => [{ index: { _index: index } }, doc]) });
    vi.stubEnv(
      'LOG_SOURCES',
      JSON.stringify([
        { id: 'plain', indexPattern: index },
        { id: 'forced', indexPattern: `${TEST_SHAPE_DATASETS.ecs.indexPrefix}*`, profile: 'generic' },
      ]),
    );
    const fields = (await (await fieldsRoute.GET(new Request('http://localhost/api/fields?source=plain'))).json()) as { profile: string };
    expect(fields.profile).toBe('generic');
    const res = await screen({ source: 'plain', histogram: true, facets: ['app'] });
    expect(res.total.value).toBe(3);
    expect(res.hits.map((h) => h.message)).toEqual(['plain line 0', 'plain line 1', 'plain line 2']);
    expect(res.facets.app).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 1 },
    ]);
    // LOG_SOURCES can force a profile: ECS documents read as generic have no namespace meaning.
    const forced = (await (await fieldsRoute.GET(new Request('http://localhost/api/fields?source=forced'))).json()) as {
      profile: string;
      meanings: Record<string, string>;
    };
    expect(forced.profile).toBe('generic');
    expect(forced.meanings.namespace).toBeUndefined();
    await client.indices.delete({ index });
    vi.stubEnv('LOG_SOURCES', TEST_SHAPE_SOURCES_ENV);
  });
});
