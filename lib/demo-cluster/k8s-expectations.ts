/**
 * What the generator did to pods — container restarts (a new container id in the same pod and
 * container) and pods replaced by new ones (evictions) — read from the events and the scenario
 * themselves, for tests of the Kubernetes views. Pure.
 */
import { demoScenario } from './generate';
import type { DemoOptions } from './generate';

export interface FlatEvent {
  id: string;
  ts: number;
  fields: Record<string, unknown>;
}

export interface SeededRestart {
  namespace: string;
  pod: string;
  container: string;
  previousContainerId: string;
  containerId: string;
  /** First line of the new instance, epoch ms. */
  at: number;
  /** Lines the earlier instance wrote (within the events given). */
  previousLines: number;
}

const POD = 'kubernetes.pod_name';
const CONTAINER = 'kubernetes.container_name';
const NS = 'kubernetes.namespace_name';
const CID = 'docker.container_id';

/** Each change of container id within one pod and container, in the order the events were written. */
export function seededRestarts(events: readonly FlatEvent[]): SeededRestart[] {
  const ordered = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.fields[POD] !== undefined)
    .sort((a, b) => a.e.ts - b.e.ts || a.i - b.i)
    .map(({ e }) => e);
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
export function seededEvictions(opts: DemoOptions): SeededEviction[] {
  const { cluster } = demoScenario(opts);
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
