/**
 * Which workload a pod belongs to, from its name (and labels when the shipper kept them), the
 * way the controllers name their pods:
 * - Deployment (through its ReplicaSet): `<name>-<pod-template-hash>-<5 chars>`;
 * - StatefulSet: `<name>-<ordinal>`;
 * - DaemonSet (and a bare ReplicaSet): `<name>-<5 chars>`.
 * The hash and the suffix are drawn from the alphabet Kubernetes uses for generated names (no
 * vowels, no 0/1/3), so ordinary words like `proxy` or `agent` are not mistaken for them. Pure.
 */

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface WorkloadRef {
  kind: WorkloadKind;
  name: string;
}

/** k8s.io/apimachinery's SafeEncodeString alphabet: what generated name parts are made of. */
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';
const DEPLOYMENT_POD = new RegExp(`^(.+)-(${SAFE}{6,10})-(${SAFE}{5})$`);
const STATEFUL_POD = /^(.+)-(0|[1-9][0-9]{0,5})$/;
const DAEMON_POD = new RegExp(`^(.+)-(${SAFE}{5})$`);

/**
 * The workload of a pod, or null when its name follows none of the patterns (a bare pod).
 * `templateHash` is the `pod-template-hash` label when the documents carry it: with it a
 * Deployment pod is recognised even when the hash is not in the usual alphabet.
 */
export function workloadOfPod(pod: string, templateHash?: string): WorkloadRef | null {
  if (templateHash) {
    const tail = new RegExp(`^(.+)-${escapeRegExp(templateHash)}-[a-z0-9]{5}$`).exec(pod);
    if (tail?.[1]) return { kind: 'Deployment', name: tail[1] };
  }
  const deployment = DEPLOYMENT_POD.exec(pod);
  if (deployment?.[1]) return { kind: 'Deployment', name: deployment[1] };
  const stateful = STATEFUL_POD.exec(pod);
  if (stateful?.[1]) return { kind: 'StatefulSet', name: stateful[1] };
  const daemon = DAEMON_POD.exec(pod);
  if (daemon?.[1]) return { kind: 'DaemonSet', name: daemon[1] };
  return null;
}

/** Whether `pod` is a pod of the workload named `name` (any kind, any template hash). */
export function podBelongsTo(pod: string, name: string): boolean {
  return workloadOfPod(pod)?.name === name;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
