/**
 * The cluster as it lives through the window: pods placed on nodes, containers that restart
 * (same pod, new container id), pods evicted and rescheduled (new pod name and uid, another
 * node), and the lifecycle moments that must show up in the logs (crash output before a
 * restart, start-up lines after it, shutdown lines on eviction).
 */
import { K8S_NAME_ALPHABET, Rng } from './prng';
import { MS_PER_DAY, MS_PER_MINUTE } from './time-format';
import { NODES, PUSHED, WORKLOADS } from './topology';
import type { ContainerSpec, CrashKind, NodeSpec, PushedSpec, WorkloadSpec } from './topology';

export interface ContainerRun {
  spec: ContainerSpec;
  /** When the kubelet started a replacement container, ascending. */
  restarts: number[];
  /** Fluentd's `docker` object for each incarnation: [k] is the container after k restarts. */
  docker: Readonly<{ container_id: string }>[];
  /** Fluentd's `kubernetes` object, shared (frozen) by every document of this container. */
  kubernetes: Readonly<Record<string, unknown>>;
}

export interface PodInstance {
  podName: string;
  podUid: string;
  podIp: string;
  node: NodeSpec;
  /** Alive in [from, to). */
  from: number;
  to: number;
  /** Ordinary lines only between these: before, the start-up lines; after, the shutdown lines. */
  readyAt: number;
  stoppingAt: number;
  containers: ContainerRun[];
}

export interface Replica {
  workload: WorkloadSpec;
  index: number;
  instances: PodInstance[];
}

export type Source =
  | { kind: 'container'; id: number; replica: Replica; container: number; namespace: string; weight: number }
  | { kind: 'pushed'; id: number; pushed: PushedSpec; weight: number };

export type ContainerSource = Extract<Source, { kind: 'container' }>;

export type ScheduledKind = 'crash' | 'startup' | 'shutdown' | 'long-line';

export interface Scheduled {
  ts: number;
  source: ContainerSource;
  kind: ScheduledKind;
  crash?: CrashKind;
}

export interface Cluster {
  sources: Source[];
  replicas: Replica[];
  scheduled: Scheduled[];
}

const RESTARTS_PER_DAY: Record<CrashKind, number> = { 'go-panic': 3, 'java-oom': 2, 'python-traceback': 2 };
const EVICTIONS_PER_DAY = 2;
const PUSHED_SHARE = 0.02;

/** Containers that crash print their last words this long before the replacement starts. */
export const CRASH_LEAD_MS = 1_500;
const STARTUP_DELAY_MS = 2_500;
/** Room left for the start-up lines (written 1 ms apart) before ordinary lines resume. */
const LIFECYCLE_LINES_MS = 100;

export function instanceAt(replica: Replica, ts: number): PodInstance | undefined {
  for (const instance of replica.instances) if (ts >= instance.from && ts < instance.to) return instance;
  return undefined;
}

/** Which incarnation of the container writes at `ts`: the number of restarts at or before it. */
export function incarnationAt(run: ContainerRun, ts: number): number {
  let k = 0;
  while (k < run.restarts.length && (run.restarts[k] ?? Infinity) <= ts) k++;
  return k;
}

export interface LiveContainer {
  instance: PodInstance;
  run: ContainerRun;
  incarnation: number;
}

/**
 * The container a source writes from at `ts`. With `ordinary`, moments when it must stay quiet
 * (between a crash and the replacement's start-up, while starting or being evicted) count as
 * not running, so no ordinary line follows a panic or precedes the start-up banner.
 */
export function liveAt(source: ContainerSource, ts: number, ordinary: boolean): LiveContainer | undefined {
  const instance = instanceAt(source.replica, ts);
  if (!instance) return undefined;
  if (ordinary && (ts < instance.readyAt + LIFECYCLE_LINES_MS || ts >= instance.stoppingAt)) return undefined;
  const run = instance.containers[source.container];
  if (!run) return undefined;
  const incarnation = incarnationAt(run, ts);
  if (ordinary) {
    const next = run.restarts[incarnation];
    if (next !== undefined && ts >= next - CRASH_LEAD_MS) return undefined;
    const previous = run.restarts[incarnation - 1];
    if (previous !== undefined && ts < previous + STARTUP_DELAY_MS + LIFECYCLE_LINES_MS) return undefined;
  }
  return { instance, run, incarnation };
}

