/**
 * The screens beyond the search on every log shape: the document view, saved views, and the pod,
 * workload, context and tail routes, on the same simulated cluster seeded in each shipper's shape.
 * What a pod did (its lines, restarts, nodes) is read from the generator's events in its own
 * names; what the routes must show comes out in the shape's names.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocResponse } from '@/lib/documents/doc-params';
import { seededRestarts, type FlatEvent } from '@/lib/demo-cluster/k8s-expectations';
import { LOG_SHAPES, type LogShape } from '@/lib/demo-cluster/shapes';
import { TEST_SHAPE_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { workloadOfPod } from '@/lib/k8s/workload';
import type { ContextResponse } from '@/lib/schema/context';
import type { PodLogsResponse, WorkloadLogsResponse } from '@/lib/schema/pod-logs';
import type { SearchResponse } from '@/lib/schema/search';
import type { TailLinesEvent } from '@/lib/schema/tail';
import { firstEvent } from '@/tests/support/live-index';
import type { SavedView } from '@/lib/schema/views';
import { post, SHAPE_DAY, SHAPE_FIELDS, seedShapes, shapeEvents, type ShapeEvent } from './shapes-fixture';

process.env.APP_INDEX_PREFIX = 'lxtest-app-shapes-';
const RANGE = { since: SHAPE_DAY.from, until: SHAPE_DAY.to };

beforeAll(async () => {
  vi.stubEnv('LOG_SOURCES', TEST_SHAPE_SOURCES_ENV);
  const { getEngineClient } = await import('@/lib/es/client');
  await seedShapes(getEngineClient());
}, 180_000);

async function ok<T>(res: Response | Promise<Response>): Promise<T> {
  const r = await res;
  const body: unknown = await r.json();
  if (r.status >= 300) throw new Error(`HTTP ${r.status} ${JSON.stringify(body)}`);
  return body as T;
}

/** The generator's events in its own names, as the Kubernetes expectations read them. */
const fluentdOf = (events: readonly ShapeEvent[]): FlatEvent[] => events.map((e) => ({ id: e.id, ts: e.ts, fields: e.fluentd }));
const NS = 'kubernetes.namespace_name';
const POD = 'kubernetes.pod_name';

/** Written order: time, then generation order (which `shapeEvents` keeps). */
const written = (events: readonly ShapeEvent[]) =>
  events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.ts - b.e.ts || a.i - b.i)
    .map(({ e }) => e);

