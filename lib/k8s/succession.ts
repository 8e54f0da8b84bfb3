/**
 * Who replaced whom: after an eviction (or a deletion, or a node that died) the controller
 * makes a new pod of the same workload — a new name, maybe on another node — that starts after
 * the old one's last line. Pure: decides from pod spans (first and last line of each pod of
 * the workload around that moment).
 */
import type { PodSpan } from '@/lib/k8s/reshape';
import { workloadOfPod, type WorkloadRef } from '@/lib/k8s/workload';

/** Clock skew between nodes and shipper batching: how far before the old pod's end a successor may start. */
export const SUCCESSION_SLACK_MS = 5_000;
/** How far around the moment to look for the other pod. */
export const SUCCESSOR_WINDOW_MS = 60 * 60_000;
/** A successor is new: it has no line this long before the old pod ended. */
export const HISTORY_WINDOW_MS = 24 * 60 * 60_000;

function sameWorkload(pod: string, workload: WorkloadRef): boolean {
  const other = workloadOfPod(pod);
  return other !== null && other.kind === workload.kind && other.name === workload.name;
}

/**
 * The successor of a pod that ended at `lastLine`: among the workload's other pods (spans over
 * [lastLine − HISTORY_WINDOW_MS, lastLine + SUCCESSOR_WINDOW_MS]), the first one to start at or
 * after the end (less the slack). A DaemonSet's replacement runs on the same node.
 */
export function pickSuccessor(
  spans: readonly PodSpan[],
  self: { pod: string; node: string; lastLine: number },
  workload: WorkloadRef,
): PodSpan | null {
  let best: PodSpan | null = null;
  for (const span of spans) {
    if (span.pod === self.pod || !sameWorkload(span.pod, workload)) continue;
    if (span.first < self.lastLine - SUCCESSION_SLACK_MS) continue;
    if (workload.kind === 'DaemonSet' && self.node && span.node !== self.node) continue;
    if (!best || span.first < best.first) best = span;
  }
  return best;
}

/**
 * The predecessor of a pod that began at `firstLine`: among the workload's other pods (spans
 * over [firstLine − SUCCESSOR_WINDOW_MS, firstLine + HISTORY_WINDOW_MS]), the last one to end
 * at or before the start (plus the slack), having ended within the window before it.
 */
export function pickPredecessor(
  spans: readonly PodSpan[],
  self: { pod: string; node: string; firstLine: number },
  workload: WorkloadRef,
): PodSpan | null {
  let best: PodSpan | null = null;
  for (const span of spans) {
    if (span.pod === self.pod || !sameWorkload(span.pod, workload)) continue;
    if (span.last > self.firstLine + SUCCESSION_SLACK_MS) continue;
    if (workload.kind === 'DaemonSet' && self.node && span.node !== self.node) continue;
    if (!best || span.last > best.last) best = span;
  }
  return best;
}

/** The pod-name prefix every pod of the workload shares (`payments-api-`), for a prefix query. */
export function workloadPodPrefix(workload: WorkloadRef): string {
  return `${workload.name}-`;
}
