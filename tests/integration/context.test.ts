import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import type { ContextResponse } from '@/lib/schema/context';
import { seededRestarts } from './k8s-fixture';
import { expectedEvents, seedTestDataset, type ExpectedEvent } from './search-fixture';

/** A second source of our own, for lines written here; the test dataset is never written to. */
// Per process: another checkout running this suite on the same engine must not delete it under us.
const BURST_INDEX = `lxtest-context-burst-${process.pid}`;
process.env.LOG_SOURCES = JSON.stringify([
  { id: 'logs', indexPattern: `${TEST_DATASET.indexPrefix}*`, timeField: '@timestamp' },
  { id: 'burst', indexPattern: BURST_INDEX, timeField: '@timestamp' },
]);

const client = new Client(engineConnection().options);

beforeAll(async () => {
  await seedTestDataset();
});
afterAll(async () => {
  await client.indices.delete({ index: BURST_INDEX, ignore_unavailable: true });
  await client.close();
});

async function context(body: unknown): Promise<{ status: number; json: unknown }> {
  const { POST } = await import('@/app/api/context/route');
  const res = await POST(
    new Request('http://app.test/api/context', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );
  return { status: res.status, json: await res.json() };
}

async function contextOk(body: unknown): Promise<ContextResponse> {
  const { status, json } = await context(body);
  if (status !== 200) throw new Error(`context failed: HTTP ${status} ${JSON.stringify(json)}`);
  return json as ContextResponse;
}

const F = {
  pod: 'kubernetes.pod_name',
  uid: 'kubernetes.pod_id',
  container: 'kubernetes.container_name',
  cid: 'docker.container_id',
  node: 'kubernetes.host',
} as const;

/** The generator's events of the anchor's scope, in written order (time, then generation order). */
function neighbours(anchor: ExpectedEvent, same: (e: ExpectedEvent) => boolean, n: number) {
  const list = expectedEvents().filter(same);
  const stable = list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.ts - b.e.ts || a.i - b.i)
    .map((x) => x.e);
  const at = stable.findIndex((e) => e.id === anchor.id);
  return { before: stable.slice(Math.max(0, at - n), at), after: stable.slice(at + 1, at + 1 + n), total: stable.length, at };
}

describe('POST /api/context', () => {
  const restart = seededRestarts()[0]!;
  // A line of the restarted container's new instance: its neighbours in the instance never cross the restart.
  const anchor = expectedEvents().find((e) => e.fields[F.cid] === restart.containerId && e.ts > restart.at + 60_000)!;

  it('returns the same container instance’s neighbours, in the order they were written', async () => {
    const res = await contextOk({ anchor: { index: anchor.index, id: anchor.id }, before: 30, after: 30 });
    const same = (e: ExpectedEvent) =>
      e.fields[F.uid] === anchor.fields[F.uid] &&
      e.fields[F.container] === anchor.fields[F.container] &&
      e.fields[F.cid] === anchor.fields[F.cid];
    const want = neighbours(anchor, same, 30);
    expect(res.anchor.id).toBe(anchor.id);
    expect(res.before.map((l) => l.id)).toEqual(want.before.map((e) => e.id));
    expect(res.after.map((l) => l.id)).toEqual(want.after.map((e) => e.id));
    expect(res.hasMoreBefore).toBe(want.at - 30 > 0);
    expect(res.matchedOn).toMatchObject({ [F.cid]: restart.containerId, [F.pod]: restart.pod });
  });

  it('widens to the node, and to everything', async () => {
    const node = await contextOk({ anchor: { index: anchor.index, id: anchor.id }, scope: 'node', before: 20, after: 20 });
    const want = neighbours(anchor, (e) => e.fields[F.node] === anchor.fields[F.node], 20);
    expect(node.before.map((l) => l.timestamp)).toEqual(want.before.map((e) => new Date(e.ts).toISOString()));
    expect(new Set(node.after.map((l) => l.id))).toEqual(new Set(want.after.map((e) => e.id)));
    const all = await contextOk({ anchor: { index: anchor.index, id: anchor.id }, scope: 'all', before: 5, after: 5 });
    expect(all.matchedOn).toEqual({});
    const everything = neighbours(anchor, () => true, 5);
    expect(all.before.map((l) => l.timestamp)).toEqual(everything.before.map((e) => new Date(e.ts).toISOString()));
  });

  it('loads more by asking for more: the first lines stay the same', async () => {
    const a = await contextOk({ anchor: { index: anchor.index, id: anchor.id }, before: 10, after: 10 });
    const b = await contextOk({ anchor: { index: anchor.index, id: anchor.id }, before: 60, after: 60 });
    expect(b.before.slice(-10)).toEqual(a.before);
    expect(b.after.slice(0, 10)).toEqual(a.after);
  });

  it('uses a pushed line’s own origin field when it has no Kubernetes metadata', async () => {
    const pushed = expectedEvents().find((e) => e.fields.service === 'billing-cron')!;
    const res = await contextOk({ anchor: { index: pushed.index, id: pushed.id }, scope: 'pod', before: 3, after: 3 });
    expect(res.matchedOn).toEqual({ service: 'billing-cron' });
  });

  it('puts 1,000 lines written within one millisecond back in the order they were written', async () => {
    await client.indices.delete({ index: BURST_INDEX, ignore_unavailable: true });
    await client.indices.create({
      index: BURST_INDEX,
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: { dynamic_templates: [{ s: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }] },
    });
    const ts = '2026-11-20T10:00:00.123Z';
    const k = { namespace_name: 'burst', pod_name: 'burst-0', pod_id: 'u-1', container_name: 'app', host: 'n1' };
    const operations = Array.from({ length: 1_000 }, (_, i) => [
      { index: { _index: BURST_INDEX, _id: `burst-${(i * 7919) % 1000}` } },
      { '@timestamp': ts, log: `line ${i}`, stream: 'stdout', kubernetes: k, docker: { container_id: 'c1' } },
    ]).flat();
    const bulk = await client.bulk({ operations, refresh: 'wait_for' });
    expect(bulk.errors).toBe(false);
    const ids = operations.filter((_, i) => i % 2 === 0).map((op) => (op as { index: { _id: string } }).index._id);
    const res = await contextOk({ source: 'burst', anchor: { index: BURST_INDEX, id: ids[500] }, before: 1_000, after: 1_000 });
    expect(res.before.map((l) => l.message)).toEqual(Array.from({ length: 500 }, (_, i) => `line ${i}`));
    expect(res.after.map((l) => l.message)).toEqual(Array.from({ length: 499 }, (_, i) => `line ${501 + i}`));
    expect([res.hasMoreBefore, res.hasMoreAfter]).toEqual([false, false]);
  });

  it.each([
    [{}, 'anchor'],
    [{ anchor: { index: 'x' } }, 'anchor.id'],
    [{ anchor: { index: 'x', id: 'y' }, before: 1001 }, 'before'],
    [{ anchor: { index: 'x', id: 'y' }, after: -1 }, 'after'],
    [{ anchor: { index: 'x', id: 'y' }, scope: 'cluster' }, 'scope'],
  ])('%j → 400 at %s', async (body, path) => {
    const { status, json } = await context(body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: 'validation_failed', path } });
  });

  it('is 404 for a line that is not there', async () => {
    const { status, json } = await context({ anchor: { index: anchor.index, id: 'no-such-line' } });
    expect(status).toBe(404);
    expect(json).toMatchObject({ error: { code: 'not_found', path: 'anchor' } });
  });
});
