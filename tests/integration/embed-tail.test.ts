/**
 * A `tail` embed panel against the real engine: its live lines are the embed's pod, query,
 * filters and window whatever the request asks for, and a tampered, expired, revoked or
 * another embed's token is the same 403. Our own index; the lines the test writes are the oracle.
 */
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineConnection } from '@/lib/es/connection';
import { activeTailCount } from '@/lib/k8s/run-tail';
import { TAIL_OVERLAP_MS } from '@/lib/k8s/tail-dedup';
import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { TailLinesEvent } from '@/lib/schema/tail';
import type { ScreenState } from '@/lib/schema/screen-state';
import { createLiveIndex, deleteLiveIndex, readEvents, writeLive } from '@/tests/support/live-index';

const INDEX = `lxtest-embed-tail-${process.pid}`;
const SECRET = 'integration-test-embed-secret-0123456789';
process.env.LOG_SOURCES = JSON.stringify([{ id: 'tailed', indexPattern: INDEX, timeField: '@timestamp' }]);
process.env.EMBED_SECRET = SECRET;
process.env.EMBED_ALLOWED_ORIGINS = 'http://wiki.example';
process.env.APP_INDEX_PREFIX = 'lxtest-app-embed-tail-';
const EMBEDS_INDEX = 'lxtest-app-embed-tail-embeds';
const APP = 'http://localhost:3000';

const client = new Client(engineConnection().options);
const NS = 'shop';
const POD_A = 'checkout-7d9c5b8f4d-aaaaa';
const POD_B = 'checkout-7d9c5b8f4d-bbbbb';
const MINUTE = 60_000;

type ListRoute = typeof import('@/app/api/embeds/route');
type ItemRoute = typeof import('@/app/api/embeds/[id]/route');
type TailRoute = typeof import('@/app/api/embeds/[id]/tail/route');
let list: ListRoute;
let item: ItemRoute;
let tail: TailRoute;

/** Errors of the checkout container, except the health checks. */
const locked: ScreenState = {
  schemaVersion: 1,
  source: 'tailed',
  query: { language: 'kql', text: 'level:error' },
  filters: [
    { field: 'container', op: 'is', value: 'checkout', negate: false, disabled: false },
    { field: 'log', op: 'is', value: 'healthz', negate: true, disabled: false },
  ],
  time: { from: 'now-1h', to: 'now' },
  columns: ['message'],
  sort: 'desc',
};

interface Doc {
  id: string;
  ts: number;
  pod: string;
  level: string;
  container?: string;
  log?: string;
}

const write = (docs: Doc[]) =>
  writeLive(
    client,
    INDEX,
    docs.map((d) => ({ ...d, namespace: NS, container: d.container ?? 'checkout', host: 'n1' })),
    true,
  );

/** What the embed may show of the written lines: the oracle, from the documents themselves. */
const visible = (d: Doc, windowStart: number) =>
  d.pod === POD_A && d.level === 'error' && (d.container ?? 'checkout') === 'checkout' && d.log !== 'healthz' && d.ts >= windowStart;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