export function buildCluster(rng: Rng, start: number, end: number, longLines: number): Cluster {
  const span = end - start;
  const days = span / MS_PER_DAY;
  const imageIds = new Map<string, string>();
  const namespaceIds = new Map<string, string>();
  const usedIps = new Set<string>();
  const ctx: BuildContext = { rng, imageIds, namespaceIds, usedIps };

  const replicas: Replica[] = [];
  const sources: Source[] = [];
  for (const workload of WORKLOADS) {
    const templateHash = rng.chars(K8S_NAME_ALPHABET, 10);
    const count = workload.kind === 'DaemonSet' ? NODES.length : workload.replicas;
    for (let index = 0; index < count; index++) {
      const node = workload.kind === 'DaemonSet' ? NODES[index] : rng.pick(NODES);
      if (!node) throw new Error('no node for DaemonSet pod');
      const podStart = start - rng.between(2, 30 * 24 * 60) * MS_PER_MINUTE;
      const instance = makeInstance(ctx, workload, index, templateHash, node, podStart);
      const replica: Replica = { workload, index, instances: [instance] };
      replicas.push(replica);
      workload.containers.forEach((spec, container) => {
        const weight = (workload.weight * spec.share) / count;
        sources.push({ kind: 'container', id: sources.length, replica, container, namespace: workload.namespace, weight });
      });
    }
  }
  const containerWeight = sources.reduce((sum, s) => sum + s.weight, 0);
  const pushedWeight = PUSHED.reduce((sum, p) => sum + p.weight, 0);
  for (const pushed of PUSHED) {
    const weight = (containerWeight * PUSHED_SHARE * pushed.weight) / pushedWeight;
    sources.push({ kind: 'pushed', id: sources.length, pushed, weight });
  }

  const scheduled: Scheduled[] = [];
  const containerSources = sources.filter((s): s is ContainerSource => s.kind === 'container');
  planRestarts(rng, containerSources, start, span, days, scheduled);
  planEvictions(ctx, containerSources, start, span, days, scheduled);
  const longLineSources = containerSources.filter((s) => s.replica.workload.name === 'catalog-api');
  for (let i = 0; i < longLines; i++) {
    scheduled.push({ ts: Math.floor(start + span * (0.02 + 0.96 * rng.next())), source: rng.pick(longLineSources), kind: 'long-line' });
  }
  scheduled.sort((a, b) => a.ts - b.ts || a.source.id - b.source.id);
  return { sources, replicas, scheduled };
}

interface BuildContext {
  rng: Rng;
  imageIds: Map<string, string>;
  namespaceIds: Map<string, string>;
  usedIps: Set<string>;
}

function makeInstance(
  ctx: BuildContext,
  workload: WorkloadSpec,
  index: number,
  templateHash: string,
  node: NodeSpec,
  from: number,
): PodInstance {
  const { rng } = ctx;
  const suffix = rng.chars(K8S_NAME_ALPHABET, 5);
  const podName =
    workload.kind === 'Deployment'
      ? `${workload.name}-${templateHash}-${suffix}`
      : workload.kind === 'StatefulSet'
        ? `${workload.name}-${index}`
        : `${workload.name}-${suffix}`;
  const podUid = rng.uuid();
  const podIp = workload.hostNetwork ? node.ip : freshPodIp(ctx, node);
  const labels: Record<string, string> = { app: workload.name };
  if (workload.kind === 'Deployment') labels['pod-template-hash'] = templateHash;
  else labels['controller-revision-hash'] = workload.kind === 'StatefulSet' ? `${workload.name}-${templateHash}` : templateHash;
  if (workload.kind === 'StatefulSet') labels['statefulset_kubernetes_io/pod-name'] = podName;
  let namespaceId = ctx.namespaceIds.get(workload.namespace);
  if (!namespaceId) ctx.namespaceIds.set(workload.namespace, (namespaceId = rng.uuid()));
  const containers = workload.containers.map((spec): ContainerRun => {
    let imageId = ctx.imageIds.get(spec.image);
    if (!imageId) ctx.imageIds.set(spec.image, (imageId = `${spec.image.replace(/:[^:/]+$/, '')}@sha256:${rng.hex(64)}`));
    const kubernetes = Object.freeze({
      container_name: spec.name,
      namespace_name: workload.namespace,
      pod_name: podName,
      container_image: spec.image,
      container_image_id: imageId,
      pod_id: podUid,
      pod_ip: podIp,
      host: node.name,
      labels: Object.freeze({ ...labels }),
      namespace_id: namespaceId,
    });
    return { spec, restarts: [], docker: [Object.freeze({ container_id: rng.hex(64) })], kubernetes };
  });
  return { podName, podUid, podIp, node, from, to: Infinity, readyAt: from, stoppingAt: Infinity, containers };
}

