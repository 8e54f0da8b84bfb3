/**
 * The lines around one line, as pure builders: which fields pin the neighbourhood for a scope,
 * and the two searches (backwards and forwards) from the anchor's sort values. Order is the
 * order lines were written: time (nanoseconds), then index, then the index's sequence number
 * (the order the shipper sent them) — the search's own sort (buildSort).
 *
 * No point in time: each direction is one search_after from the anchor's sort values, so there
 * is nothing to keep consistent between pages, and opening and closing one cost two of the four
 * round trips (bench/README.md). What that gives up: (time, index, sequence number) ties only
 * between shards of one index, where two lines with the same time and the same per-shard
 * sequence number as the anchor would be left out of both directions.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { Meanings } from '@/lib/k8s/pod-query';
import { buildSort } from '@/lib/search/build-request';
import type { ContextScope } from '@/lib/schema/context';

/** Where logs with no Kubernetes metadata say where they come from, best first. */
export const NON_KUBERNETES_ORIGIN_FIELDS = ['service', 'service.name', 'host.name', 'host', 'app', 'application'] as const;

/** The fields (with the anchor's values) that pin a scope; an anchor missing one falls back to what it has. */
export function scopeTerms(scope: ContextScope, meanings: Meanings, anchor: Readonly<Record<string, unknown>>): Record<string, string> {
  if (scope === 'all') return {};
  const value = (field: string | undefined) =>
    field && typeof anchor[field] === 'string' && anchor[field] !== '' ? (anchor[field] as string) : null;
  const pick = (fields: (string | undefined)[]) => {
    const terms: Record<string, string> = {};
    for (const f of fields) {
      const v = value(f);
      if (f && v !== null) terms[f] = v;
    }
    return terms;
  };
  const kubernetes = value(meanings.pod) !== null;
  if (!kubernetes) {
    if (scope === 'node') return firstOf(pick([meanings.node, 'host.name', 'host']));
    const origin = NON_KUBERNETES_ORIGIN_FIELDS.find((f) => value(f) !== null);
    return origin ? { [origin]: value(origin) as string } : {};
  }
  switch (scope) {
    case 'instance':
      return pick([meanings.namespace, meanings.pod, meanings.pod_uid, meanings.container, meanings.container_id]);
    case 'pod':
      return pick([meanings.namespace, meanings.pod, meanings.pod_uid]);
    case 'node':
      return pick([meanings.node]);
  }
}

function firstOf(terms: Record<string, string>): Record<string, string> {
  const [entry] = Object.entries(terms);
  return entry ? { [entry[0]]: entry[1] } : {};
}

/** The search's own sort (buildSort: the time conversion only for a source mixing date and date_nanos). */
export function contextSort(timeField: string, order: 'asc' | 'desc', opts: { mixedTimeTypes?: boolean } = {}): estypes.SortCombinations[] {
  return buildSort(timeField, order, opts);
}

export interface ContextPlan {
  /** The source's index pattern. */
  index: string;
  timeField: string;
  /** `date` in some indices, `date_nanos` in others (lib/sources/profile.ts mixedTimeTypes). */
  mixedTimeTypes?: boolean;
  terms: Record<string, string>;
  direction: 'before' | 'after';
  searchAfter: estypes.SortResults;
  size: number;
  sourceFields: string[];
  engineTimeout: string;
  /**
   * Only lines this close (ms) to the anchor's time: the engine then sorts the few lines of a
   * window, not every line of a busy container. Whole when it finds `size`; else the caller
   * reads again without it (CONTEXT_WINDOW_MS).
   */
  window?: { anchorMs: number; ms: number };
}

/** The first try's reach each way: a container writing 50 lines in 10 minutes (most do) needs no second search. */
export const CONTEXT_WINDOW_MS = 10 * 60_000;

/** One direction from the anchor: backwards (newest first, reversed by the caller) or forwards. */
export function buildContextRequest(plan: ContextPlan): estypes.SearchRequest {
  const filter: estypes.QueryDslQueryContainer[] = Object.entries(plan.terms).map(([field, value]) => ({ term: { [field]: value } }));
  if (plan.window) {
    const { anchorMs, ms } = plan.window;
    // Whole milliseconds around the anchor's (nanosecond) time, widened by one so no line of its own millisecond is cut.
    const bound = plan.direction === 'before' ? { gte: anchorMs - ms - 1 } : { lte: anchorMs + ms + 1 };
    filter.push({ range: { [plan.timeField]: { ...bound, format: 'epoch_millis' } } });
  }
  return {
    index: plan.index,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: plan.size,
    sort: contextSort(plan.timeField, plan.direction === 'before' ? 'desc' : 'asc', { mixedTimeTypes: plan.mixedTimeTypes === true }),
    search_after: plan.searchAfter,
    query: { bool: { filter } },
    _source: { includes: plan.sourceFields },
    track_total_hits: false,
    timeout: plan.engineTimeout,
  };
}

/**
 * The anchor itself, to learn its sort values (the place to start from): searched over the
 * source's pattern and pinned to its index, so no index outside the source can be named.
 */
export function buildAnchorRequest(
  pattern: string,
  timeField: string,
  index: string,
  id: string,
  opts: { mixedTimeTypes?: boolean } = {},
): estypes.SearchRequest {
  return {
    index: pattern,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: 1,
    sort: contextSort(timeField, 'asc', opts),
    query: { bool: { filter: [{ ids: { values: [id] } }, { term: { _index: index } }] } },
    track_total_hits: false,
  };
}
