/**
 * Cross-site writes, as an attacker's page would send them, through the route handlers Next.js
 * calls: every one is refused and nothing changes in the engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { SavedView } from '@/lib/schema/views';
import type { ScreenState } from '@/lib/schema/screen-state';

process.env.APP_INDEX_PREFIX = 'lxtest-app-csrf-';
const VIEWS_INDEX = 'lxtest-app-csrf-views';
const LINKS_INDEX = 'lxtest-app-csrf-links';
const APP = 'http://localhost:3000';

const state: ScreenState = {
  schemaVersion: 1,
  query: { language: 'kql', text: 'level:error' },
  filters: [],
  time: { from: 'now-24h', to: 'now' },
  columns: ['message'],
  sort: 'desc',
};

type ViewsRoute = typeof import('@/app/api/views/route');
type ViewRoute = typeof import('@/app/api/views/[id]/route');
type LinksRoute = typeof import('@/app/api/links/route');
type ExportRoute = typeof import('@/app/api/export/route');
let views: ViewsRoute;
let view: ViewRoute;
let links: LinksRoute;
let exporter: ExportRoute;
let victim: SavedView;

/** What a browser sends for a page on `from` writing to the app. */
function write(method: string, path: string, headers: Record<string, string>, body?: unknown): Request {
  return new Request(`${APP}${path}`, {
    method,
    headers: { host: 'localhost:3000', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const EVIL_JSON = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' };
const EVIL_NO_CORS = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' };
const CURL_EVIL = { origin: 'http://evil.example', 'content-type': 'text/plain' };
const OWN_TEXT = { origin: APP, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain;charset=UTF-8' };
const OWN_JSON = { origin: APP, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function expectRefused(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(((await res.json()) as ApiErrorBody).error.code).toBe(code);
}

async function storedDocs(index: string): Promise<unknown[]> {
  const { getEngineClient } = await import('@/lib/es/client');
  const client = getEngineClient();
  await client.indices.refresh({ index, ignore_unavailable: true });
  const res = await client.search({ index, ignore_unavailable: true, size: 100 });
  return res.hits.hits.map((h) => h._source);
}

beforeAll(async () => {
  const { getEngineClient } = await import('@/lib/es/client');
  await getEngineClient().indices.delete({ index: [VIEWS_INDEX, LINKS_INDEX], ignore_unavailable: true });
  views = await import('@/app/api/views/route');
  view = await import('@/app/api/views/[id]/route');
  links = await import('@/app/api/links/route');
  exporter = await import('@/app/api/export/route');
  const res = await views.POST(write('POST', '/api/views', OWN_JSON, { name: 'Victim', state }));
  expect(res.status).toBe(201);
  victim = (await res.json()) as SavedView;
});

describe('cross-site writes are refused and change nothing', () => {
  it.each([
    ['a cross-site JSON fetch', EVIL_JSON, 403, 'cross_origin'],
    ['a no-cors text/plain fetch', EVIL_NO_CORS, 403, 'cross_origin'],
    ['curl with a foreign Origin', CURL_EVIL, 403, 'cross_origin'],
    ['a same-origin text/plain post', OWN_TEXT, 415, 'unsupported_media_type'],
  ])('%s: create, rename, delete views and make links', async (_name, headers, status, code) => {
    const before = await storedDocs(VIEWS_INDEX);
    await expectRefused(await views.POST(write('POST', '/api/views', headers, { name: 'Planted', state })), status, code);
    await expectRefused(
      await view.PUT(write('PUT', `/api/views/${victim.id}`, headers, { version: victim.version, name: 'Renamed' }), ctx(victim.id)),
      status,
      code,
    );
    await expectRefused(await links.POST(write('POST', '/api/links', headers, { path: '/?q=planted' })), status, code);
    expect(await storedDocs(VIEWS_INDEX)).toEqual(before);
    expect(await storedDocs(LINKS_INDEX)).toEqual([]);
  });

  it('a cross-site DELETE leaves the view in place', async () => {
    await expectRefused(await view.DELETE(write('DELETE', `/api/views/${victim.id}`, EVIL_NO_CORS), ctx(victim.id)), 403, 'cross_origin');
    const res = await view.GET(write('GET', `/api/views/${victim.id}`, {}), ctx(victim.id));
    expect(await res.json()).toEqual(victim);
  });

  it('export and search refuse cross-site requests too', async () => {
    const body = { format: 'csv', columns: ['message'], time: { from: 'now-1h', to: 'now' } };
    await expectRefused(await exporter.POST(write('POST', '/api/export', EVIL_NO_CORS, body)), 403, 'cross_origin');
    const search = await import('@/app/api/search/route');
    await expectRefused(await search.POST(write('POST', '/api/search', OWN_TEXT, {})), 415, 'unsupported_media_type');
  });

  it('the app’s own JSON writes still work', async () => {
    const res = await view.PUT(
      write('PUT', `/api/views/${victim.id}`, OWN_JSON, { version: victim.version, name: 'Kept' }),
      ctx(victim.id),
    );
    expect(res.status).toBe(200);
    const del = await view.DELETE(
      write('DELETE', `/api/views/${victim.id}`, { origin: APP, 'sec-fetch-site': 'same-origin' }),
      ctx(victim.id),
    );
    expect(del.status).toBe(204);
  });
});
