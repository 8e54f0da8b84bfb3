/**
 * Health probes, metrics, request logs and shutdown bookkeeping through the real route handlers
 * against the real engine (the fixed test dataset). Each expected number comes from requests
 * this file makes; the metric values are read back through GET /api/metrics as Prometheus would.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATASET, TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';

type Handler = (request: Request) => Promise<Response>;

const logLines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});
const logs = () => logLines.map((l) => JSON.parse(l) as Record<string, unknown>);

const PASSWORD = 'pw-never-logged-7f3a';
const BEARER = 'bearer-never-logged-91c2';
const METRICS_TOKEN = 'metrics-token-0123456789';
const END = TEST_DATASET.end.getTime();
const range = { from: new Date(END - 3_600_000).toISOString(), to: new Date(END).toISOString() };

let search: Handler;
let exportLogs: Handler;
let metrics: Handler;
let live: Handler;
let ready: Handler;

beforeAll(async () => {
  // The local engine runs without security: credentials in the URL are sent and ignored there,
  // which is exactly what is needed to check that they never reach a log line.
  const engine = new URL(engineConnection().url);
  engine.username = 'elastic';
  engine.password = PASSWORD;
  vi.stubEnv('ELASTICSEARCH_URL', engine.toString());
  vi.stubEnv('LOG_SOURCES', TEST_SOURCES_ENV);
  vi.stubEnv('APP_INDEX_PREFIX', 'lxtest-ops-');
  vi.stubEnv('LOG_QUERY_MAX_CHARS', '12');
  vi.stubEnv('METRICS_TOKEN', METRICS_TOKEN);
  vi.stubEnv('LOG_LEVEL', 'info');
  vi.resetModules();
  const { resetLogger } = await import('@/lib/observability/logger');
  resetLogger(capture);
  search = (await import('@/app/api/search/route')).POST;
  exportLogs = (await import('@/app/api/export/route')).POST;
  metrics = (await import('@/app/api/metrics/route')).GET;
  live = (await import('@/app/api/health/live/route')).GET;
  ready = (await import('@/app/api/health/ready/route')).GET;
});

afterAll(async () => {
  const { resetLogger } = await import('@/lib/observability/logger');
  resetLogger();
  vi.unstubAllEnvs();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://app.test${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function scrape(): Promise<string> {
  const res = await metrics(new Request('http://app.test/api/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one series in Prometheus text format (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('health probes', () => {
  it('live answers without the engine; ready checks the engine and creates the app indices', async () => {
    const l = await live(new Request('http://app.test/api/health/live'));
    expect(l.status).toBe(200);
    expect(await l.json()).toMatchObject({ status: 'ok' });

    const r = await ready(new Request('http://app.test/api/health/ready'));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { status: string; engine: { status: string }; indices: Record<string, string> };
    expect(body.status).toBe('ready');
    expect(body.indices).toEqual({ views: 'lxtest-ops-views', links: 'lxtest-ops-links' });
    const { getEngineClient } = await import('@/lib/es/client');
    expect(await getEngineClient().indices.exists({ index: 'lxtest-ops-views' })).toBe(true);
  });
});

describe('GET /api/metrics', () => {
  it('needs the token when one is set, and counts requests, latency and engine calls', async () => {
    expect((await metrics(new Request('http://app.test/api/metrics'))).status).toBe(401);
    const wrong = await metrics(new Request('http://app.test/api/metrics', { headers: { authorization: 'Bearer nope' } }));
    expect(wrong.status).toBe(401);

    const before = await scrape();
    const ok = { method: 'POST', route: '/api/search', status: '200' };
    const bad = { method: 'POST', route: '/api/search', status: '400' };
    for (let i = 0; i < 3; i++) expect((await search(post('/api/search', { time: range, size: 5 }))).status).toBe(200);
    expect((await search(post('/api/search', { time: range, sort: 'sideways' }))).status).toBe(400);
    const after = await scrape();

    expect(sample(after, 'log_explorer_http_requests_total', ok) - sample(before, 'log_explorer_http_requests_total', ok)).toBe(3);
    expect(sample(after, 'log_explorer_http_requests_total', bad) - sample(before, 'log_explorer_http_requests_total', bad)).toBe(1);
    const count = (t: string) => sample(t, 'log_explorer_http_request_duration_seconds_count', { route: '/api/search' });
    expect(count(after) - count(before)).toBe(4);
    // One round trip per search: `_search`, or `_msearch` when rows, bars and facets go apart.
    const engine = (t: string) =>
      sample(t, 'log_explorer_engine_request_duration_seconds_count', { operation: 'search' }) +
      sample(t, 'log_explorer_engine_request_duration_seconds_count', { operation: 'msearch' });
    expect(engine(after) - engine(before)).toBe(3);
    expect(after).toContain('log_explorer_process_resident_memory_bytes');
    expect(after).toContain('log_explorer_shed_requests_total');
  });

  it('counts an export as active while it streams, and shed requests', async () => {
    const before = await scrape();
    const res = await exportLogs(post('/api/export', { time: range, format: 'ndjson', columns: ['message'], maxRows: 2000 }));
    expect(res.status).toBe(200);
    const during = await scrape();
    expect(sample(during, 'log_explorer_active_exports')).toBe(1);
    const text = await res.text();
    expect(text.split('\n').filter(Boolean).length).toBe(Number(res.headers.get('x-export-total')));
    const after = await scrape();
    expect(sample(after, 'log_explorer_active_exports')).toBe(0);
    const exports = { route: '/api/export', status: '200' };
    expect(sample(after, 'log_explorer_http_requests_total', exports) - sample(before, 'log_explorer_http_requests_total', exports)).toBe(
      1,
    );

    // A real shed: with one search slot, the second of two searches sent together is refused.
    const shed = { route: '/api/search', reason: 'concurrency' };
    const shedBefore = sample(await scrape(), 'log_explorer_shed_requests_total', shed);
    vi.stubEnv('MAX_CONCURRENT_SEARCHES', '1');
    try {
      const both = await Promise.all([
        search(post('/api/search', { time: range, size: 5 })),
        search(post('/api/search', { time: range, size: 5 })),
      ]);
      expect(both.map((r) => r.status)).toEqual([200, 503]);
      expect(both[1]!.headers.get('retry-after')).toBe('1');
    } finally {
      vi.stubEnv('MAX_CONCURRENT_SEARCHES', '24');
    }
    expect(sample(await scrape(), 'log_explorer_shed_requests_total', shed) - shedBefore).toBe(1);
  });

  it('counts engine errors by kind', async () => {
    const { Client } = await import('@elastic/elasticsearch');
    const { instrumentEngineClient } = await import('@/lib/observability/engine-metrics');
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const down = new Client({ node: 'http://127.0.0.1:1', maxRetries: 0 });
    instrumentEngineClient(down);
    const labels = { operation: 'count', kind: 'connection' };
    const before = sample(await scrape(), 'log_explorer_engine_errors_total', labels);
    await expect(down.count({ index: 'x' })).rejects.toThrow();
    expect(sample(await scrape(), 'log_explorer_engine_errors_total', labels) - before).toBe(1);
    await down.close();
  });

  it('is 404 when turned off', async () => {
    vi.stubEnv('METRICS_ENABLED', 'false');
    try {
      expect((await metrics(new Request('http://app.test/api/metrics'))).status).toBe(404);
    } finally {
      vi.stubEnv('METRICS_ENABLED', 'true');
    }
  });
});

describe('request logs', () => {
  it('one JSON line per request with the caller request id, route, status, times and the clipped query; no secrets', async () => {
    logLines.length = 0;
    const res = await search(
      post(
        '/api/search',
        { time: range, size: 5, query: { language: 'kql', text: 'kubernetes.namespace_name:payments or level:error' } },
        { 'x-request-id': 'trace-abc-123', authorization: `Bearer ${BEARER}` },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const line = logs().find((l) => l.reqId === 'trace-abc-123');
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'POST', route: '/api/search', status: 200, engineCalls: 1 });
    expect(line?.query).toBe('kubernetes.n…');
    expect(line?.engineMs).toBeGreaterThan(0);
    expect(line?.durationMs).toBeGreaterThanOrEqual(line?.engineMs as number);

    const generated = await search(post('/api/search', { time: range, size: 1 }, { 'x-request-id': 'bad id with spaces' }));
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs().some((l) => l.reqId === id)).toBe(true);

    // Failing engine calls with the credentials in the URL: still nothing secret in the logs.
    await search(post('/api/search', { time: range, query: { language: 'lucene', text: 'a:[1 TO' } }));
    const all = logLines.join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(BEARER);
    expect(all).not.toContain('kubernetes.namespace_name:payments');
  });
});

describe('graceful shutdown bookkeeping', () => {
  it('on SIGTERM readiness turns 503 and the deadline ends the process', async () => {
    const { installGracefulShutdown } = await import('@/lib/observability/lifecycle');
    const exit = vi.fn();
    const listeners = process.listeners('SIGTERM');
    installGracefulShutdown(300, exit);
    const ours = process.listeners('SIGTERM').filter((l) => !listeners.includes(l));
    try {
      process.emit('SIGTERM', 'SIGTERM');
      const r = await ready(new Request('http://app.test/api/health/ready'));
      expect(r.status).toBe(503);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('shutting_down');
      expect(exit).not.toHaveBeenCalled();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(exit).toHaveBeenCalledWith(1);
    } finally {
      for (const l of ours) process.off('SIGTERM', l);
      for (const l of process.listeners('SIGINT').filter((l) => ours.includes(l))) process.off('SIGINT', l);
    }
  });
});
