import { describe, expect, it } from 'vitest';
import { buildCluster } from '@/lib/demo-cluster/cluster';
import { Rng } from '@/lib/demo-cluster/prng';
import { podBelongsTo, workloadOfPod } from '@/lib/k8s/workload';

describe('workloadOfPod', () => {
  it.each([
    ['payments-api-7d9c5b8f4d-x2x1k', undefined, null],
    ['payments-api-pmrz8kdlv7-56dvk', undefined, { kind: 'Deployment', name: 'payments-api' }],
    ['catalog-db-0', undefined, { kind: 'StatefulSet', name: 'catalog-db' }],
    ['alertmanager-main-12', undefined, { kind: 'StatefulSet', name: 'alertmanager-main' }],
    ['kube-proxy-8fj2k', undefined, { kind: 'DaemonSet', name: 'kube-proxy' }],
    ['kube-proxy-8fj2a', undefined, null],
    ['kube-proxy-bfj2k', undefined, { kind: 'DaemonSet', name: 'kube-proxy' }],
    ['my-agent', undefined, null],
    ['count-log-1', undefined, { kind: 'StatefulSet', name: 'count-log' }],
    ['web-7d9c5b8f4d-x2x1k', '7d9c5b8f4d', { kind: 'Deployment', name: 'web' }],
    ['nginx', undefined, null],
    ['job-01', undefined, null],
  ])('%s (hash %s) → %j', (pod, hash, expected) => {
    expect(workloadOfPod(pod, hash)).toEqual(expected);
  });

  it('names every pod the demo generator makes after its workload, with its kind', () => {
    const cluster = buildCluster(new Rng(7), Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2), 0);
    let pods = 0;
    for (const replica of cluster.replicas) {
      for (const instance of replica.instances) {
        pods++;
        expect(workloadOfPod(instance.podName)).toEqual({ kind: replica.workload.kind, name: replica.workload.name });
        expect(podBelongsTo(instance.podName, replica.workload.name)).toBe(true);
      }
    }
    expect(pods).toBeGreaterThan(30);
  });
});
