/**
 * Every route states only its happy path; the one frame (lib/api/with-engine.ts) answers engine
 * failures. With the engine unreachable (a port nothing listens on), the routes that used to map
 * engine errors by hand — views, short links, export — and the embeds answer in the common
 * error shape: 503 `{error: {code: 'engine_unavailable', message}}`, naming neither the engine's
 * address nor its credentials.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { encodeViewVersion } from '@/lib/views/version';

type Route = (request: Request, ctx?: { params: Promise<{ id: string }> }) => Promise<Response>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const APP = 'http://app.test';
const json = (method: string, path: string, body?: unknown) =>
  new Request(`${APP}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const VIEW_ID = 'A'.repeat(20);
const STATE = {
  query: { language: 'kql', text: '' },
  filters: [],
  time: { from: 'now-1h', to: 'now' },
  columns: ['message'],
  sort: 'desc',
};

let port: number;
const cases: [string, () => Promise<Response>][] = [];

beforeAll(async () => {
  port = await freePort();
  vi.stubEnv('ELASTICSEARCH_URL', `http://elastic:s3cret@127.0.0.1:${port}`);
  vi.stubEnv('LOG_SOURCES', TEST_SOURCES_ENV);
  vi.stubEnv('APP_INDEX_PREFIX', 'lxtest-frame-');
  vi.stubEnv('EMBED_SECRET', 'route-frame-test-secret-not-for-production');
  vi.stubEnv('EMBED_ALLOWED_ORIGINS', 'http://wiki.example');
  // A fresh engine client for the stubbed address.
  vi.resetModules();
  const views = await import('@/app/api/views/route');
  const view = await import('@/app/api/views/[id]/route');
  const links = await import('@/app/api/links/route');
  const follow = await import('@/app/s/[id]/route');
  const exported = await import('@/app/api/export/route');
  const embeds = await import('@/app/api/embeds/route');
  const view$ = view as Record<'GET' | 'PUT' | 'DELETE', Route>;
  cases.push(
    ['GET /api/views', () => views.GET(json('GET', '/api/views'))],
    ['POST /api/views', () => views.POST(json('POST', '/api/views', { name: 'x', state: STATE }))],
    ['GET /api/views/{id}', () => view$.GET(json('GET', `/api/views/${VIEW_ID}`), params(VIEW_ID))],
    [
      'PUT /api/views/{id}',
      () =>
        view$.PUT(
          json('PUT', `/api/views/${VIEW_ID}`, { version: encodeViewVersion({ seqNo: 0, primaryTerm: 1 }), name: 'y' }),
          params(VIEW_ID),
        ),
    ],
    ['DELETE /api/views/{id}', () => view$.DELETE(json('DELETE', `/api/views/${VIEW_ID}`), params(VIEW_ID))],
    ['POST /api/links', () => links.POST(json('POST', '/api/links', { path: '/?q=error' }))],
    ['GET /s/{id}', () => (follow.GET as Route)(json('GET', '/s/abcdefgh1234'), params('abcdefgh1234'))],
    [
      'POST /api/export',
      () => exported.POST(json('POST', '/api/export', { time: { from: 'now-1h', to: 'now' }, format: 'csv', columns: ['message'] })),
    ],
    ['GET /api/embeds', () => embeds.GET(json('GET', '/api/embeds'))],
  );
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('an engine failure in any route', () => {
  it('is the common error shape: 503 engine_unavailable, without the engine address or credentials', async () => {
    expect(cases).toHaveLength(9);
    for (const [name, call] of cases) {
      const res = await call();
      const text = await res.text();
      expect(res.status, name).toBe(503);
      expect(res.headers.get('content-type'), name).toMatch(/^application\/json/);
      const body = JSON.parse(text) as { error: Record<string, unknown> };
      expect(Object.keys(body), name).toEqual(['error']);
      expect(body.error, name).toEqual({ code: 'engine_unavailable', message: expect.any(String) });
      expect(text, name).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|s3cret|elastic:`));
    }
  });

  it('still answers the caller mistakes the handlers check before the engine (400, not 503)', async () => {
    const views = await import('@/app/api/views/route');
    const res = await views.POST(json('POST', '/api/views', { name: '' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });
});