function freshPodIp(ctx: BuildContext, node: NodeSpec): string {
  for (;;) {
    const ip = `10.244.${node.podSubnet}.${ctx.rng.between(2, 254)}`;
    if (!ctx.usedIps.has(ip)) {
      ctx.usedIps.add(ip);
      return ip;
    }
  }
}

function planRestarts(rng: Rng, sources: ContainerSource[], start: number, span: number, days: number, out: Scheduled[]): void {
  const byWorkload = new Map<WorkloadSpec, ContainerSource[]>();
  for (const s of sources) {
    if (!s.replica.workload.containers[s.container]?.crash) continue;
    byWorkload.set(s.replica.workload, [...(byWorkload.get(s.replica.workload) ?? []), s]);
  }
  for (const [workload, candidates] of byWorkload) {
    const crash = workload.containers.find((c) => c.crash)?.crash;
    if (!crash) continue;
    const count = Math.max(1, Math.round(days * RESTARTS_PER_DAY[crash]));
    for (let i = 0; i < count; i++) {
      const source = rng.pick(candidates);
      const run = source.replica.instances[0]?.containers[source.container];
      if (!run) continue;
      // Inside the window with room on both sides, so the old and the new container both log.
      const at = Math.floor(start + span * (0.04 + 0.92 * rng.next()));
      if (run.restarts.some((r) => Math.abs(r - at) < 5 * MS_PER_MINUTE)) continue;
      run.restarts.push(at);
      out.push({ ts: at - CRASH_LEAD_MS, source, kind: 'crash', crash });
      out.push({ ts: at + STARTUP_DELAY_MS, source, kind: 'startup' });
    }
  }
  for (const s of sources) {
    const run = s.replica.instances[0]?.containers[s.container];
    if (!run || run.restarts.length === 0 || run.docker.length > 1) continue;
    run.restarts.sort((a, b) => a - b);
    for (let k = 0; k < run.restarts.length; k++) run.docker.push(Object.freeze({ container_id: rng.hex(64) }));
  }
}

function planEvictions(ctx: BuildContext, sources: ContainerSource[], start: number, span: number, days: number, out: Scheduled[]): void {
  const { rng } = ctx;
  const evictable = [...new Set(sources.filter((s) => s.replica.workload.evictable).map((s) => s.replica))];
  if (evictable.length === 0) return;
  const count = Math.max(1, Math.round(days * EVICTIONS_PER_DAY));
  const times = Array.from({ length: count }, () => Math.floor(start + span * (0.04 + 0.92 * rng.next()))).sort((a, b) => a - b);
  for (const at of times) {
    const replica = rng.pick(evictable);
    const current = replica.instances[replica.instances.length - 1];
    if (!current || at < current.from + 10 * MS_PER_MINUTE) continue;
    current.to = at + 2_000;
    current.stoppingAt = at;
    const node = rng.pick(NODES.filter((n) => n !== current.node));
    const templateHash = replica.workload.kind === 'Deployment' ? (current.podName.split('-').at(-2) ?? '') : '';
    const next = makeInstance(ctx, replica.workload, replica.index, templateHash, node, at + rng.between(4_000, 25_000));
    next.readyAt = next.from + 800;
    replica.instances.push(next);
    for (const s of sources) {
      if (s.replica !== replica) continue;
      out.push({ ts: at, source: s, kind: 'shutdown' });
      out.push({ ts: next.readyAt, source: s, kind: 'startup' });
    }
  }
}
