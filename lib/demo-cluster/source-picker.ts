/** Weighted choice of who writes the next line: all sources normally, the failing namespace during an incident. */
import { instanceAt } from './cluster';
import type { Cluster, Replica, Source } from './cluster';
import type { Rng } from './prng';

/** During an incident the ingress shows the failing upstream's 5xx too: this share of the burst. */
const INGRESS_SHARE_OF_INCIDENT = 0.25;

class WeightedList {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly items: Source[],
    weight: (s: Source) => number,
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => {
      sum += weight(item);
      this.cumulative[i] = sum;
    });
  }

  pick(rng: Rng): Source {
    const n = this.items.length;
    const target = rng.next() * (this.cumulative[n - 1] ?? 0);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    const item = this.items[lo];
    if (!item) throw new Error('empty source list');
    return item;
  }
}

export class SourcePicker {
  private readonly all: WeightedList;
  private readonly byIncident = new Map<string, WeightedList>();
  private readonly replicasByWorkload = new Map<string, Replica[]>();

  constructor(private readonly cluster: Cluster) {
    this.all = new WeightedList(cluster.sources, (s) => s.weight);
    for (const replica of cluster.replicas) {
      const key = `${replica.workload.namespace}/${replica.workload.name}`;
      this.replicasByWorkload.set(key, [...(this.replicasByWorkload.get(key) ?? []), replica]);
    }
  }

  pick(rng: Rng): Source {
    return this.all.pick(rng);
  }

  pickForIncident(rng: Rng, namespace: string): Source {
    let list = this.byIncident.get(namespace);
    if (!list) {
      const own = this.cluster.sources.filter((s) => s.kind === 'container' && s.namespace === namespace);
      const ingress = this.cluster.sources.filter((s) => s.kind === 'container' && s.namespace === 'ingress-nginx');
      const ownWeight = own.reduce((sum, s) => sum + s.weight, 0);
      const ingressWeight = ingress.reduce((sum, s) => sum + s.weight, 0);
      const scale = (ownWeight * INGRESS_SHARE_OF_INCIDENT) / (1 - INGRESS_SHARE_OF_INCIDENT) / ingressWeight;
      list = new WeightedList([...own, ...ingress], (s) =>
        s.kind === 'container' && s.namespace === namespace ? s.weight : s.weight * scale,
      );
      this.byIncident.set(namespace, list);
    }
    return list.pick(rng);
  }

  /** The IP of one running pod of the workload (what ingress-nginx proxies to), if any is up. */
  podIpOf(rng: Rng, namespace: string, workload: string, ts: number): string | undefined {
    const replicas = this.replicasByWorkload.get(`${namespace}/${workload}`);
    if (!replicas || replicas.length === 0) return undefined;
    const replica = rng.pick(replicas);
    return instanceAt(replica, ts)?.podIp;
  }
}
