import { beforeAll, describe, expect, it } from 'vitest';
import { workloadOfPod } from '@/lib/k8s/workload';
import {
  DAY_RANGE,
  podEvents,
  podLinesRaw,
  podLogs,
  podLogsRaw,
  seededEvictions,
  seededRestarts,
  workloadLogs,
  workloadLogsRaw,
} from './k8s-fixture';
import { END, expectedEvents, seedTestDataset } from './search-fixture';
import type { PodLinesResponse } from '@/lib/schema/pod-logs';

beforeAll(async () => {
  await seedTestDataset();
});

const iso = (ms: number) => new Date(ms).toISOString();
const lastTs = (events: readonly { ts: number }[]) => Math.max(...events.map((e) => e.ts));

describe('POST /api/pod-logs: restarts', () => {
  const restarts = seededRestarts();

  it('the test data holds restarts to find', () => {
    expect(restarts.length).toBeGreaterThanOrEqual(5);
  });

  it('puts a separator at every container-id change the generator made, with the earlier instance’s count', async () => {
    const pods = [...new Set(restarts.map((r) => `${r.namespace}/${r.pod}`))];
    const found = [];
    for (const key of pods) {
      const [namespace = '', pod = ''] = key.split('/');
      const res = await podLogs({ namespace, pod, ...DAY_RANGE, tail: 10 });
      found.push(...res.summary.restarts.map((s) => ({ ...s, namespace, pod })));
    }
    const expected = restarts.map((r) => ({
      namespace: r.namespace,
      pod: r.pod,
      container: r.container,
      containerId: r.containerId,
      previousContainerId: r.previousContainerId,
      at: iso(r.at),
      previousLines: r.previousLines,
    }));
    const got = found.map((s) => ({
      namespace: s.namespace,
      pod: s.pod,
      container: s.container,
      containerId: s.containerId,
      previousContainerId: s.previousContainerId,
      at: s.at,
      previousLines: s.previousLines,
    }));
    expect(got.sort((a, b) => a.at.localeCompare(b.at))).toEqual(expected.sort((a, b) => a.at.localeCompare(b.at)));
  });

  it('finds no restart in a pod whose containers kept their id', async () => {
    const restarted = new Set(restarts.map((r) => r.pod));
    const calm = expectedEvents().find(
      (e) => e.fields['kubernetes.namespace_name'] === 'payments' && !restarted.has(String(e.fields['kubernetes.pod_name'])),
    );
    const res = await podLogs({ namespace: 'payments', pod: String(calm?.fields['kubernetes.pod_name']), ...DAY_RANGE, tail: 1 });
    expect(res.summary.restarts).toEqual([]);
  });
});

