/**
 * Engine requests of the Kubernetes views, as pure builders: a pod's (or a workload's) lines,
 * its instances (pod uid → container → container id, with first and last line), and the pods
 * of a workload around a moment (to find who replaced whom). Every size is bounded here.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { FieldMeaning } from '@/lib/sources/profile';
import { buildSort } from '@/lib/search/build-request';

type Query = estypes.QueryDslQueryContainer;
export type Meanings = Partial<Record<FieldMeaning, string>>;

/** Which lines: one namespace, and one pod, a list of pods or every pod whose name starts with a prefix. */
export interface PodScope {
  namespace: string;
  pods?: readonly string[];
  podPrefix?: string;
  container?: string;
}

export const INSTANCE_BUCKETS = { podUids: 20, containers: 50, containerIds: 200 } as const;
export const MAX_WORKLOAD_PODS = 500;

export function scopeFilters(meanings: Meanings, scope: PodScope): Query[] {
  const namespace = meanings.namespace as string;
  const pod = meanings.pod as string;
  const filters: Query[] = [{ term: { [namespace]: scope.namespace } }];
  if (scope.pods) filters.push({ terms: { [pod]: [...scope.pods] } });
  if (scope.podPrefix !== undefined) filters.push({ prefix: { [pod]: scope.podPrefix } });
  if (scope.container !== undefined && meanings.container) filters.push({ term: { [meanings.container]: scope.container } });
  return filters;
}

const rangeFilter = (timeField: string, from: number, to: number): Query => ({
  range: { [timeField]: { gte: from, lte: to, format: 'epoch_millis' } },
});

export interface LinesPlan {
  index: string;
  timeField: string;
  /** `date` in some indices, `date_nanos` in others (lib/sources/profile.ts mixedTimeTypes). */
  mixedTimeTypes?: boolean;
  filters: Query[];
  range: { from: number; to: number };
  /** The newest `size` lines are asked for; the caller reverses them. */
  size: number;
  /** Older lines only: the sort values of the oldest line already sent (lib/k8s/lines-cursor.ts). */
  searchAfter?: estypes.SortResults;
  sourceFields: string[];
  engineTimeout: string;
}

/**
 * The newest lines first (time, index, sequence number, all descending), so `tail` stops early
 * on a time-sorted index; reversed by the caller into the order they were written. Within one
 * index `_seq_no` is the order documents were indexed in, which is the order a shipper sent
 * them — the order the container wrote lines that share a millisecond.
 */
export function buildLinesRequest(plan: LinesPlan): estypes.SearchRequest {
  return {
    index: plan.index,
    size: plan.size,
    sort: buildSort(plan.timeField, 'desc', { mixedTimeTypes: plan.mixedTimeTypes === true }),
    ...(plan.searchAfter ? { search_after: plan.searchAfter } : {}),
    query: { bool: { filter: [...plan.filters, rangeFilter(plan.timeField, plan.range.from, plan.range.to)] } },
    _source: { includes: plan.sourceFields },
    track_total_hits: false,
    timeout: plan.engineTimeout,
    ignore_unavailable: true,
    allow_no_indices: true,
  };
}

export interface InstanceLevel {
  key: 'pod' | 'podUid' | 'container' | 'containerId';
  field: string;
  size: number;
}

/** The nesting of the instance aggregation; a level whose meaning the source lacks is left out. */
export function instanceLevels(meanings: Meanings, byPod = false): InstanceLevel[] {
  const levels: InstanceLevel[] = [];
  if (byPod) levels.push({ key: 'pod', field: meanings.pod as string, size: MAX_WORKLOAD_PODS });
  if (meanings.pod_uid) levels.push({ key: 'podUid', field: meanings.pod_uid, size: INSTANCE_BUCKETS.podUids });
  if (meanings.container) levels.push({ key: 'container', field: meanings.container, size: INSTANCE_BUCKETS.containers });
  if (meanings.container_id) levels.push({ key: 'containerId', field: meanings.container_id, size: INSTANCE_BUCKETS.containerIds });
  return levels;
}

export interface InstancesPlan {
  index: string;
  timeField: string;
  filters: Query[];
  range: { from: number; to: number };
  meanings: Meanings;
  engineTimeout: string;
  /** Group by pod first (the workload view): one more level on top. */
  byPod?: boolean;
}

function leafAggs(timeField: string, node: string | undefined): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    first: { min: { field: timeField } },
    last: { max: { field: timeField } },
  };
  // A pod never moves between nodes; its most frequent node is its node. (No top_metrics: that
  // is an x-pack aggregation the core engine lacks.)
  if (node) aggs.node = { terms: { field: node, size: 1 } };
  return aggs;
}

export function buildInstancesRequest(plan: InstancesPlan): estypes.SearchRequest {
  const levels = instanceLevels(plan.meanings, plan.byPod);
  let aggs = leafAggs(plan.timeField, plan.meanings.node);
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i] as InstanceLevel;
    // `missing` keeps lines without the field (a shipper that dropped it) in an '' bucket.
    aggs = { [`l${i}`]: { terms: { field: level.field, size: level.size, missing: '' }, aggs } };
  }
  return {
    index: plan.index,
    size: 0,
    query: { bool: { filter: [...plan.filters, rangeFilter(plan.timeField, plan.range.from, plan.range.to)] } },
    aggs,
    track_total_hits: false,
    timeout: plan.engineTimeout,
    ignore_unavailable: true,
    allow_no_indices: true,
  };
}

export interface PodsAroundPlan {
  index: string;
  timeField: string;
  meanings: Meanings;
  namespace: string;
  podPrefix: string;
  range: { from: number; to: number };
  engineTimeout: string;
}

/** Every pod whose name starts with the workload's prefix in a window, with its first and last line and node. */
export function buildPodsAroundRequest(plan: PodsAroundPlan): estypes.SearchRequest {
  const filters = scopeFilters(plan.meanings, { namespace: plan.namespace, podPrefix: plan.podPrefix });
  return {
    index: plan.index,
    size: 0,
    query: { bool: { filter: [...filters, rangeFilter(plan.timeField, plan.range.from, plan.range.to)] } },
    aggs: {
      pods: {
        terms: { field: plan.meanings.pod as string, size: MAX_WORKLOAD_PODS },
        aggs: leafAggs(plan.timeField, plan.meanings.node),
      },
    },
    track_total_hits: false,
    timeout: plan.engineTimeout,
    ignore_unavailable: true,
    allow_no_indices: true,
  };
}
