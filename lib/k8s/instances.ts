/**
 * A pod's history from per-instance counts: which container ran under which id, when each
 * restart happened, whether the pod is gone. Pure: the engine's aggregation is read into
 * `InstanceRow`s by the caller.
 */
import type { ContainerInstance, PodSummary, RestartSeparator } from '@/lib/schema/pod-logs';
import { workloadOfPod } from '@/lib/k8s/workload';

/** One (pod uid, container, container id) with its first and last line in the range, epoch ms. */
export interface InstanceRow {
  podUid: string;
  container: string;
  containerId: string;
  node: string;
  first: number;
  last: number;
  lines: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const MIN_QUIET_MS = 5 * 60_000;
export const MAX_QUIET_MS = 60 * 60_000;

/**
 * How long a pod may stay silent before the range ends and still count as running: at least
 * five minutes, or three times its average gap between lines for pods that write rarely (a pod
 * writing every ten minutes is not gone after six), at most an hour.
 */
export function quietAllowance(first: number, last: number, lines: number): number {
  const averageGap = lines > 1 ? (last - first) / (lines - 1) : 0;
  return Math.min(MAX_QUIET_MS, Math.max(MIN_QUIET_MS, 3 * averageGap));
}

/** Restarts: each change of container id within one pod uid and container, in time order. */
export function restartsOf(rows: readonly InstanceRow[]): RestartSeparator[] {
  const byContainer = new Map<string, InstanceRow[]>();
  for (const row of rows) {
    const key = `${row.podUid}\u0000${row.container}`;
    const list = byContainer.get(key);
    if (list) list.push(row);
    else byContainer.set(key, [row]);
  }
  const restarts: RestartSeparator[] = [];
  for (const list of byContainer.values()) {
    list.sort((a, b) => a.first - b.first || a.last - b.last);
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1] as InstanceRow;
      const current = list[i] as InstanceRow;
      // Without container ids there is nothing to tell instances apart by.
      if (!current.containerId || !previous.containerId) continue;
      restarts.push({
        container: current.container,
        podUid: current.podUid,
        at: iso(current.first),
        containerId: current.containerId,
        previousContainerId: previous.containerId,
        previousLastLine: iso(previous.last),
        previousLines: previous.lines,
      });
    }
  }
  return restarts.sort((a, b) => a.at.localeCompare(b.at) || a.container.localeCompare(b.container));
}

/** Everything the views say about one pod in a range, from its instance rows. */
export function summarizePod(namespace: string, pod: string, rows: readonly InstanceRow[], rangeTo: number): PodSummary {
  let first = Infinity;
  let last = -Infinity;
  let lines = 0;
  let lastNode = '';
  const nodes = new Set<string>();
  const containers = new Set<string>();
  for (const row of rows) {
    first = Math.min(first, row.first);
    if (row.last >= last) {
      last = row.last;
      lastNode = row.node;
    }
    lines += row.lines;
    if (row.node) nodes.add(row.node);
    containers.add(row.container);
  }
  const instances: ContainerInstance[] = [...rows]
    .sort((a, b) => a.first - b.first || a.container.localeCompare(b.container))
    .map((r) => ({
      podUid: r.podUid,
      container: r.container,
      containerId: r.containerId,
      node: r.node,
      firstLine: iso(r.first),
      lastLine: iso(r.last),
      lines: r.lines,
    }));
  const any = lines > 0;
  const gone = any && rangeTo - last > quietAllowance(first, last, lines) ? { lastLine: iso(last), node: lastNode } : null;
  return {
    namespace,
    pod,
    workload: workloadOfPod(pod),
    nodes: [...nodes].sort(),
    containers: [...containers].sort(),
    instances,
    restarts: restartsOf(rows),
    firstLine: any ? iso(first) : null,
    lastLine: any ? iso(last) : null,
    lines,
    gone,
  };
}
