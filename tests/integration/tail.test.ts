import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineConnection } from '@/lib/es/connection';
import { activeTailCount } from '@/lib/k8s/run-tail';
import type { TailLinesEvent } from '@/lib/schema/tail';

/** A source of our own that this test writes to; the test dataset is never touched. */
const INDEX = `lxtest-tail-${process.pid}`;
process.env.LOG_SOURCES = JSON.stringify([{ id: 'tail', indexPattern: INDEX, timeField: '@timestamp' }]);
process.env.TAIL_MAX_PER_CLIENT = '5';

const client = new Client(engineConnection().options);
const NS = 'tailtest';
const POD = 'tailer-7d9c5b8f4d-x2x4k';

beforeAll(async () => {
  await client.indices.delete({ index: INDEX, ignore_unavailable: true });
  await client.indices.create({
    index: INDEX,
    settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
    mappings: {
      dynamic_templates: [{ s: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
      properties: {
        '@timestamp': { type: 'date' },
        log: { type: 'text' },
        kubernetes: {
          properties: {
            namespace_name: { type: 'keyword' },
            pod_name: { type: 'keyword' },
            container_name: { type: 'keyword' },
            host: { type: 'keyword' },
          },
        },
        docker: { properties: { container_id: { type: 'keyword' } } },
      },
    },
  });
});
afterAll(async () => {
  await client.indices.delete({ index: INDEX, ignore_unavailable: true });
  await client.close();
});

async function openTail(query: string, headers: Record<string, string> = {}) {
  const { GET } = await import('@/app/api/tail/route');
  const controller = new AbortController();
  const res = await GET(new Request(`http://app.test/api/tail?${query}`, { signal: controller.signal, headers }));
  return { res, controller };
}

/** Reads `event: lines` from an SSE body until aborted. */
function collect(body: ReadableStream<Uint8Array>) {
  const seen: { id: string; at: number }[] = [];
  const lags: number[] = [];
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const { done: end, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (end) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'lines' && data) {
          const batch = JSON.parse(data) as TailLinesEvent;
          lags.push(batch.lagMs);
          for (const l of batch.lines) seen.push({ id: l.id, at: Date.now() });
        }
      }
    }
  })();
  return { seen, lags, done };
}

async function write(docs: { id: string; ts: number }[]) {
  const operations = docs.flatMap((d) => [
    { index: { _index: INDEX, _id: d.id } },
    {
      '@timestamp': new Date(d.ts).toISOString(),
      log: `line ${d.id}`,
      stream: 'stdout',
      kubernetes: { namespace_name: NS, pod_name: POD, container_name: 'app', host: 'n1' },
      docker: { container_id: 'c1' },
    },
  ]);
  // No refresh: the documents become visible at the index's 1 s refresh, as a shipper's would.
  const res = await client.bulk({ operations });
  expect(res.errors).toBe(false);
}

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
  ])('%s → 400 at %s', async (query, path) => {
    const { res } = await openTail(query);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { path } });
  });
});
