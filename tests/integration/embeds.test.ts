/**
 * Embeddable panels against the real engine, through the route handlers Next.js calls: tokens
 * that are tampered with, expired, revoked or another embed's are refused with the same 403,
 * and a panel's data is the locked data whatever the request asks for. Expected counts come
 * from the dataset generator.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { CreateEmbedResponse, EmbedRecord } from '@/lib/schema/embeds';
import type { SearchResponse } from '@/lib/schema/search';
import type { ScreenState } from '@/lib/schema/screen-state';
import { END, HOUR, eventsIn, iso, seedTestDataset } from './search-fixture';

const SECRET = 'integration-test-embed-secret-0123456789';
process.env.EMBED_SECRET = SECRET;
process.env.EMBED_ALLOWED_ORIGINS = 'http://wiki.example, http://status.example:8080';
process.env.APP_INDEX_PREFIX = 'lxtest-app-embeds-';
const EMBEDS_INDEX = 'lxtest-app-embeds-embeds';
const APP = 'http://localhost:3000';

type ListRoute = typeof import('@/app/api/embeds/route');
type ItemRoute = typeof import('@/app/api/embeds/[id]/route');
type DataRoute = typeof import('@/app/api/embeds/[id]/data/route');
let list: ListRoute;
let item: ItemRoute;
let data: DataRoute;

const errorsOnly: ScreenState = {
  schemaVersion: 1,
  query: { language: 'kql', text: 'level:error' },
  filters: [],
  time: { from: iso(END - 6 * HOUR), to: iso(END) },
  columns: ['message'],
  sort: 'desc',
};
const isError = (f: Record<string, unknown>) => f.level === 'error';

function post(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${APP}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function createEmbed(extra: Record<string, unknown> = {}): Promise<CreateEmbedResponse> {
  const res = await list.POST(post('/api/embeds', { panel: 'results', state: errorsOnly, origins: ['http://wiki.example'], ...extra }));
  expect(res.status).toBe(201);
  return (await res.json()) as CreateEmbedResponse;
}

async function panelData(id: string, body: Record<string, unknown>): Promise<{ status: number; json: unknown }> {
  const res = await data.POST(post(`/api/embeds/${id}/data`, body), ctx(id));
  return { status: res.status, json: await res.json() };
}

async function expectDenied(id: string, token: string): Promise<void> {
  const { status, json } = await panelData(id, { token });
  expect(status).toBe(403);
  expect((json as ApiErrorBody).error).toEqual({ code: 'forbidden', message: 'this panel is not available' });
}

beforeAll(async () => {
  await seedTestDataset();
  const { getEngineClient } = await import('@/lib/es/client');
  await getEngineClient().indices.delete({ index: EMBEDS_INDEX, ignore_unavailable: true });
  list = await import('@/app/api/embeds/route');
  item = await import('@/app/api/embeds/[id]/route');
  data = await import('@/app/api/embeds/[id]/data/route');
});

describe('POST /api/embeds', () => {
  it('makes an embed with a token, a URL and an iframe snippet', async () => {
    const made = await createEmbed({ title: 'Errors <b>now</b>' });
    expect(made.embed.id).toMatch(/^[0-9A-Za-z]{20}$/);
    expect(made.token.split('.')).toHaveLength(3);
    expect(made.url).toBe(`/embed/${made.embed.id}?t=${made.token}`);
    expect(made.snippet).toContain(`src="${APP}/embed/${made.embed.id}?t=`);
    expect(made.snippet).toContain('title="Errors &#60;b&#62;now&#60;/b&#62;"');
    const listed = (await (await list.GET(new Request(`${APP}/api/embeds`))).json()) as { embeds: CreateEmbedResponse[] };
    expect(listed.embeds.map((e) => e.embed.id)).toContain(made.embed.id);
  });

  it.each([
    ['an origin the operator did not allow', { origins: ['http://evil.example'] }, 'origins.0'],
    ['a path instead of an origin', { origins: ['http://wiki.example/page'] }, 'origins.0'],
    ['no origin', { origins: [] }, 'origins'],
    ['both a view and a state', { viewId: 'AAAAAAAAAAAAAAAAAAAA' }, 'state'],
    ['an unknown panel', { panel: 'pie' }, 'panel'],
  ])('refuses %s with 400 at its path', async (_name, extra, path) => {
    const res = await list.POST(post('/api/embeds', { panel: 'results', state: errorsOnly, origins: ['http://wiki.example'], ...extra }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).error.path).toBe(path);
  });

  it('refuses a cross-site request to make one', async () => {
    const res = await list.POST(
      post('/api/embeds', { panel: 'results', state: errorsOnly, origins: ['http://wiki.example'] }, { 'sec-fetch-site': 'cross-site' }),
    );
    expect(res.status).toBe(403);
  });
});

describe('panel data is the locked data', () => {
  it('answers the embed’s query, filters and range, ignoring a query, filters or wider range it is sent', async () => {
    const made = await createEmbed();
    const expected = eventsIn(END - 6 * HOUR, END, isError).length;
    const plain = await panelData(made.embed.id, { token: made.token });
    expect(plain.status).toBe(200);
    expect((plain.json as SearchResponse).hits.length).toBe(Math.min(100, expected));
    const widened = await panelData(made.embed.id, {
      token: made.token,
      query: { language: 'kql', text: '*' },
      filters: [],
      time: { from: iso(END - 24 * HOUR), to: iso(END) },
      source: 'other',
    });
    expect(widened.status).toBe(200);
    const hits = (widened.json as SearchResponse).hits;
    expect(hits.every((h) => h.fields.level === 'error')).toBe(true);
    expect(hits.every((h) => Date.parse(h.timestamp) >= END - 6 * HOUR)).toBe(true);
  });

  it('cuts a viewer-chosen range to the maximum window, keeping its end', async () => {
    const made = await createEmbed({ panel: 'histogram', allowTimeChange: true, maxWindowHours: 2 });
    const { status, json } = await panelData(made.embed.id, { token: made.token, time: { from: iso(END - 24 * HOUR), to: iso(END) } });
    expect(status).toBe(200);
    const res = json as SearchResponse;
    expect(res.total).toEqual({ value: eventsIn(END - 2 * HOUR, END, isError).length, relation: 'eq' });
    expect(res.hits).toEqual([]);
    expect(res.range).toEqual({ from: END - 2 * HOUR, to: END });
  });

  it('gives a facets panel its counts and no rows', async () => {
    const made = await createEmbed({ panel: 'facets' });
    const { json } = await panelData(made.embed.id, { token: made.token });
    const res = json as SearchResponse;
    expect(res.hits).toEqual([]);
    const inRange = eventsIn(END - 6 * HOUR, END, isError);
    const payments = inRange.filter((e) => e.fields['kubernetes.namespace_name'] === res.facets.namespace?.[0]?.value).length;
    expect(res.facets.namespace?.[0]?.count).toBe(payments);
  });
});

describe('the embed page’s first data (rendered into its HTML)', () => {
  it('is the locked data the panel’s route answers, for a valid token only; a tail panel has none', async () => {
    const { embedForPage, firstPanelData } = await import('@/lib/embed/page-access');
    const made = await createEmbed({ panel: 'facets' });
    const record = await embedForPage(made.embed.id, made.token);
    expect(record?.id).toBe(made.embed.id);
    const first = await firstPanelData(record!);
    const { json } = await panelData(made.embed.id, { token: made.token });
    const route = json as SearchResponse;
    expect(first?.hits).toEqual([]);
    expect(first?.total).toEqual({ value: eventsIn(END - 6 * HOUR, END, isError).length, relation: 'eq' });
    expect(first?.facets).toEqual(route.facets);

    const rows = await createEmbed();
    const rowData = await firstPanelData((await embedForPage(rows.embed.id, rows.token))!);
    expect(rowData?.hits.length).toBe(Math.min(100, eventsIn(END - 6 * HOUR, END, isError).length));
    expect(rowData?.hits.every((h) => h.fields.level === 'error')).toBe(true);
    // Plain JSON objects, as React passes them to the client component.
    expect(Object.getPrototypeOf(rowData?.hits[0]?.fields)).toBe(Object.prototype);

    expect(await embedForPage(made.embed.id, rows.token)).toBeNull();
    const tail = await createEmbed({ panel: 'tail', pod: { namespace: 'payments', pod: 'api-0' } });
    expect(await firstPanelData((await embedForPage(tail.embed.id, tail.token))!)).toBeNull();
  });
});

describe('tokens', () => {
  let a: CreateEmbedResponse;
  let b: CreateEmbedResponse;

  beforeAll(async () => {
    a = await createEmbed();
    b = await createEmbed({ panel: 'histogram' });
  });

  it('a tampered signature or payload is 403', async () => {
    const [header, payload, signature] = a.token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expectDenied(a.embed.id, `${header}.${payload}.${flipped}`);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, org: ['http://evil.example'] })).toString('base64url');
    await expectDenied(a.embed.id, `${header}.${widened}.${signature}`);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectDenied(a.embed.id, `${none}.${payload}.`);
    await expectDenied(a.embed.id, 'not-a-token');
  });

  it('a token signed with another secret is 403', async () => {
    const { signEmbedToken } = await import('@/lib/embed/token');
    const forged = await signEmbedToken(a.embed, new TextEncoder().encode('another-secret-of-at-least-32-characters!'));
    await expectDenied(a.embed.id, forged);
  });

  it('another embed’s token is 403', async () => {
    await expectDenied(a.embed.id, b.token);
    await expectDenied(b.embed.id, a.token);
  });

  it('an expired embed is 403', async () => {
    const { EmbedStore } = await import('@/lib/embed/store');
    const { signEmbedToken } = await import('@/lib/embed/token');
    const { getEngineClient } = await import('@/lib/es/client');
    const long = new Date(Date.now() - 3 * 86_400_000);
    const { id: _id, ...rest } = a.embed;
    const record: EmbedRecord = await new EmbedStore(getEngineClient(), EMBEDS_INDEX).create({
      ...rest,
      createdAt: long.toISOString(),
      expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    await expectDenied(record.id, await signEmbedToken(record, new TextEncoder().encode(SECRET), long));
  });

  it('a revoked embed is 403 at once, and revoking twice is 404', async () => {
    expect((await panelData(a.embed.id, { token: a.token })).status).toBe(200);
    const del = await item.DELETE(new Request(`${APP}/api/embeds/${a.embed.id}`, { method: 'DELETE' }), ctx(a.embed.id));
    expect(del.status).toBe(204);
    await expectDenied(a.embed.id, a.token);
    const again = await item.DELETE(new Request(`${APP}/api/embeds/${a.embed.id}`, { method: 'DELETE' }), ctx(a.embed.id));
    expect(again.status).toBe(404);
  });
});