/** POST /api/embeds for a tail panel of POD_A under the locked state, with `extra` on top. */
function postTailEmbed(extra: Record<string, unknown> = {}): Promise<Response> {
  return list.POST(
    new Request(`${APP}/api/embeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        panel: 'tail',
        state: locked,
        pod: { namespace: NS, pod: POD_A },
        origins: ['http://wiki.example'],
        ...extra,
      }),
    }),
  );
}

async function createTailEmbed(extra: Record<string, unknown> = {}): Promise<CreateEmbedResponse> {
  const res = await postTailEmbed(extra);
  expect(res.status).toBe(201);
  return (await res.json()) as CreateEmbedResponse;
}

async function openTail(id: string, query: string) {
  const controller = new AbortController();
  const res = await tail.GET(new Request(`${APP}/api/embeds/${id}/tail?${query}`, { signal: controller.signal }), ctx(id));
  return { res, controller };
}

/**
 * The ids of `event: lines` until every id of `awaited` has come (or 20 s, on a loaded machine),
 * then for `moreMs` (further polls, where anything that should not come would), then the stream is closed.
 */
async function linesUntil(
  body: ReadableStream<Uint8Array>,
  awaited: readonly string[],
  moreMs: number,
  controller: AbortController,
): Promise<string[]> {
  const ids: string[] = [];
  let timer = setTimeout(() => controller.abort(), 20_000);
  const closeSoon = () => {
    if (!awaited.every((id) => ids.includes(id))) return;
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), moreMs);
    awaited = [];
  };
  closeSoon();
  await readEvents(body, ({ event, data }) => {
    if (event === 'lines') ids.push(...(JSON.parse(data) as TailLinesEvent).lines.map((l) => l.id));
    if (awaited.length > 0) closeSoon();
  }).done;
  clearTimeout(timer);
  return ids;
}

async function expectDenied(id: string, token: string) {
  const { res } = await openTail(id, `t=${encodeURIComponent(token)}`);
  expect(res.status).toBe(403);
  expect(((await res.json()) as ApiErrorBody).error).toEqual({ code: 'forbidden', message: 'this panel is not available' });
}

const written: Doc[] = [];

beforeAll(async () => {
  await createLiveIndex(client, INDEX, { refreshInterval: null });
  await client.indices.delete({ index: EMBEDS_INDEX, ignore_unavailable: true });
  const now = Date.now();
  written.push(
    { id: 'a-err-1', ts: now - 10 * MINUTE, pod: POD_A, level: 'error' },
    { id: 'a-err-2', ts: now - MINUTE, pod: POD_A, level: 'error' },
    { id: 'a-info', ts: now - MINUTE, pod: POD_A, level: 'info' },
    { id: 'a-err-sidecar', ts: now - MINUTE, pod: POD_A, level: 'error', container: 'envoy' },
    { id: 'a-err-health', ts: now - MINUTE, pod: POD_A, level: 'error', log: 'healthz' },
    { id: 'a-err-old', ts: now - 90 * MINUTE, pod: POD_A, level: 'error' },
    { id: 'b-err', ts: now - MINUTE, pod: POD_B, level: 'error' },
  );
  await write(written);
  list = await import('@/app/api/embeds/route');
  item = await import('@/app/api/embeds/[id]/route');
  tail = await import('@/app/api/embeds/[id]/tail/route');
});

afterAll(async () => {
  await deleteLiveIndex(client, INDEX);
  await client.close();
});

describe('POST /api/embeds with a tail panel', () => {
  it.each([
    ['a tail panel without a pod', { pod: undefined }],
    ['a results panel with a pod', { panel: 'results' }],
    ['a pod that is not a Kubernetes name', { pod: { namespace: NS, pod: 'Not_A_Pod' } }],
  ])('refuses %s with 400 at pod', async (_name, extra) => {
    const res = await postTailEmbed(extra);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).error.path).toMatch(/^pod/);
  });
});

describe('GET /api/embeds/{id}/tail', () => {
  it('streams the locked pod’s lines that match the locked query and filters, within the window, live ones too', async () => {
    const made = await createTailEmbed({ maxWindowHours: 1 });
    const windowStart = Date.now() - 60 * MINUTE;
    // Asks for more: another namespace and pod, a match-all query, no filters, a month back.
    const wider = new URLSearchParams({
      t: made.token,
      from: 'now-30d',
      namespace: 'other',
      pod: POD_B,
      query: '*',
      filters: '[]',
      source: 'logs',
    });
    const { res, controller } = await openTail(made.embed.id, wider.toString());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const later: Doc[] = [
      { id: 'a-err-live', ts: Date.now(), pod: POD_A, level: 'error' },
      { id: 'b-err-live', ts: Date.now(), pod: POD_B, level: 'error' },
      { id: 'a-info-live', ts: Date.now(), pod: POD_A, level: 'info' },
    ];
    const collecting = linesUntil(res.body!, ['a-err-1', 'a-err-2', 'a-err-live'], 1_500, controller);
    await sleep(800);
    await write(later);
    written.push(...later);
    const ids = await collecting;
    const expected = written.filter((d) => visible(d, windowStart)).map((d) => d.id);
    expect(expected).toEqual(['a-err-1', 'a-err-2', 'a-err-live']);
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('starts where the panel asks when that is inside the window', async () => {
    const made = await createTailEmbed();
    const opened = Date.now();
    const { res, controller } = await openTail(made.embed.id, `t=${encodeURIComponent(made.token)}&from=now-3m`);
    const ids = await linesUntil(res.body!, ['a-err-2', 'a-err-live'], 1_500, controller);
    // The tail re-reads TAIL_OVERLAP_MS before its start, for lines that reach the engine late.
    const expected = written.filter((d) => visible(d, opened - 3 * MINUTE - TAIL_OVERLAP_MS)).map((d) => d.id);
    expect(expected).toEqual(['a-err-2', 'a-err-live']);
    expect(ids.sort()).toEqual(expected);
  });

  it('refuses a tampered token, another embed’s, and a token of a panel without a tail', async () => {
    const a = await createTailEmbed();
    const b = await createTailEmbed();
    const [header, payload, signature] = a.token.split('.') as [string, string, string];
    await expectDenied(a.embed.id, `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    await expectDenied(
      a.embed.id,
      `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: b.embed.id })).toString('base64url')}.${signature}`,
    );
    await expectDenied(a.embed.id, b.token);
    await expectDenied(a.embed.id, '');
    const histogram = await postTailEmbed({ panel: 'histogram', pod: undefined });
    const h = (await histogram.json()) as CreateEmbedResponse;
    const { res } = await openTail(h.embed.id, `t=${encodeURIComponent(h.token)}`);
    expect(res.status).toBe(404);
  });

  it('refuses an expired embed', async () => {
    const { EmbedStore } = await import('@/lib/embed/store');
    const { signEmbedToken } = await import('@/lib/embed/token');
    const a = await createTailEmbed();
    const long = new Date(Date.now() - 3 * 86_400_000);
    const { id: _id, ...rest } = a.embed;
    const expired = await new EmbedStore(client, EMBEDS_INDEX).create({
      ...rest,
      expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    await expectDenied(expired.id, await signEmbedToken(expired, new TextEncoder().encode(SECRET), long));
  });

  it('a revoked embed’s open stream ends, and the next request is 403', async () => {
    const { whileEmbedValid } = await import('@/lib/embed/tail');
    const { getEmbedStore } = await import('@/lib/embed/handlers');
    const made = await createTailEmbed();
    const before = activeTailCount();
    const { res, controller } = await openTail(made.embed.id, `t=${encodeURIComponent(made.token)}`);
    expect(res.status).toBe(200);
    expect(activeTailCount()).toBe(before + 1);
    // The route re-checks every 10 s; the same check, run faster here.
    let revoked = false;
    const stop = whileEmbedValid(getEmbedStore({ client }), made.embed.id, made.token, () => (revoked = true), 100);
    const del = await item.DELETE(new Request(`${APP}/api/embeds/${made.embed.id}`, { method: 'DELETE' }), ctx(made.embed.id));
    expect(del.status).toBe(204);
    const t0 = Date.now();
    while (!revoked && Date.now() - t0 < 2_000) await sleep(20);
    stop();
    expect(revoked).toBe(true);
    controller.abort();
    await res.body?.cancel().catch(() => undefined);
    await expectDenied(made.embed.id, made.token);
  });
});
