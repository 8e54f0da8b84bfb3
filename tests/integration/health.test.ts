import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';

type Handler = (request: Request) => Promise<Response>;

async function routes(): Promise<{ GET: Handler; POST: Handler }> {
  vi.resetModules();
  const health = await import('@/app/api/health/route');
  const search = await import('@/app/api/search/route');
  return { GET: health.GET, POST: search.POST };
}

const get = (GET: Handler) => GET(new Request('http://app.test/api/health'));

/** A stand-in engine: just enough of Elasticsearch for the health check and the client's product check. */
function fakeEngine(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    res.setHeader('x-elastic-product', 'Elasticsearch');
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/_cluster/health')) res.end(JSON.stringify({ cluster_name: 'fake', status: 'yellow' }));
    else if (req.url?.startsWith('/_nodes/_local')) res.end(JSON.stringify({ nodes: { n1: { version: '9.9.9' } } }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('GET /api/health', () => {
  it('is 200 with the engine status and version while the engine answers', async () => {
    vi.stubEnv('LOG_SOURCES', TEST_SOURCES_ENV);
    const { GET } = await routes();
    const res = await get(GET);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; engine: { status: string; version?: string } };
    expect(body.status).toBe('ok');
    expect(['green', 'yellow']).toContain(body.engine.status);
    expect(body.engine.version).toMatch(/^9\./);
  });

  it('is 503 while the engine is down, recovers by itself when it comes back, and never names it', async () => {
    const port = await freePort();
    vi.stubEnv('ELASTICSEARCH_URL', `http://elastic:s3cret@127.0.0.1:${port}`);
    vi.stubEnv('LOG_SOURCES', TEST_SOURCES_ENV);
    const { GET, POST } = await routes();

    const down = await get(GET);
    const downText = await down.text();
    expect(down.status).toBe(503);
    expect(JSON.parse(downText)).toMatchObject({ error: { code: 'engine_unavailable' } });
    expect(downText).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|s3cret|elastic:`));

    const searchDown = await POST(
      new Request('http://app.test/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    );
    const searchText = await searchDown.text();
    expect(searchDown.status).toBe(503);
    expect(JSON.parse(searchText)).toMatchObject({ error: { code: 'engine_unavailable' } });
    expect(searchText).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|s3cret`));

    const engine = await fakeEngine(port);
    try {
      const up = await get(GET);
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: 'ok', engine: { status: 'yellow', version: '9.9.9' } });
    } finally {
      engine.closeAllConnections();
      await new Promise((resolve) => engine.close(resolve));
    }

    expect((await get(GET)).status).toBe(503);
  });
});
