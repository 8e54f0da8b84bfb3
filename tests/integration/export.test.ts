/**
 * Export against the real engine and the fixed test dataset, through the route handler. The
 * expected rows come from direct engine queries written out by hand here (not through
 * lib/search or lib/export), and the CSV is read back with a small RFC 4180 parser.
 *
 * The formula guard: the generated dataset has no message starting with `=`, `+`, `-`, `@`,
 * tab or CR, so a throwaway index with a handful of such documents is exported through a
 * second source. The full guard table is in lib/export/csv.test.ts.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '@/lib/demo-cluster/load';
import { closePointInTime, openPointInTime } from '@/lib/es/engine';
import { TEST_DATASET, TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import type { ExportRequestInput } from '@/lib/schema/export';
import type { ApiErrorBody } from '@/lib/schema/errors';

const FORMULA_INDEX = 'lxtest-export-formula';
process.env.LOG_SOURCES = JSON.stringify([
  ...(JSON.parse(TEST_SOURCES_ENV) as unknown[]),
  { id: 'formula', indexPattern: FORMULA_INDEX, timeField: '@timestamp' },
]);
process.env.EXPORT_MAX_ROWS = '50000';

let route: typeof import('@/app/api/export/route');
let client: Client;

const END = TEST_DATASET.end.getTime();
const HOUR = 3_600_000;
const range = { from: new Date(END - 5 * HOUR).toISOString(), to: new Date(END - 2 * HOUR).toISOString() };

function exportRequest(body: ExportRequestInput, signal?: AbortSignal): Request {
  return new Request('http://localhost/api/export', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

/** RFC 4180, independently of the encoder under test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(cell).toBe('');
  return rows;
}

const guard = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const text = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

interface Doc {
  '@timestamp': string;
  log?: string;
  level?: string;
  kubernetes?: { namespace_name?: string; pod_name?: string; container_name?: string };
}

/** Every hit of a query, by hand: a point in time and search_after over time then `_shard_doc`. */
async function directQuery(
  query: estypes.QueryDslQueryContainer,
  order: 'asc' | 'desc',
  index = `${TEST_DATASET.indexPrefix}*`,
): Promise<Doc[]> {
  // The engine's own point-in-time path (`_pit` or OpenSearch's `_search/point_in_time`).
  const pitId = await openPointInTime(client, { index, keepAlive: '1m' });
  const docs: Doc[] = [];
  let after: estypes.SortResults | undefined;
  try {
    for (;;) {
      const res = await client.search<Doc>({
        pit: { id: pitId, keep_alive: '1m' },
        query,
        size: 10_000,
        sort: [{ '@timestamp': { order } }, { _shard_doc: { order } }],
        ...(after ? { search_after: after } : {}),
      });
      for (const hit of res.hits.hits) if (hit._source) docs.push(hit._source);
      const last = res.hits.hits.at(-1);
      if (!last?.sort || res.hits.hits.length < 10_000) return docs;
      after = last.sort;
    }
  } finally {
    await closePointInTime(client, pitId);
  }
}

/** Ties on the timestamp may come in either order; everything else must match exactly, in order. */
function expectSameRows(actual: string[][], expected: string[][]): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
  const byTime = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();
  expect(byTime(actual)).toEqual(byTime(expected));
}

async function openContexts(): Promise<number> {
  const stats = await client.nodes.stats({ metric: ['indices'], index_metric: ['search'] });
  return Object.values(stats.nodes).reduce((n, node) => n + (node.indices?.search?.open_contexts ?? 0), 0);
}

