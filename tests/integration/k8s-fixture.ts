/**
 * What the generator did to pods, for the Kubernetes views' tests: container-id changes
 * (restarts) and pods replaced by new ones (evictions), read from the events and the scenario
 * themselves, never from the app. Plus callers of the routes.
 */
import { demoScenario } from '@/lib/demo-cluster';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import type { PodLogsRequestInput, PodLogsResponse, WorkloadLogsRequestInput, WorkloadLogsResponse } from '@/lib/schema/pod-logs';
import { END, expectedEvents, type ExpectedEvent } from './search-fixture';

export const DAY_RANGE = { since: new Date(END - 86_400_000).toISOString(), until: new Date(END).toISOString() };

const POD = 'kubernetes.pod_name';
const CONTAINER = 'kubernetes.container_name';
const NS = 'kubernetes.namespace_name';
const CID = 'docker.container_id';

export interface SeededRestart {
  namespace: string;
  pod: string;
  container: string;
  previousContainerId: string;
  containerId: string;
  /** First line of the new instance, epoch ms. */
  at: number;
  previousLines: number;
}

/** Each change of container id within one pod and container, in the order the events were written. */
export function seededRestarts(events: readonly ExpectedEvent[] = expectedEvents()): SeededRestart[] {
  const ordered = [...events].filter((e) => e.fields[POD] !== undefined).sort((a, b) => a.ts - b.ts);
  const current = new Map<string, { id: string; lines: number }>();
  const restarts: SeededRestart[] = [];
  for (const e of ordered) {
    const key = `${String(e.fields[NS])}/${String(e.fields[POD])}/${String(e.fields[CONTAINER])}`;
    const id = String(e.fields[CID]);
    const seen = current.get(key);
    if (seen && seen.id !== id) {
      const [namespace = '', pod = '', container = ''] = key.split('/');
      restarts.push({ namespace, pod, container, previousContainerId: seen.id, containerId: id, at: e.ts, previousLines: seen.lines });
      current.set(key, { id, lines: 1 });
    } else if (seen) seen.lines++;
    else current.set(key, { id, lines: 1 });
  }
  return restarts;
}

export interface SeededEviction {
  namespace: string;
  from: { pod: string; node: string };
  to: { pod: string; node: string };
}

/** Pods the scenario replaced: consecutive instances of one replica. */
export function seededEvictions(): SeededEviction[] {
  const { cluster } = demoScenario({ ...TEST_DATASET, end: new Date(TEST_DATASET.end) });
  const out: SeededEviction[] = [];
  for (const replica of cluster.replicas) {
    for (let i = 1; i < replica.instances.length; i++) {
      const a = replica.instances[i - 1];
      const b = replica.instances[i];
      if (!a || !b) continue;
      out.push({
        namespace: replica.workload.namespace,
        from: { pod: a.podName, node: a.node.name },
        to: { pod: b.podName, node: b.node.name },
      });
    }
  }
  return out;
}

export function podEvents(namespace: string, pod: string, from = END - 86_400_000, to = END): ExpectedEvent[] {
  return expectedEvents()
    .filter((e) => e.fields[NS] === namespace && e.fields[POD] === pod && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts);
}

type Handler = (request: Request) => Promise<Response>;

async function call(handler: Handler, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await handler(
    new Request('http://app.test/api', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  );
  return { status: res.status, json: await res.json() };
}

export async function podLogsRaw(body: unknown) {
  return call((await import('@/app/api/pod-logs/route')).POST, body);
}

export async function podLogs(body: PodLogsRequestInput): Promise<PodLogsResponse> {
  const { status, json } = await podLogsRaw(body);
  if (status !== 200) throw new Error(`pod-logs failed: HTTP ${status} ${JSON.stringify(json)}`);
  return json as PodLogsResponse;
}

export async function workloadLogsRaw(body: unknown) {
  return call((await import('@/app/api/workload-logs/route')).POST, body);
}

export async function workloadLogs(body: WorkloadLogsRequestInput): Promise<WorkloadLogsResponse> {
  const { status, json } = await workloadLogsRaw(body);
  if (status !== 200) throw new Error(`workload-logs failed: HTTP ${status} ${JSON.stringify(json)}`);
  return json as WorkloadLogsResponse;
}
