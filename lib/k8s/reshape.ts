/**
 * The engine's answers for the Kubernetes views → app shapes, in one place: lines from hits,
 * instance rows and pod spans from aggregations.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { InstanceRow } from '@/lib/k8s/instances';
import type { InstanceLevel, Meanings } from '@/lib/k8s/pod-query';
import type { LogLine } from '@/lib/schema/pod-logs';
import { flattenSource, messageText } from '@/lib/search/flatten';

type Aggs = Record<string, estypes.AggregationsAggregate> | undefined;
interface Bucket {
  key: unknown;
  key_as_string?: string;
  doc_count: number;
  [agg: string]: unknown;
}

function buckets(agg: unknown): Bucket[] {
  const b = (agg as { buckets?: Bucket[] | Record<string, Bucket> } | undefined)?.buckets;
  if (!b) return [];
  return Array.isArray(b) ? b : Object.values(b);
}

const keyOf = (b: Bucket) => b.key_as_string ?? String(b.key);
const metric = (agg: unknown) => (agg as { value?: number | null } | undefined)?.value ?? null;
const topKey = (agg: unknown) => {
  const first = buckets(agg)[0];
  return first ? keyOf(first) : '';
};

/** The fields a line needs from `_source`. */
export function lineSourceFields(meanings: Meanings, messageFields: readonly string[], timeField: string): string[] {
  const names = [timeField, ...messageFields];
  for (const m of ['pod', 'container', 'container_id', 'node', 'stream', 'level'] as const) {
    const f = meanings[m];
    if (f) names.push(f);
  }
  return [...new Set(names)];
}

const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Hits (newest first) → lines oldest first. */
export function linesFromHits(
  hits: readonly estypes.SearchHit<unknown>[],
  meanings: Meanings,
  messageFields: readonly string[],
): LogLine[] {
  const lines: LogLine[] = [];
  for (let i = hits.length - 1; i >= 0; i--) {
    const hit = hits[i] as estypes.SearchHit<unknown>;
    const f = flattenSource(hit._source);
    const messageField = messageFields.find((m) => f[m] !== undefined);
    const line: LogLine = {
      id: hit._id ?? '',
      index: hit._index,
      timestamp: text(hit.sort?.[0]),
      pod: meanings.pod ? text(f[meanings.pod]) : '',
      container: meanings.container ? text(f[meanings.container]) : '',
      containerId: meanings.container_id ? text(f[meanings.container_id]) : '',
      node: meanings.node ? text(f[meanings.node]) : '',
      stream: meanings.stream ? text(f[meanings.stream]) : '',
      message: messageField ? messageText(f[messageField]) : '',
    };
    const level = meanings.level ? f[meanings.level] : undefined;
    if (typeof level === 'string') line.level = level;
    lines.push(line);
  }
  return lines;
}

/** The nested instance aggregation → one row per leaf; `pod` is filled when grouped by pod. */
export function instanceRowsFromAggs(aggs: Aggs, levels: readonly InstanceLevel[]): (InstanceRow & { pod: string })[] {
  const rows: (InstanceRow & { pod: string })[] = [];
  const walk = (container: unknown, depth: number, keys: Record<string, string>) => {
    if (depth === levels.length) {
      const b = container as Bucket;
      const first = metric(b.first);
      const last = metric(b.last);
      if (first === null || last === null) return;
      rows.push({
        pod: keys.pod ?? '',
        podUid: keys.podUid ?? '',
        container: keys.container ?? '',
        containerId: keys.containerId ?? '',
        node: topKey(b.node),
        first,
        last,
        lines: b.doc_count,
      });
      return;
    }
    const level = levels[depth] as InstanceLevel;
    for (const b of buckets((container as Record<string, unknown>)[`l${depth}`])) walk(b, depth + 1, { ...keys, [level.key]: keyOf(b) });
  };
  if (levels.length === 0) {
    // No level to group by: the leaf metrics sit at the top of the aggregations.
    const top = { ...(aggs ?? {}), doc_count: 0 } as unknown as Bucket;
    if (metric(top.first) !== null) walk(top, 0, {});
    return rows;
  }
  walk(aggs ?? {}, 0, {});
  return rows;
}

export interface PodSpan {
  pod: string;
  node: string;
  first: number;
  last: number;
  lines: number;
}

export function podSpansFromAggs(aggs: Aggs): PodSpan[] {
  return buckets(aggs?.pods).flatMap((b) => {
    const first = metric(b.first);
    const last = metric(b.last);
    return first === null || last === null ? [] : [{ pod: keyOf(b), node: topKey(b.node), first, last, lines: b.doc_count }];
  });
}