beforeAll(async () => {
  const { getEngineClient } = await import('@/lib/es/client');
  client = getEngineClient();
  await seedDataset(client, { ...TEST_DATASET, end: new Date(TEST_DATASET.end) });
  await client.indices.delete({ index: FORMULA_INDEX, ignore_unavailable: true });
  await client.indices.create({
    index: FORMULA_INDEX,
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: {
      dynamic: 'strict',
      properties: {
        '@timestamp': { type: 'date' },
        log: { type: 'text' },
        level: { type: 'keyword' },
        kubernetes: { properties: { namespace_name: { type: 'keyword' } } },
      },
    },
  });
  const messages = [
    '=HYPERLINK("http://evil.example","click")',
    '+1+2',
    '-3',
    '@SUM(A1)',
    '\tindented',
    'plain, with "quotes"\r\nand a new line',
  ];
  await client.bulk({
    refresh: true,
    operations: messages.flatMap((log, i) => [
      { index: { _index: FORMULA_INDEX, _id: String(i) } },
      {
        '@timestamp': new Date(END - i * 1000).toISOString(),
        log,
        level: i === 2 ? '-warn' : 'info',
        kubernetes: { namespace_name: 'sec' },
      },
    ]),
  });
  route = await import('@/app/api/export/route');
}, 600_000);

