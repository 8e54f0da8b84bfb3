/**
 * Saved views against the real engine, through the route handlers Next.js calls. The last test
 * restarts the engine (the only file that does) to show views and links survive it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedView, ViewConflictBody, ViewListResponse } from '@/lib/schema/views';
import type { ScreenState } from '@/lib/schema/screen-state';
import type { ApiErrorBody } from '@/lib/schema/errors';

process.env.APP_INDEX_PREFIX = 'lxtest-app-views-';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE = 'http://localhost';

type ListRoute = typeof import('@/app/api/views/route');
type ItemRoute = typeof import('@/app/api/views/[id]/route');
let list: ListRoute;
let item: ItemRoute;

const state: ScreenState = {
  schemaVersion: 1,
  source: 'logs',
  query: { language: 'kql', text: 'level:error' },
  filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: false, disabled: false }],
  time: { from: 'now-24h', to: 'now' },
  columns: ['namespace', 'pod', 'message'],
  sort: 'desc',
};

function json(method: string, url: string, body?: unknown): Request {
  return new Request(`${BASE}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function create(name: string, extra: Record<string, unknown> = {}): Promise<SavedView> {
  const res = await list.POST(json('POST', '/api/views', { name, state, ...extra }));
  expect(res.status).toBe(201);
  return (await res.json()) as SavedView;
}

async function put(id: string, body: unknown): Promise<Response> {
  return item.PUT(json('PUT', `/api/views/${id}`, body), ctx(id));
}

async function errorOf(res: Response): Promise<ApiErrorBody['error']> {
  return ((await res.json()) as ApiErrorBody).error;
}

async function deleteAppIndices(): Promise<void> {
  const { getEngineClient } = await import('@/lib/es/client');
  // Wildcard deletes are refused by default (action.destructive_requires_name): name them.
  await getEngineClient().indices.delete({ index: ['lxtest-app-views-views', 'lxtest-app-views-links'], ignore_unavailable: true });
}

beforeAll(async () => {
  await deleteAppIndices();
  list = await import('@/app/api/views/route');
  item = await import('@/app/api/views/[id]/route');
});

describe('saved views: create, read, list', () => {
  it('creates a view (201, Location, version) and reads it back', async () => {
    const created = await create('Payments errors', { description: 'the <b>bad</b> ones' });
    expect(created).toMatchObject({ name: 'Payments errors', description: 'the <b>bad</b> ones', state });
    expect(created.id).toMatch(/^[0-9A-Za-z]{20}$/);
    expect(created.version).toMatch(/^v1\./);
    const res = await item.GET(json('GET', `/api/views/${created.id}`), ctx(created.id));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);
  });

  it('creates the index with a strict, explicit mapping', async () => {
    const { getEngineClient } = await import('@/lib/es/client');
    const mapping = await getEngineClient().indices.getMapping({ index: 'lxtest-app-views-views' });
    expect(mapping['lxtest-app-views-views']?.mappings.dynamic).toBe('strict');
  });

  it('lists with search by name prefix and substring, any case, with paging', async () => {
    await create('Checkout latency');
    await create('checkout 5xx');
    await create('Ingress noise');
    const get = async (query: string) => {
      const res = await list.GET(json('GET', `/api/views${query}`));
      expect(res.status).toBe(200);
      return (await res.json()) as ViewListResponse;
    };
    const all = await get('');
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.views[0]).not.toHaveProperty('state');
    expect((await get('?q=checkout')).views.map((v) => v.name).sort()).toEqual(['Checkout latency', 'checkout 5xx']);
    expect((await get('?q=CHECK')).total).toBe(2);
    expect((await get('?q=out%20lat')).views.map((v) => v.name)).toEqual(['Checkout latency']);
    expect((await get('?q=*')).total).toBe(0);
    const byName = await get('?sort=name&limit=2');
    // Case-insensitive: "checkout 5xx" sorts before "Checkout latency".
    expect(byName.views.map((v) => v.name)).toEqual(['checkout 5xx', 'Checkout latency']);
    const next = await get('?sort=name&limit=2&offset=2');
    expect(next.views.map((v) => v.name)).toEqual(['Ingress noise', 'Payments errors']);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?offset=-1', 'offset'],
    ['?offset=9990&limit=50', 'offset'],
    ['?sort=random', 'sort'],
    ['?q=(201 characters)', 'q'],
  ])('rejects list parameters %s with path %s', async (query, at) => {
    const url = query.replace('(201 characters)', 'x'.repeat(201));
    const res = await list.GET(json('GET', `/api/views${url}`));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).path).toBe(at);
  });
});

describe('saved views: bad input', () => {
  it.each([
    ['empty name', { name: '', state }, 'name'],
    ['blank name', { name: '   ', state }, 'name'],
    ['name of 201 characters', { name: 'x'.repeat(201), state }, 'name'],
    ['description of 2001 characters', { name: 'ok', description: 'x'.repeat(2001), state }, 'description'],
    ['no state', { name: 'ok' }, 'state'],
    ['bad time', { name: 'ok', state: { ...state, time: { from: 'yesterday', to: 'now' } } }, 'state.time.from'],
    ['bad filter', { name: 'ok', state: { ...state, filters: [{ field: 'a', op: 'like' }] } }, 'state.filters.0.op'],
    ['no columns', { name: 'ok', state: { ...state, columns: [] } }, 'state.columns'],
    ['future state version', { name: 'ok', state: { ...state, schemaVersion: 7 } }, 'state.schemaVersion'],
    ['unknown key', { name: 'ok', state, owner: 'me' }, 'owner'],
  ])('400 for %s at its path', async (_label, body, at) => {
    const res = await list.POST(json('POST', '/api/views', body));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    // Times are refused as the search refuses them (one grammar, one code).
    expect(error.code).toBe(at === 'state.time.from' ? 'invalid_time' : 'validation_failed');
    expect(error.path).toBe(at);
  });

  it('400 for a body that is not JSON', async () => {
    const res = await list.POST(
      new Request(`${BASE}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{name:' }),
    );
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid_json');
  });

  it('404 for unknown and malformed ids, on every method', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAA', '../../_search', 'x']) {
      expect((await item.GET(json('GET', `/api/views/${id}`), ctx(id))).status).toBe(404);
      expect((await put(id, { version: 'v1.MTow', name: 'n' })).status).toBe(404);
      expect((await item.DELETE(json('DELETE', `/api/views/${id}`), ctx(id))).status).toBe(404);
    }
  });
});

describe('saved views: updates and optimistic concurrency', () => {
  it('renames with the current version, and refuses a stale or forged one', async () => {
    const view = await create('Before');
    const renamed = await put(view.id, { version: view.version, name: 'After' });
    expect(renamed.status).toBe(200);
    const after = (await renamed.json()) as SavedView;
    expect(after).toMatchObject({ name: 'After', state, createdAt: view.createdAt });
    expect(after.version).not.toBe(view.version);

    const stale = await put(view.id, { version: view.version, name: 'Lost update' });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as ViewConflictBody;
    expect(body.error.code).toBe('conflict');
    expect(body.current).toEqual(after);

    const forged = await put(view.id, { version: 'v1.bm9wZQ', name: 'x' });
    expect(forged.status).toBe(400);
    expect((await errorOf(forged)).path).toBe('version');

    const empty = await put(view.id, { version: after.version });
    expect(empty.status).toBe(400);
  });

  it('20 concurrent updates with the same version: exactly one wins, the rest get 409 and the winner', async () => {
    const view = await create('Contended');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        put(view.id, { version: view.version, name: `writer ${i}`, state: { ...state, query: { language: 'kql', text: `w:${i}` } } }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = (await responses[statuses.indexOf(200)]!.json()) as SavedView;
    const stored = (await (await item.GET(json('GET', `/api/views/${view.id}`), ctx(view.id))).json()) as SavedView;
    expect(stored).toEqual(winner);
    expect(stored.state.query.text).toBe(`w:${stored.name.slice('writer '.length)}`);
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(((await res.json()) as ViewConflictBody).current).toEqual(winner);
    }
  });

  it('deletes (conditionally when asked), then 404', async () => {
    const view = await create('Doomed');
    const renamed = (await (await put(view.id, { version: view.version, name: 'Doomed 2' })).json()) as SavedView;
    const stale = await item.DELETE(json('DELETE', `/api/views/${view.id}?version=${view.version}`), ctx(view.id));
    expect(stale.status).toBe(409);
    const ok = await item.DELETE(json('DELETE', `/api/views/${view.id}?version=${renamed.version}`), ctx(view.id));
    expect(ok.status).toBe(204);
    expect((await item.GET(json('GET', `/api/views/${view.id}`), ctx(view.id))).status).toBe(404);
    expect((await item.DELETE(json('DELETE', `/api/views/${view.id}`), ctx(view.id))).status).toBe(404);
  });
});

function engine(command: 'start' | 'stop'): void {
  execFileSync('tsx', ['scripts/engine.ts', command], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${ROOT}/node_modules/.bin:${process.env.PATH ?? ''}` },
    stdio: 'pipe',
    timeout: 170_000,
  });
}

describe('views stored by earlier builds', () => {
  // Written straight into the index, as those builds wrote them: the state as it was then.
  const legacy = {
    // A saved view's own `schemaVersion: 1`, from before views and links shared one chain.
    v1: { ...state, schemaVersion: 1 },
    // No version at all: the shape before versions (v0), as a link without `v`.
    v0: (({ schemaVersion: _v, ...rest }) => rest)(state),
  };

  async function storeRaw(id: string, docState: unknown): Promise<void> {
    const { getEngineClient } = await import('@/lib/es/client');
    await getEngineClient().index({
      index: 'lxtest-app-views-views',
      id,
      refresh: true,
      document: {
        name: `Legacy ${id}`,
        description: '',
        state: docState,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    });
  }

  it.each(Object.entries(legacy))('opens a %s view in the current shape, and saves it in that shape', async (kind, docState) => {
    const id = `Legacy${kind}View0000000`.slice(0, 20);
    await storeRaw(id, docState);
    const res = await item.GET(json('GET', `/api/views/${id}`), ctx(id));
    expect(res.status).toBe(200);
    const view = (await res.json()) as SavedView;
    expect(view.state).toEqual(state);

    const renamed = await put(id, { version: view.version, name: `Legacy ${kind}, renamed` });
    expect(renamed.status).toBe(200);
    const { getEngineClient } = await import('@/lib/es/client');
    const stored = await getEngineClient().get<{ state: unknown }>({ index: 'lxtest-app-views-views', id });
    expect(stored._source?.state).toEqual(state);
  });
});

describe('durability', () => {
  afterAll(() => {
    // Other suites share the engine: whatever happened above, leave it running.
    engine('start');
  }, 180_000);

  it('views and short links read back after the app and the engine restart', async () => {
    const view = await create('Survives restarts');
    const links = await import('@/app/api/links/route');
    // Stored in the codec's canonical spelling, the default range written out.
    const linkRes = await links.POST(json('POST', '/api/links', { path: '/?v=1&q=durable&from=now-24h&to=now' }));
    const link = (await linkRes.json()) as { id: string };
    expect(linkRes.status).toBe(200);

    if (process.env.ELASTICSEARCH_URL) return; // An external cluster is not ours to restart.
    engine('stop');
    engine('start');

    // A new app process: fresh modules, a fresh client, nothing remembered.
    const { closeEngineClient } = await import('@/lib/es/client');
    await closeEngineClient();
    const { vi } = await import('vitest');
    vi.resetModules();
    const freshItem = await import('@/app/api/views/[id]/route');
    const freshFollow = await import('@/app/s/[id]/route');

    const res = await freshItem.GET(json('GET', `/api/views/${view.id}`), ctx(view.id));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(view);
    const redirect = await freshFollow.GET(json('GET', `/s/${link.id}`), ctx(link.id));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/?v=1&q=durable&from=now-24h&to=now');
  }, 180_000);
});
