import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { engineConnection } from '@/lib/es/connection';
import { activeTailCount } from '@/lib/k8s/run-tail';
import { appMetrics } from '@/lib/observability/metrics';
import { TailResume } from '@/lib/k8s/tail-resume';
import type { TailHitsEvent, TailLinesEvent, TailReconnectEvent, TailSeenEvent } from '@/lib/schema/tail';
import { createLiveIndex, deleteLiveIndex, readEvents, writeLive } from '@/tests/support/live-index';

/** A source of our own that this test writes to; the test dataset is never touched. */
const INDEX = `lxtest-tail-${process.pid}`;
process.env.LOG_SOURCES = JSON.stringify([{ id: 'tail', indexPattern: INDEX, timeField: '@timestamp' }]);
process.env.TAIL_MAX_PER_CLIENT = '5';

const client = new Client(engineConnection().options);
const NS = 'tailtest';
const POD = 'tailer-7d9c5b8f4d-x2x4k';

beforeAll(() => createLiveIndex(client, INDEX));
afterAll(async () => {
  await deleteLiveIndex(client, INDEX);
  await client.close();
});

async function openTail(query: string, headers: Record<string, string> = {}) {
  const { GET } = await import('@/app/api/tail/route');
  const controller = new AbortController();
  const res = await GET(new Request(`http://app.test/api/tail?${query}`, { signal: controller.signal, headers }));
  return { res, controller };
}

/** The ids in `event: lines` (or the explorer's `event: hits`) as they arrive, and every event, until the body ends. */
function collect(body: ReadableStream<Uint8Array>) {
  const seen: { id: string; at: number; fields?: Record<string, unknown> }[] = [];
  const lags: number[] = [];
  const { events, done } = readEvents(body, ({ event, data }) => {
    if (event === 'lines') {
      const batch = JSON.parse(data) as TailLinesEvent;
      lags.push(batch.lagMs);
      for (const l of batch.lines) seen.push({ id: l.id, at: Date.now() });
    }
    if (event === 'hits') {
      const batch = JSON.parse(data) as TailHitsEvent;
      lags.push(batch.lagMs);
      for (const h of batch.hits) seen.push({ id: h.id, at: Date.now(), fields: h.fields });
    }
  });
  return { seen, lags, events, done };
}

