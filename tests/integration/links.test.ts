/** Short links against the real engine, through the route handlers Next.js calls. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { CreateLinkResponse } from '@/lib/schema/links';

process.env.APP_INDEX_PREFIX = 'lxtest-app-links-';
const LINKS_INDEX = 'lxtest-app-links-links';

type CreateRoute = typeof import('@/app/api/links/route');
type FollowRoute = typeof import('@/app/s/[id]/route');
let create: CreateRoute;
let follow: FollowRoute;

function post(body: unknown): Request {
  return new Request('http://localhost/api/links', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function visit(id: string, accept = 'application/json'): Promise<Response> {
  return follow.GET(new Request(`http://localhost/s/${id}`, { headers: { accept } }), { params: Promise.resolve({ id }) });
}

async function shorten(path: string): Promise<CreateLinkResponse> {
  const res = await create.POST(post({ path }));
  expect(res.status).toBe(200);
  return (await res.json()) as CreateLinkResponse;
}

beforeAll(async () => {
  const { getEngineClient } = await import('@/lib/es/client');
  await getEngineClient().indices.delete({ index: LINKS_INDEX, ignore_unavailable: true });
  create = await import('@/app/api/links/route');
  follow = await import('@/app/s/[id]/route');
});

describe('POST /api/links', () => {
  const screen = '/?v=1&q=level%3Aerror&f=%5B%7B%22field%22%3A%22namespace%22%2C%22op%22%3A%22exists%22%7D%5D&from=now-24h&to=now';

  it('gives the same id for the same state, every time and concurrently', async () => {
    const first = await shorten(screen);
    expect(first.id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(first.url).toBe(`/s/${first.id}`);
    expect(first.path).toBe(screen);
    const again = await Promise.all(Array.from({ length: 5 }, () => shorten(screen)));
    expect(new Set(again.map((l) => l.id))).toEqual(new Set([first.id]));
  });

  it('normalises before hashing: equivalent paths share a link', async () => {
    const a = await shorten('/views/./AbC123xyz0AbC123xy');
    const b = await shorten('/views/AbC123xyz0AbC123xy');
    expect(a.id).toBe(b.id);
    expect(a.path).toBe('/views/AbC123xyz0AbC123xy');
  });

  it('gives the same screen the same link however its URL spells it (version, order, defaults, broken parts)', async () => {
    const spellings = [
      '/?q=level:error&f=%5B%7B%22field%22%3A%22namespace%22%2C%22op%22%3A%22exists%22%7D%5D&from=now-24h&to=now',
      '/?to=now&from=now-24h&v=1&f=%5B%7B%22field%22%3A%22namespace%22%2C%22op%22%3A%22exists%22%7D%5D&q=level%3Aerror&sort=desc&lang=kql',
      `${screen}&cols=${encodeURIComponent('namespace,pod,container,level,message')}&tz=Not%2FA_Zone`,
    ];
    const first = await shorten(screen);
    for (const path of spellings) {
      const link = await shorten(path);
      expect(link.id, path).toBe(first.id);
      expect(link.path).toBe(screen);
    }
  });

  it('gives different ids for different states', async () => {
    const a = await shorten('/?v=1&q=a');
    const b = await shorten('/?v=1&q=b');
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%252F%252Fevil.example',
    '/..//evil.example',
    'javascript:alert(1)',
    '/javascript:alert(1)',
    '/a\r\nLocation: //evil.example',
    `/?q=${'a'.repeat(8_000)}`,
  ])('400 for the hostile path %j', async (path) => {
    const res = await create.POST(post({ path }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiErrorBody;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.path).toBe('path');
  });

  it('400 for a missing or non-string path and unknown keys', async () => {
    for (const body of [{}, { path: 42 }, { path: '/', url: '/' }]) {
      expect((await create.POST(post(body))).status).toBe(400);
    }
  });
});

describe('GET /s/{id}', () => {
  it('redirects (302) to the stored same-origin relative path', async () => {
    const link = await shorten('/?v=1&q=kubernetes.pod_name%3Aapi-*&from=now-24h&to=now&sort=asc#top');
    const res = await visit(link.id);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?v=1&q=kubernetes.pod_name%3Aapi-*&from=now-24h&to=now&sort=asc#top');
  });

  it('404 JSON for an unknown id, and a page for a browser', async () => {
    const json = await visit('ZZZZZZZZZZZZ');
    expect(json.status).toBe(404);
    expect(((await json.json()) as ApiErrorBody).error.code).toBe('not_found');
    const page = await visit('ZZZZZZZZZZZZ', 'text/html,application/xhtml+xml');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('does not exist');
  });

  it('404 for ids that are not ids, without asking the engine', async () => {
    for (const id of ['short', '..%2F_search', 'a'.repeat(60), 'abc-def_ghi!']) {
      expect((await visit(id)).status).toBe(404);
    }
  });

  it('re-checks the stored path on the way out: a tampered entry is never followed', async () => {
    const { getEngineClient } = await import('@/lib/es/client');
    const id = 'Tampered0000';
    await getEngineClient().index({
      index: LINKS_INDEX,
      id,
      document: { path: '//evil.example', createdAt: new Date().toISOString() },
      refresh: true,
    });
    const res = await visit(id);
    expect(res.status).toBe(404);
    expect(res.headers.get('location')).toBeNull();
  });
});