describe.each(LOG_SHAPES)('the %s shape', (shape: LogShape) => {
  const f = SHAPE_FIELDS[shape];
  const events = () => shapeEvents(shape);
  const restart = () => {
    const found = seededRestarts(fluentdOf(events()))[0];
    if (!found) throw new Error('the shape dataset holds no restart');
    return found;
  };
  const podEvents = (namespace: string, pod: string) =>
    written(events().filter((e) => e.fluentd[NS] === namespace && e.fluentd[POD] === pod));

  it('opens a document as the shipper wrote it, its message by the shape', async () => {
    const event = events()[Math.floor(events().length / 3)]!;
    const { GET } = await import('@/app/api/doc/route');
    const query = new URLSearchParams({ source: shape, index: event.index, id: event.id });
    const { hit } = await ok<DocResponse>(GET(new Request(`http://localhost/api/doc?${query}`)));
    expect(hit.fields).toEqual(event.fields);
    expect(hit.message).toBe(event.fields[f.message] ?? event.fields.message ?? event.fields.log);
    expect(Date.parse(hit.timestamp)).toBe(event.ts);
  });

  it("saves a view with the shape's KQL and filters by meaning, and the view's screen counts as the generator", async () => {
    const views = await import('@/app/api/views/route');
    const state = {
      schemaVersion: 1,
      source: shape,
      query: { language: 'kql', text: `not ${f.level}:info` },
      filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: false, disabled: false }],
      time: SHAPE_DAY,
      columns: ['namespace', 'pod', f.container, 'message'],
      sort: 'desc',
    };
    const created = await ok<SavedView>(views.POST(post('/api/views', { name: `${shape} payments not info`, state })));
    const item = await import('@/app/api/views/[id]/route');
    const ctx = { params: Promise.resolve({ id: created.id }) };
    const read = await ok<SavedView>(item.GET(new Request(`http://localhost/api/views/${created.id}`), ctx));
    expect(read.state).toMatchObject(state);
    const { POST } = await import('@/app/api/search/route');
    const { source, query, filters, time, sort } = read.state;
    const res = await ok<SearchResponse>(POST(post('/api/search', { source, query, filters, time, sort, size: 1, histogram: false })));
    const expected = events().filter((e) => e.fields[f.namespace] === 'payments' && e.fields[f.level] !== 'info').length;
    expect(expected).toBeGreaterThan(0);
    expect(res.total.value).toBe(expected);
    await item.DELETE(new Request(`http://localhost/api/views/${created.id}`, { method: 'DELETE' }), ctx);
  });

  it("shows a pod's lines, its line count and its restarts, each line's metadata by meaning", async () => {
    const r = restart();
    const all = podEvents(r.namespace, r.pod);
    const { POST } = await import('@/app/api/pod-logs/route');
    const res = await ok<PodLogsResponse>(
      POST(post('/api/pod-logs', { source: shape, namespace: r.namespace, pod: r.pod, ...RANGE, tail: 50 })),
    );
    expect(res.summary.lines).toBe(all.length);
    const expectedRestarts = seededRestarts(fluentdOf(all)).map((x) => [
      x.container,
      x.previousContainerId,
      x.containerId,
      x.previousLines,
    ]);
    expect(res.summary.restarts.map((x) => [x.container, x.previousContainerId, x.containerId, x.previousLines])).toEqual(expectedRestarts);
    expect(res.lines.map((l) => l.id)).toEqual(all.slice(-50).map((e) => e.id));
    const line = res.lines.at(-1)!;
    const event = all.at(-1)!;
    expect(line).toMatchObject({
      pod: event.fields[f.pod],
      container: event.fields[f.container],
      containerId: event.fields[f.containerId],
      node: event.fields[f.node],
      message: event.fields[f.message],
    });
  });

  it("shows a workload's pods and their lines", async () => {
    const r = restart();
    const name = workloadOfPod(r.pod)!.name;
    const mine = events().filter((e) => e.fluentd[NS] === r.namespace && workloadOfPod(String(e.fluentd[POD] ?? ''))?.name === name);
    const { POST } = await import('@/app/api/workload-logs/route');
    const res = await ok<WorkloadLogsResponse>(
      POST(post('/api/workload-logs', { source: shape, namespace: r.namespace, name, ...RANGE, tail: 5000 })),
    );
    expect(new Set(res.pods.map((p) => p.pod))).toEqual(new Set(mine.map((e) => e.fluentd[POD])));
    expect(res.pods.reduce((n, p) => n + p.lines, 0)).toBe(mine.length);
    expect(res.lines.length).toBe(Math.min(mine.length, 5000));
  });

  it("reads the lines around one line in its container instance, matched on the shape's fields", async () => {
    const r = restart();
    const instance = written(events().filter((e) => e.fluentd['docker.container_id'] === r.containerId));
    const anchor = instance[Math.floor(instance.length / 2)]!;
    const at = instance.indexOf(anchor);
    const { POST } = await import('@/app/api/context/route');
    const res = await ok<ContextResponse>(
      POST(post('/api/context', { source: shape, anchor: { index: anchor.index, id: anchor.id }, before: 10, after: 10 })),
    );
    expect(res.before.map((l) => l.id)).toEqual(instance.slice(Math.max(0, at - 10), at).map((e) => e.id));
    expect(res.after.map((l) => l.id)).toEqual(instance.slice(at + 1, at + 11).map((e) => e.id));
    expect(res.matchedOn).toMatchObject({ [f.pod]: r.pod, [f.containerId]: r.containerId });
  });

  it("tails a pod from a point in its past: the lines since, by the shape's fields", async () => {
    const r = restart();
    const all = podEvents(r.namespace, r.pod);
    const from = all[Math.max(0, all.length - 20)]!.ts;
    const { GET } = await import('@/app/api/tail/route');
    const controller = new AbortController();
    const query = new URLSearchParams({ source: shape, namespace: r.namespace, pod: r.pod, from: new Date(from).toISOString() });
    const res = await GET(new Request(`http://localhost/api/tail?${query}`, { signal: controller.signal }));
    expect(res.status).toBe(200);
    const batch = await firstEvent<TailLinesEvent>(res.body!, 'lines');
    controller.abort();
    expect(batch.lines.map((l) => l.id)).toEqual(all.filter((e) => e.ts >= from).map((e) => e.id));
    expect(batch.lines.every((l) => l.pod === r.pod)).toBe(true);
  });
});
