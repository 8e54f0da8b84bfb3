import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';

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

/** What the engine under test is, from its own HTTP answers (`GET /`, else `_nodes/_local`). */
async function engineFacts(): Promise<{ distribution: string; version: string }> {
  const url = engineConnection().url;
  const root = await fetch(`${url}/`);
  const body = (await root.json().catch(() => ({}))) as { version?: { number?: string; distribution?: string } };
  if (root.ok && body.version?.number) {
    return { distribution: body.version.distribution === 'opensearch' ? 'opensearch' : 'elasticsearch', version: body.version.number };
  }
  const nodes = (await (await fetch(`${url}/_nodes/_local?filter_path=nodes.*.version`)).json()) as {
    nodes: Record<string, { version: string }>;
  };
  return { distribution: 'elasticsearch', version: Object.values(nodes.nodes)[0]?.version ?? '' };
}

/** A server that answers every request the same way: what a misconfigured ELASTICSEARCH_URL may reach. */
function impostor(port: number, status: number, headers: Record<string, string>, body: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
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
    const body = (await res.json()) as { status: string; engine: { status: string; distribution: string; version: string; name: string } };
    expect(body.status).toBe('ok');
    expect(['green', 'yellow']).toContain(body.engine.status);
    // The oracle: the engine's own answer, read without the app's client.
    const actual = await engineFacts();
    expect(body.engine).toMatchObject({ distribution: actual.distribution, version: actual.version });
    expect(body.engine.name).toBe(`${actual.distribution === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} ${actual.version}`);
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
      expect(await up.json()).toEqual({
        status: 'ok',
        engine: { status: 'yellow', distribution: 'elasticsearch', version: '9.9.9', name: 'Elasticsearch 9.9.9' },
      });
    } finally {
      engine.closeAllConnections();
      await new Promise((resolve) => engine.close(resolve));
    }

    expect((await get(GET)).status).toBe(503);
  });

  const impostors: [string, number, Record<string, string>, string, RegExp][] = [
    ["a proxy's HTML page", 200, { 'content-type': 'text/html' }, '<!DOCTYPE html><html><body>Sign in</body></html>', /HTML page/],
    ['a 502 HTML error page', 502, { 'content-type': 'text/html' }, '<html><body>Bad Gateway</body></html>', /HTML page/],
    [
      'refused credentials',
      401,
      { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' },
      '{"error":{"type":"security_exception"},"status":401}',
      /credentials/,
    ],
    [
      'some other JSON service',
      200,
      { 'content-type': 'application/json' },
      '{"service":"metrics","ok":true}',
      /not as Elasticsearch or OpenSearch/,
    ],
    [
      'an Elasticsearch older than supported',
      200,
      { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' },
      '{"version":{"number":"7.17.25"},"tagline":"You Know, for Search"}',
      /Elasticsearch 7\.17\.25 is older than supported \(8\.x, 9\.x\)/,
    ],
    [
      'an OpenSearch older than supported',
      200,
      { 'content-type': 'application/json' },
      '{"version":{"number":"1.3.20","distribution":"opensearch"}}',
      /OpenSearch 1\.3\.20 is older than supported/,
    ],
  ];
  for (const [what, status, headers, body, message] of impostors) {
    it(`is 503 engine_misconfigured, saying why, when ELASTICSEARCH_URL reaches ${what}`, async () => {
      const port = await freePort();
      vi.stubEnv('ELASTICSEARCH_URL', `http://elastic:s3cret@127.0.0.1:${port}`);
      vi.stubEnv('LOG_SOURCES', TEST_SOURCES_ENV);
      const server = await impostor(port, status, headers, body);
      try {
        const { GET, POST } = await routes();
        const res = await get(GET);
        const text = await res.text();
        expect(res.status).toBe(503);
        const error = (JSON.parse(text) as { error: { code: string; message: string } }).error;
        expect(error.code).toBe('engine_misconfigured');
        expect(error.message).toMatch(message);
        expect(text).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|s3cret|elastic:`));
        const search = await POST(
          new Request('http://app.test/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
        );
        expect(search.status).toBe(503);
        expect(((await search.json()) as { error: { code: string } }).error.code).toBe('engine_misconfigured');
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  }
});
