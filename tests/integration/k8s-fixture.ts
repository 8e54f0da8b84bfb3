/**
 * The Kubernetes views' tests: what the generator did to pods (lib/demo-cluster/k8s-expectations.ts)
 * over the test dataset, and callers of the routes.
 */
import {
  seededEvictions as evictionsOf,
  seededRestarts as restartsIn,
  type SeededEviction,
  type SeededRestart,
} from '@/lib/demo-cluster/k8s-expectations';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import type { PodLogsRequestInput, PodLogsResponse, WorkloadLogsRequestInput, WorkloadLogsResponse } from '@/lib/schema/pod-logs';
import { END, expectedEvents, type ExpectedEvent } from './search-fixture';

export const DAY_RANGE = { since: new Date(END - 86_400_000).toISOString(), until: new Date(END).toISOString() };

const POD = 'kubernetes.pod_name';
const NS = 'kubernetes.namespace_name';

export function seededRestarts(events: readonly ExpectedEvent[] = expectedEvents()): SeededRestart[] {
  return restartsIn(events);
}

export function seededEvictions(): SeededEviction[] {
  return evictionsOf({ ...TEST_DATASET, end: new Date(TEST_DATASET.end) });
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

export async function podLinesRaw(body: unknown) {
  return call((await import('@/app/api/pod-logs/lines/route')).POST, body);
}

export async function workloadLogsRaw(body: unknown) {
  return call((await import('@/app/api/workload-logs/route')).POST, body);
}

export async function workloadLogs(body: WorkloadLogsRequestInput): Promise<WorkloadLogsResponse> {
  const { status, json } = await workloadLogsRaw(body);
  if (status !== 200) throw new Error(`workload-logs failed: HTTP ${status} ${JSON.stringify(json)}`);
  return json as WorkloadLogsResponse;
}
