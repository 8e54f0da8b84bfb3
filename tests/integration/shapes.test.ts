/**
 * Every log shape (Fluentd, Fluent Bit, ECS, OpenTelemetry) through the API, on the engine under
 * test: the same simulated cluster seeded in each shape (TEST_SHAPE_DATASETS), every expected
 * count derived from the generator's own events, read by the shape's own field names.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOG_SHAPES } from '@/lib/demo-cluster/shapes';
import { TEST_SHAPE_DATASETS, TEST_SHAPE_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import type { SearchResponse } from '@/lib/schema/search';
import {
  countBy,
  post,
  SHAPE_DAY as whole,
  SHAPE_END as end,
  SHAPE_FIELDS as FIELDS,
  SHAPE_PROFILE,
  seedShapes,
  shapeEvents,
} from './shapes-fixture';

let search: typeof import('@/app/api/search/route');
let exportRoute: typeof import('@/app/api/export/route');
let fieldsRoute: typeof import('@/app/api/fields/route');

async function screen(body: Record<string, unknown>): Promise<SearchResponse> {
  const res = await search.POST(post('/api/search', { time: whole, size: 5, ...body }));
  expect(res.status).toBe(200);
  return (await res.json()) as SearchResponse;
}

beforeAll(async () => {
  vi.stubEnv('LOG_SOURCES', TEST_SHAPE_SOURCES_ENV);
  const { getEngineClient } = await import('@/lib/es/client');
  await seedShapes(getEngineClient());
  search = await import('@/app/api/search/route');
  exportRoute = await import('@/app/api/export/route');
  fieldsRoute = await import('@/app/api/fields/route');
}, 180_000);

describe.each(LOG_SHAPES)('the %s shape', (shape) => {
  const f = FIELDS[shape];
  const docs = () => shapeEvents(shape).map((e) => e.fields);

  it("is detected as its profile, each meaning on the shape's field", async () => {
    const res = await fieldsRoute.GET(new Request(`http://localhost/api/fields?source=${shape}`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { profile: string; meanings: Record<string, string> };
    expect(body.profile).toBe(SHAPE_PROFILE[shape]);
    expect(body.meanings).toMatchObject({ namespace: f.namespace, level: f.level, message: f.message, pod: f.pod });
  });

  it('counts every document, the bars add up, every level stacks, facets by meaning match the generator', async () => {
    const meanings = { namespace: f.namespace, pod: f.pod, container: f.container, level: f.level, node: f.node } as const;
    const res = await screen({ source: shape, histogram: true, facets: Object.keys(meanings) });
    expect(res.total).toEqual({ value: docs().length, relation: 'eq' });
    const buckets = res.histogram?.buckets ?? [];
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(docs().length);
    const stacked = new Map<string, number>();
    for (const b of buckets) for (const [level, n] of Object.entries(b.levels ?? {})) stacked.set(level, (stacked.get(level) ?? 0) + n);
    const levels = countBy(docs(), f.level);
    expect(levels.size).toBeGreaterThan(2);
    for (const [level, n] of levels) expect(stacked.get(level), level).toBe(n);
    for (const [meaning, field] of Object.entries(meanings)) {
      const expected = countBy(docs(), field);
      const facet = res.facets[meaning] ?? [];
      expect(facet.length, meaning).toBeGreaterThan(2);
      for (const { value, count } of facet) expect(count, `${meaning} ${value}`).toBe(expected.get(value));
      expect(facet[0]?.count, meaning).toBe(Math.max(...expected.values()));
    }
    // The rows carry the shape's message and time.
    const first = res.hits[0];
    expect(first?.message).toBe(first?.fields[f.message]);
  });

  it("runs KQL on the shape's pod, container, node fields, wildcards and phrases", async () => {
    const pod = docs().find((d) => d[f.namespace] === 'payments')?.[f.pod];
    const node = docs().find((d) => d[f.node] !== undefined)?.[f.node];
    const cases: [string, (d: Record<string, unknown>) => boolean][] = [
      [`${f.pod}:${String(pod)} and not ${f.level}:info`, (d) => d[f.pod] === pod && d[f.level] !== 'info'],
      [`${f.namespace}:pay* or ${f.node}:${String(node)}`, (d) => String(d[f.namespace] ?? '').startsWith('pay') || d[f.node] === node],
      [`${f.message}:"connection refused"`, (d) => /connection refused/i.test(String(d[f.message] ?? ''))],
      [`${f.container}:* and not ${f.level}:*`, (d) => d[f.container] !== undefined && d[f.level] === undefined],
    ];
    for (const [text, match] of cases) {
      const res = await screen({ source: shape, histogram: false, query: { language: 'kql', text } });
      const expected = docs().filter(match).length;
      expect(expected, text).toBeGreaterThan(0);
      expect(res.total.value, text).toBe(expected);
    }
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
    // Columns by meaning are headed by the shape's own field names and hold its values.
    const parsed = rows.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(Object.keys(parsed[0] ?? {})).toEqual(['@timestamp', f.namespace, f.message]);
    expect(new Set(parsed.map((r) => r[f.namespace]))).toEqual(new Set(['payments']));
    const messages = new Set(
      docs()
        .filter((d) => d[f.namespace] === 'payments')
        .map((d) => d[f.message]),
    );
    for (const row of parsed) expect(messages.has(row[f.message])).toBe(true);
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