/** Lines of the test's pod; no refresh: they become visible at the index's 1 s refresh, as a shipper's would. */
const write = (docs: { id: string; ts: number; stream?: string }[]) =>
  writeLive(
    client,
    INDEX,
    docs.map((d) => ({ ...d, namespace: NS, pod: POD, host: 'n1' })),
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GET /api/tail', () => {
  it('sends every document exactly once, late ones (up to 60 s) included, within 3 s', async () => {
    const { res, controller } = await openTail(`namespace=${NS}&pod=${POD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { seen, lags } = collect(res.body!);
    const written = new Map<string, number>();
    const now = () => Date.now();
    const batches = [
      Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, ts: now() })),
      [
        ...Array.from({ length: 5 }, (_, i) => ({ id: `late${i}`, ts: now() - 45_000 - i * 3_000 })),
        ...Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, ts: now() })),
      ],
      Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, ts: now() - 30_000 + i })),
      [
        { id: 'same-ms-1', ts: now() },
        { id: 'same-ms-2', ts: now() },
      ],
    ];
    for (const batch of batches) {
      await write(batch);
      for (const d of batch) written.set(d.id, now());
      await sleep(700);
    }
    const deadline = now() + 3_000;
    while (now() < deadline && new Set(seen.map((s) => s.id)).size < written.size) await sleep(100);
    await sleep(1_500); // a few more polls: nothing may come twice
    controller.abort();

    const counts = new Map<string, number>();
    for (const s of seen) counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...written.keys()].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const s of seen) expect(s.at - (written.get(s.id) ?? 0)).toBeLessThanOrEqual(3_000);
    expect(lags.length).toBeGreaterThan(0);
  });

  it('follows the explorer: no namespace, the query and filters narrow it, whole documents as hits, only new ones', async () => {
    // Already there when the tail starts: the explorer's search has it, `fresh=1` does not send it.
    await write([{ id: 'keep0', ts: Date.now() - 5_000 }]);
    await client.indices.refresh({ index: INDEX });
    const { res, controller } = await openTail(
      `source=tail&fresh=1&q=${encodeURIComponent('log:keep*')}&f=${encodeURIComponent(JSON.stringify([{ field: 'stream', op: 'is', value: 'stderr', negate: true }]))}`,
    );
    expect(res.status, await (res.status === 200 ? '' : res.text())).toBe(200);
    const { seen } = collect(res.body!);
    const now = Date.now();
    await write([
      { id: 'keep1', ts: now },
      { id: 'keep2', ts: now - 40_000 },
      { id: 'keep3', ts: now, stream: 'stderr' },
      { id: 'other', ts: now },
    ]);
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline && seen.length < 2) await sleep(100);
    await sleep(1_200);
    controller.abort();
    expect(seen.map((s) => s.id).sort()).toEqual(['keep1', 'keep2']);
    expect(seen[0]?.fields).toMatchObject({ 'kubernetes.pod_name': POD, 'docker.container_id': 'c1' });
  });

  it('fresh=1 reconnected from its cursor: what came in the gap arrives, nothing twice, nothing the search had', async () => {
    const filter = encodeURIComponent(JSON.stringify([{ field: 'stream', op: 'is', value: 'resume' }]));
    const mine = (docs: { id: string; ts: number }[]) => docs.map((d) => ({ ...d, stream: 'resume' }));
    // There before the tail: the explorer's search has it.
    await write(mine([{ id: 'r-had', ts: Date.now() - 5_000 }]));
    await client.indices.refresh({ index: INDEX });
    // The viewer's side, as the hook drives it (lib/k8s/tail-resume.ts).
    const resume = new TailResume(new URLSearchParams(`source=tail&fresh=1&f=${filter}`));
    const shown: string[] = [];
    const follow = async () => {
      const tail = await openTail(resume.nextQuery());
      expect(tail.res.status).toBe(200);
      const resent: string[] = [];
      const stream = readEvents(tail.res.body!, ({ event, id, data }) => {
        if (event === 'seen') resume.seen((JSON.parse(data) as TailSeenEvent).docs, id);
        else if (event === 'hits') {
          const hits = (JSON.parse(data) as TailHitsEvent).hits;
          resent.push(...hits.map((h) => h.id));
          shown.push(...resume.accept(hits, id).map((h) => h.id));
        } else resume.mark(id);
      });
      return { ...tail, ...stream, resent };
    };
    const until = async (ids: string[]) => {
      for (const t = Date.now(); Date.now() - t < 10_000 && !ids.every((id) => shown.includes(id));) await sleep(100);
      expect(shown).toEqual(expect.arrayContaining(ids));
    };

    const first = await follow();
    await until([]);
    for (const t = Date.now(); Date.now() - t < 5_000 && !resume.resumable;) await sleep(50);
    expect(first.events[0]?.event).toBe('seen');
    expect(resume.resumable).toBe(true);
    await write(mine([{ id: 'r-a', ts: Date.now() }]));
    await until(['r-a']);
    // The connection drops; lines keep coming, one of them late, and are visible before a new tail starts.
    // As a dropped connection does under Next.js: the request's signal aborts and the body is
    // cancelled. The abort alone is not enough in-process: the Request's own signal follows the
    // caller's through a weak reference (undici), lost once that Request is garbage collected —
    // the full suite's GC made this test wait 70 s for the loop to notice.
    first.controller.abort();
    first.cancel();
    await first.done;
    await write(
      mine([
        { id: 'r-gap', ts: Date.now() },
        { id: 'r-gap-late', ts: Date.now() - 40_000 },
      ]),
    );
    await client.indices.refresh({ index: INDEX });
    const second = await follow();
    await write(mine([{ id: 'r-b', ts: Date.now() }]));
    await until(['r-gap', 'r-gap-late', 'r-b']);
    await sleep(1_500); // more polls re-read the overlap
    second.controller.abort();
    second.cancel();

    expect([...shown].sort()).toEqual(['r-a', 'r-b', 'r-gap', 'r-gap-late']);
    // The new tail did send again what the viewer had (its minute of overlap): the cursor and the window dropped it.
    expect(second.resent).toEqual(expect.arrayContaining(['r-had', 'r-a']));
    expect(new URLSearchParams(resume.nextQuery()).has('fresh')).toBe(false);
  });

  it('ends its loop within a second of the caller going away', async () => {
    const before = activeTailCount();
    const { res, controller } = await openTail(`namespace=${NS}&pod=${POD}`);
    const reader = res.body!.getReader();
    await reader.read();
    expect(activeTailCount()).toBe(before + 1);
    controller.abort();
    await reader.cancel().catch(() => undefined);
    const t0 = Date.now();
    while (activeTailCount() > before && Date.now() - t0 < 1_000) await sleep(20);
    expect(activeTailCount()).toBe(before);
  });

  it('refuses more than the per-client bound with 429', async () => {
    const open = [];
    for (let i = 0; i < 5; i++) open.push(await openTail(`namespace=${NS}&pod=${POD}`, { 'x-forwarded-for': '10.9.9.9' }));
    const sixth = await openTail(`namespace=${NS}&pod=${POD}`, { 'x-forwarded-for': '10.9.9.9' });
    expect(sixth.res.status).toBe(429);
    expect(await sixth.res.json()).toMatchObject({ error: { code: 'too_many_tails' } });
    const other = await openTail(`namespace=${NS}&pod=${POD}`, { 'x-forwarded-for': '10.8.8.8' });
    expect(other.res.status).toBe(200);
    for (const t of [...open, other]) t.controller.abort();
  });

  it.each([
    ['namespace=A&pod=x', 'namespace'],
    [`namespace=${NS}`, 'pod'],
    [`namespace=${NS}&pod=a&workload=b`, 'pod'],
    [`namespace=${NS}&pod=a&from=yesterday`, 'from'],
    [`namespace=${NS}&pod=a&pod=b`, 'pod'],
    ['pod=a', 'namespace'],
    ['f=not-json', 'f'],
    ['fresh=yes', 'fresh'],
    [`f=${encodeURIComponent('[{"field":"x"}]')}`, 'f.0.op'],
    [`f=${encodeURIComponent('[{"field":"no.such.field","op":"is","value":"a"}]')}`, 'f.0.field'],
    [`q=${encodeURIComponent('log:(a')}`, 'q'],
  ])('%s → 400 at %s', async (query, path) => {
    const { res } = await openTail(query);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { path } });
  });
});

// Last: SIGTERM leaves this test process draining for good.
describe('GET /api/tail at shutdown', () => {
  const activeTails = async () => (await appMetrics().activeTails.get()).values[0]?.value ?? 0;

  it('at SIGTERM every open tail gets a last `reconnect` event with where to resume, then ends; the gauge counts them', async () => {
    // The earlier tests' tails end within a second of their abort (longer on a loaded machine).
    for (let t = Date.now(); activeTailCount() > 0 && Date.now() - t < 10_000;) await sleep(50);
    const before = activeTailCount();
    expect(await activeTails()).toBe(before);
    const lastLine = Date.now() - 2_000;
    await write([{ id: 'before-shutdown', ts: lastLine }]);
    const tails = await Promise.all([openTail(`namespace=${NS}&pod=${POD}`), openTail(`namespace=${NS}&workload=tailer`)]);
    const streams = tails.map((t) => collect(t.res.body!));
    const t0 = Date.now();
    while (Date.now() - t0 < 15_000 && !streams[0]!.seen.some((s) => s.id === 'before-shutdown')) await sleep(100);
    expect(streams[0]!.seen.map((s) => s.id)).toContain('before-shutdown');
    expect(await activeTails()).toBe(before + 2);

    const { installGracefulShutdown } = await import('@/lib/observability/lifecycle');
    const exit = vi.fn();
    const listeners = process.listeners('SIGTERM');
    installGracefulShutdown(10_000, exit);
    const ours = process.listeners('SIGTERM').filter((l) => !listeners.includes(l));
    try {
      const signalled = Date.now();
      process.emit('SIGTERM', 'SIGTERM');
      await Promise.all(streams.map((s) => s.done));
      // Ended by the server within a poll, long before the deadline: no abort from this side.
      expect(Date.now() - signalled).toBeLessThan(3_000);
      expect(tails.every((t) => !t.controller.signal.aborted)).toBe(true);
      for (const s of streams) {
        const last = s.events.at(-1);
        expect(last?.event).toBe('reconnect');
        const said = JSON.parse(last!.data) as TailReconnectEvent;
        expect(said.reason).toBe('shutting_down');
        expect(Date.parse(said.from)).toBeGreaterThanOrEqual(lastLine);
      }
      // Any tail still open from the earlier tests was told to end as well.
      for (let t = Date.now(); activeTailCount() > 0 && Date.now() - t < 5_000;) await sleep(50);
      expect(await activeTails()).toBe(0);

      // A tail opened while draining (a kept-alive connection) ends the same way, at once.
      const late = await openTail(`namespace=${NS}&pod=${POD}`);
      expect(late.res.status).toBe(200);
      const lateStream = collect(late.res.body!);
      await lateStream.done;
      expect(lateStream.events.map((e) => e.event)).toEqual(['reconnect']);
      expect(exit).not.toHaveBeenCalled();
    } finally {
      for (const l of ours) process.off('SIGTERM', l);
      for (const l of process.listeners('SIGINT').filter((l) => ours.includes(l))) process.off('SIGINT', l);
    }
  });
});