describe('POST /api/export against the test dataset', () => {
  it('CSV: exactly the rows a direct engine query returns, in time order, with an exact total header', async () => {
    const res = await route.POST(exportRequest({ time: range, format: 'csv', columns: ['namespace', 'pod', 'level', 'message'] }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    // The source id, then the range: `logs-20261120T070000Z-20261120T100000Z.csv`, not `logs-logs-…`.
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="logs-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.csv"$/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(["'@timestamp", 'kubernetes.namespace_name', 'kubernetes.pod_name', 'level', 'log']);

    const docs = await directQuery({ range: { '@timestamp': { gte: range.from, lte: range.to } } }, 'desc');
    expect(docs.length).toBeGreaterThan(1_000);
    expect(res.headers.get('x-export-total')).toBe(String(docs.length));
    const expected = docs.map((d) =>
      [d['@timestamp'], d.kubernetes?.namespace_name, d.kubernetes?.pod_name, d.level, d.log].map((v) => guard(text(v))),
    );
    expectSameRows(rows.slice(1), expected);
  });

  it('NDJSON: query, filter and ascending order give the same rows as the equivalent direct query', async () => {
    const res = await route.POST(
      exportRequest({
        time: range,
        sort: 'asc',
        format: 'ndjson',
        query: { language: 'kql', text: 'level:error or level:warn' },
        filters: [{ field: 'namespace', op: 'is', value: 'kube-system', negate: true }],
        columns: ['pod', 'level', 'message'],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text()).split('\n');
    expect(lines.pop()).toBe('');
    const actual = lines.map((l) => Object.values(JSON.parse(l) as Record<string, unknown>).map(text));

    const docs = await directQuery(
      {
        bool: {
          filter: [{ range: { '@timestamp': { gte: range.from, lte: range.to } } }, { terms: { level: ['error', 'warn'] } }],
          must_not: [{ term: { 'kubernetes.namespace_name': 'kube-system' } }],
        },
      },
      'asc',
    );
    expect(docs.length).toBeGreaterThan(10);
    expect(res.headers.get('x-export-total')).toBe(String(docs.length));
    expectSameRows(
      actual,
      docs.map((d) => [d['@timestamp'], d.kubernetes?.pod_name, d.level, d.log].map(text)),
    );
  });

  it("without columns: the screen's default columns (namespace, pod, container, level, message), as the engine holds them", async () => {
    const res = await route.POST(exportRequest({ time: range, format: 'csv' }));
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([
      "'@timestamp",
      'kubernetes.namespace_name',
      'kubernetes.pod_name',
      'kubernetes.container_name',
      'level',
      'log',
    ]);
    const docs = await directQuery({ range: { '@timestamp': { gte: range.from, lte: range.to } } }, 'desc');
    expectSameRows(
      rows.slice(1),
      docs.map((d) =>
        [d['@timestamp'], d.kubernetes?.namespace_name, d.kubernetes?.pod_name, d.kubernetes?.container_name, d.level, d.log].map((v) =>
          guard(text(v)),
        ),
      ),
    );
  });

  it('without columns, a default column the source lacks is left out (the formula source has no pod or container)', async () => {
    const res = await route.POST(exportRequest({ source: 'formula', time: { from: 'now-100y', to: 'now+100y' }, format: 'csv' }));
    expect(res.status).toBe(200);
    expect(parseCsv(await res.text())[0]).toEqual(["'@timestamp", 'kubernetes.namespace_name', 'level', 'log']);
  });

  it('caps the rows at maxRows and says how many matched', async () => {
    const res = await route.POST(exportRequest({ time: range, format: 'ndjson', columns: ['message'], maxRows: 7 }));
    expect(res.headers.get('x-export-total')).toBe('7');
    expect(Number(res.headers.get('x-export-matched'))).toBeGreaterThan(1_000);
    expect((await res.text()).trimEnd().split('\n')).toHaveLength(7);
  });

  it('prefixes formula cells in CSV (a throwaway source with hostile messages)', async () => {
    const res = await route.POST(
      exportRequest({ source: 'formula', time: { from: 'now-100y', to: 'now+100y' }, sort: 'asc', columns: ['level', 'message'] }),
    );
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text()).slice(1);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['info', 'plain, with "quotes"\r\nand a new line'],
      ['info', "'\tindented"],
      ['info', "'@SUM(A1)"],
      ["'-warn", "'-3"],
      ['info', "'+1+2"],
      ['info', `'=HYPERLINK("http://evil.example","click")`],
    ]);
  });
});

describe('POST /api/export: errors come before the first byte, as JSON', () => {
  it.each<[string, ExportRequestInput, number, string, string | undefined]>([
    ['unknown source', { source: 'nope', time: range, columns: ['message'] }, 400, 'unknown_source', 'source'],
    ['bad KQL', { time: range, columns: ['message'], query: { language: 'kql', text: 'level:(error' } }, 400, 'query_syntax', 'query.text'],
    ['bad time', { time: { from: 'yesterday', to: 'now' }, columns: ['message'] }, 400, 'invalid_time', 'time.from'],
    ['no columns', { time: range, columns: [] }, 400, 'validation_failed', 'columns'],
    ['bad format', { time: range, columns: ['message'], format: 'xlsx' as 'csv' }, 400, 'validation_failed', 'format'],
    ['over the cap', { time: range, columns: ['message'], maxRows: 50_001 }, 400, 'validation_failed', 'maxRows'],
    ['unknown column', { time: range, columns: ['message', 'no.such.field'] }, 400, 'unknown_field', 'columns.1'],
    ['a meaning the source lacks', { source: 'formula', time: range, columns: ['pod'] }, 400, 'unknown_field', 'columns.0'],
    [
      'unknown filter field',
      { time: range, columns: ['message'], filters: [{ field: 'nope', op: 'exists' }] },
      400,
      'unknown_field',
      'filters.0.field',
    ],
  ])('%s → %i %s', async (_name, body, status, code, at) => {
    const res = await route.POST(exportRequest(body));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const error = ((await res.json()) as ApiErrorBody).error;
    expect(error.code).toBe(code);
    expect(error.path).toBe(at);
  });
});

describe('POST /api/export: cancel', () => {
  it('closes the point in time when the client goes away mid-download', async () => {
    const before = await openContexts();
    const caller = new AbortController();
    const whole = { from: new Date(END - 24 * HOUR).toISOString(), to: new Date(END).toISOString() };
    const res = await route.POST(exportRequest({ time: whole, format: 'csv', columns: ['message'] }, caller.signal));
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    expect(await openContexts()).toBeGreaterThan(before);
    caller.abort();
    await reader.cancel().catch(() => undefined);
    const deadline = Date.now() + 5_000;
    while ((await openContexts()) > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await openContexts()).toBeLessThanOrEqual(before);
  });
});