describe('POST /api/pod-logs: lines', () => {
  const restart = seededRestarts()[0]!;

  it('returns the newest `tail` lines oldest first, and says when older ones were cut', async () => {
    const events = podEvents(restart.namespace, restart.pod);
    const res = await podLogs({ namespace: restart.namespace, pod: restart.pod, ...DAY_RANGE, tail: 300 });
    const expected = events.slice(-300);
    expect(res.lines.map((l) => Date.parse(l.timestamp))).toEqual(expected.map((e) => e.ts));
    expect(new Set(res.lines.map((l) => l.id))).toEqual(new Set(expected.map((e) => e.id)));
    expect(res.truncated).toBe(events.length > 300);
    expect(res.summary.lines).toBe(events.length);
    const line = res.lines.at(-1)!;
    const event = expected.find((e) => e.id === line.id)!;
    expect(line).toMatchObject({
      pod: restart.pod,
      container: event.fields['kubernetes.container_name'],
      containerId: event.fields['docker.container_id'],
      node: event.fields['kubernetes.host'],
      stream: event.fields.stream,
      message: event.fields.log,
    });
  });

  it('pages: a first screenful, then older pages from its cursor, make the newest `tail` lines, each once and in order', async () => {
    const events = podEvents(restart.namespace, restart.pod);
    const tail = 700;
    expect(events.length).toBeGreaterThan(tail);
    const scope = { namespace: restart.namespace, pod: restart.pod };
    const first = await podLogs({ ...scope, ...DAY_RANGE, tail, page: 250 });
    expect(first.lines.length).toBe(250);
    expect(first.truncated).toBe(true);
    expect(first.summary.lines).toBe(events.length);
    const range = { since: String(first.range.from), until: String(first.range.to) };
    let lines = first.lines;
    let older = first.older;
    const sizes: number[] = [];
    while (older && lines.length < tail) {
      const size = Math.min(200, tail - lines.length);
      const { status, json } = await podLinesRaw({ ...scope, ...range, before: older, size });
      expect(status, JSON.stringify(json)).toBe(200);
      const page = json as PodLinesResponse;
      sizes.push(page.lines.length);
      lines = [...page.lines, ...lines];
      older = page.older;
    }
    expect(sizes).toEqual([200, 200, 50]);
    // More lines of the range remain older than the tail: the last page says where they continue.
    expect(older).not.toBeNull();
    const expected = events.slice(-tail);
    // The generator's order within one millisecond is not asserted here (see the test above): times and the set.
    expect(lines.map((l) => Date.parse(l.timestamp))).toEqual(expected.map((e) => e.ts));
    expect(new Set(lines.map((l) => l.id))).toEqual(new Set(expected.map((e) => e.id)));
    expect(new Set(lines.map((l) => l.id)).size).toBe(tail);
    // The whole tail in one answer is the same lines.
    const whole = await podLogs({ ...scope, ...DAY_RANGE, tail });
    expect(whole.lines.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    expect(whole.older).not.toBeNull();
  });

  it('reads the oldest page to its end: no cursor after the first line of the range', async () => {
    const from = restart.at - 600_000;
    const to = restart.at + 600_000;
    const events = podEvents(restart.namespace, restart.pod, from, to);
    const scope = { namespace: restart.namespace, pod: restart.pod, since: iso(from), until: iso(to) };
    const first = await podLogs({ ...scope, tail: 5000, page: Math.max(1, events.length - 3) });
    expect(first.older).not.toBeNull();
    const { json } = await podLinesRaw({ ...scope, before: first.older, size: 100 });
    const page = json as PodLinesResponse;
    const all = [...page.lines, ...first.lines];
    expect(all.map((l) => Date.parse(l.timestamp))).toEqual(events.map((e) => e.ts));
    expect(new Set(all.map((l) => l.id))).toEqual(new Set(events.map((e) => e.id)));
    expect(page.older).toBeNull();
  });

  it.each([
    [{ before: 'bm90LWEtY3Vyc29y' }, 'before'],
    [{ before: '' }, 'before'],
    [{ before: 'x'.repeat(513) }, 'before'],
    [{ size: 0 }, 'size'],
    [{ size: 5001 }, 'size'],
    [{ before: Buffer.from(JSON.stringify(['2026-11-20T00:00:00Z', 'logstash-*', 1])).toString('base64url') }, 'before'],
  ])('older lines %j → 400 at %s', async (body, path) => {
    const { status, json } = await podLinesRaw({ namespace: 'a', pod: 'b', before: 'W10', ...body });
    expect(status).toBe(400);
    expect((json as { error: { path: string } }).error).toMatchObject({ path });
  });

  it('narrows to since/until (date math against the dataset end) and one container', async () => {
    const from = restart.at - 3_600_000;
    const to = restart.at + 3_600_000;
    const expected = podEvents(restart.namespace, restart.pod, from, to).filter(
      (e) => e.fields['kubernetes.container_name'] === restart.container,
    );
    const res = await podLogs({
      namespace: restart.namespace,
      pod: restart.pod,
      container: restart.container,
      since: `${iso(restart.at)}||-1h`,
      until: iso(to),
      tail: 5000,
    });
    expect(res.lines.length).toBe(expected.length);
    expect(res.truncated).toBe(false);
    expect(res.summary.restarts.map((r) => r.containerId)).toContain(restart.containerId);
  });

  it('answers an unknown pod with no lines, not an error', async () => {
    const res = await podLogs({ namespace: 'payments', pod: 'no-such-pod', ...DAY_RANGE });
    expect(res.lines).toEqual([]);
    expect(res.summary).toMatchObject({ lines: 0, gone: null, firstLine: null });
  });

  it.each([
    [{ pod: 'x' }, 'namespace'],
    [{ namespace: 'a', pod: 'Bad_Name' }, 'pod'],
    [{ namespace: 'a', pod: 'b', tail: 0 }, 'tail'],
    [{ namespace: 'a', pod: 'b', tail: 5001 }, 'tail'],
    [{ namespace: 'a', pod: 'b', page: 0 }, 'page'],
    [{ namespace: 'a', pod: 'b', container: 'a.b' }, 'container'],
    [{ namespace: 'a', pod: 'b', since: 'yesterday' }, 'since'],
    [{ namespace: 'a', pod: 'b', until: 'now-', since: 'now-1h' }, 'until'],
    [{ namespace: 'a', pod: 'b', since: 'now', until: 'now-1h' }, 'since'],
    [{ namespace: 'a', pod: 'b', source: 'nope' }, 'source'],
    [{ namespace: 'a', pod: 'b', query: 'x' }, 'query'],
  ])('%j → 400 at %s', async (body, path) => {
    const { status, json } = await podLogsRaw(body);
    expect(status).toBe(400);
    expect((json as { error: { path: string; message: string } }).error).toMatchObject({ path });
  });
});

describe('POST /api/pod-logs: evictions', () => {
  const evictions = seededEvictions();

  it('the test data holds evictions to follow', () => {
    expect(evictions.length).toBeGreaterThanOrEqual(1);
  });

  it.each(evictions.map((e) => [e.from.pod, e.to.pod, e] as const))(
    '%s is gone and points to %s, which points back',
    async (_a, _b, eviction) => {
      const old = podEvents(eviction.namespace, eviction.from.pod);
      const res = await podLogs({ namespace: eviction.namespace, pod: eviction.from.pod, ...DAY_RANGE, tail: 1 });
      expect(res.summary.gone).toEqual({ lastLine: iso(lastTs(old)), node: eviction.from.node });
      expect(res.successor).toMatchObject({
        pod: eviction.to.pod,
        node: eviction.to.node,
        at: iso(podEvents(eviction.namespace, eviction.to.pod)[0]!.ts),
      });
      const next = await podLogs({ namespace: eviction.namespace, pod: eviction.to.pod, ...DAY_RANGE, tail: 1 });
      expect(next.predecessor).toMatchObject({ pod: eviction.from.pod, node: eviction.from.node, at: iso(lastTs(old)) });
    },
  );

  it('does not call a pod that runs to the end of the range gone', async () => {
    const last = evictions.at(-1)!;
    const res = await podLogs({ namespace: last.namespace, pod: last.to.pod, ...DAY_RANGE, tail: 1 });
    expect(res.summary.gone).toBeNull();
    expect(res.successor).toBeNull();
  });
});

describe('POST /api/workload-logs', () => {
  const eviction = seededEvictions()[0]!;
  const name = workloadOfPod(eviction.from.pod)!.name;
  const inWorkload = (pod: unknown) => typeof pod === 'string' && workloadOfPod(pod)?.name === name;

  it('lists every pod of the workload with lines, and interleaves their lines in time', async () => {
    const events = expectedEvents().filter(
      (e) => e.fields['kubernetes.namespace_name'] === eviction.namespace && inWorkload(e.fields['kubernetes.pod_name']),
    );
    const pods = new Set(events.map((e) => String(e.fields['kubernetes.pod_name'])));
    const res = await workloadLogs({ namespace: eviction.namespace, name, ...DAY_RANGE, tail: 500 });
    expect(new Set(res.pods.map((p) => p.pod))).toEqual(pods);
    for (const p of res.pods) expect(p.lines).toBe(events.filter((e) => e.fields['kubernetes.pod_name'] === p.pod).length);
    expect(res.workload.kind).toBe('Deployment');
    const sorted = [...events].sort((a, b) => a.ts - b.ts).slice(-500);
    expect(res.lines.map((l) => Date.parse(l.timestamp))).toEqual(sorted.map((e) => e.ts));
    expect(res.pods.find((p) => p.pod === eviction.from.pod)?.gone?.node).toBe(eviction.from.node);
  });

  it('narrows to the pods asked for', async () => {
    const res = await workloadLogs({ namespace: eviction.namespace, name, pods: [eviction.to.pod], ...DAY_RANGE, tail: 5000 });
    expect(new Set(res.lines.map((l) => l.pod))).toEqual(new Set([eviction.to.pod]));
    expect(res.lines.length).toBe(podEvents(eviction.namespace, eviction.to.pod).length);
  });

  it('is 400 with the path for a bad name', async () => {
    const { status, json } = await workloadLogsRaw({ namespace: 'a', name: '-x' });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { code: 'validation_failed', path: 'name' } });
  });
});

it('the dataset ends where the ranges above end', () => {
  expect(DAY_RANGE.until).toBe(iso(END));
});
