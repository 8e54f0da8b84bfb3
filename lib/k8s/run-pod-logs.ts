/**
 * POST /api/pod-logs and /api/workload-logs behind the routes: resolve the source and range,
 * ask the engine (lines and instances in parallel, then who replaced whom), reshape. The only
 * module of lib/k8s with I/O.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { queryErrorFromShardFailures } from '@/lib/es/client';
import { quietAllowance, summarizePod } from '@/lib/k8s/instances';
import {
  buildInstancesRequest,
  buildLinesRequest,
  buildPodsAroundRequest,
  instanceLevels,
  scopeFilters,
  type Meanings,
  type PodScope,
} from '@/lib/k8s/pod-query';
import { decodeLinesCursor, encodeLinesCursor, type LinesCursor } from '@/lib/k8s/lines-cursor';
import { resolveLogsRange } from '@/lib/k8s/range';
import { instanceRowsFromAggs, lineSourceFields, linesFromHits, podSpansFromAggs } from '@/lib/k8s/reshape';
import { HISTORY_WINDOW_MS, pickPredecessor, pickSuccessor, SUCCESSOR_WINDOW_MS, workloadPodPrefix } from '@/lib/k8s/succession';
import { workloadOfPod, type WorkloadRef } from '@/lib/k8s/workload';
import type {
  LogLine,
  PodLinesRequest,
  PodLinesResponse,
  PodLogsRequest,
  PodLogsResponse,
  PodRef,
  WorkloadLogsRequest,
  WorkloadLogsResponse,
} from '@/lib/schema/pod-logs';
import { searchTimeouts } from '@/lib/search/run-search';
import { findSource, messageFieldsOf, mixedTimeTypes, sourceFields, type LogSource } from '@/lib/sources';

export interface LogsContext {
  client: Client;
  signal: AbortSignal;
  startedAt: number;
  now?: number;
}

interface Resolved {
  source: LogSource;
  meanings: Meanings;
  messageFields: string[];
  mixedTimeTypes: boolean;
  engineTimeout: string;
}

async function resolveSource(id: string | undefined): Promise<Resolved> {
  const source = findSource(id);
  const fields = await sourceFields(source);
  for (const meaning of ['namespace', 'pod'] as const) {
    if (!fields.meanings[meaning]) {
      throw new ApiError(400, 'unknown_field', `source "${source.id}" has no ${meaning} field: its logs carry no Kubernetes metadata`, {
        path: 'source',
      });
    }
  }
  return {
    source,
    meanings: fields.meanings,
    messageFields: messageFieldsOf(fields),
    mixedTimeTypes: mixedTimeTypes(fields, source.timeField),
    engineTimeout: `${searchTimeouts().engineMs}ms`,
  };
}

async function search(ctx: LogsContext, request: estypes.SearchRequest): Promise<estypes.SearchResponse<unknown>> {
  const body = await ctx.client.search(request, { signal: ctx.signal });
  const failure = queryErrorFromShardFailures(body._shards.failures);
  if (failure) throw failure;
  return body;
}

/**
 * The newest `size` lines of the range (older than `before` when given), oldest first, and where
 * older ones continue. One more than asked is read to know whether there are any.
 */
async function readLines(
  ctx: LogsContext,
  r: Resolved,
  filters: ReturnType<typeof scopeFilters>,
  range: { from: number; to: number },
  size: number,
  before?: LinesCursor,
) {
  const body = await search(
    ctx,
    buildLinesRequest({
      index: r.source.indexPattern,
      timeField: r.source.timeField,
      mixedTimeTypes: r.mixedTimeTypes,
      filters,
      range,
      size: size + 1,
      ...(before ? { searchAfter: before } : {}),
      sourceFields: lineSourceFields(r.meanings, r.messageFields, r.source.timeField),
      engineTimeout: r.engineTimeout,
    }),
  );
  const hits = body.hits.hits;
  const truncated = hits.length > size;
  const kept = truncated ? hits.slice(0, size) : hits;
  return {
    lines: linesFromHits(kept, r.meanings, r.messageFields),
    truncated,
    older: truncated ? encodeLinesCursor(kept.at(-1)?.sort) : null,
  };
}

const toRef = (span: { pod: string; node: string }, at: number): PodRef => ({
  pod: span.pod,
  node: span.node,
  at: new Date(at).toISOString(),
});

async function podsAround(ctx: LogsContext, r: Resolved, namespace: string, workload: WorkloadRef, from: number, to: number, now: number) {
  const body = await search(
    ctx,
    buildPodsAroundRequest({
      index: r.source.indexPattern,
      timeField: r.source.timeField,
      meanings: r.meanings,
      namespace,
      podPrefix: workloadPodPrefix(workload),
      range: { from, to: Math.min(to, Math.max(now, from)) },
      engineTimeout: r.engineTimeout,
    }),
  );
  return podSpansFromAggs(body.aggregations);
}

export async function runPodLogs(req: PodLogsRequest, ctx: LogsContext): Promise<PodLogsResponse> {
  const r = await resolveSource(req.source);
  const now = ctx.now ?? Date.now();
  const range = resolveLogsRange(req.since, req.until, now);
  const scope: PodScope = { namespace: req.namespace, pods: [req.pod], ...(req.container ? { container: req.container } : {}) };
  const filters = scopeFilters(r.meanings, scope);
  const [page, instances] = await Promise.all([
    readLines(ctx, r, filters, range, Math.min(req.page ?? req.tail, req.tail)),
    search(
      ctx,
      buildInstancesRequest({
        index: r.source.indexPattern,
        timeField: r.source.timeField,
        filters,
        range,
        meanings: r.meanings,
        engineTimeout: r.engineTimeout,
      }),
    ),
  ]);
  const rows = instanceRowsFromAggs(instances.aggregations, instanceLevels(r.meanings));
  const summary = summarizePod(req.namespace, req.pod, rows, range.to);

  let successor: PodRef | null = null;
  let predecessor: PodRef | null = null;
  const workload = workloadOfPod(req.pod);
  if (workload && summary.firstLine && summary.lastLine) {
    const first = Date.parse(summary.firstLine);
    const last = Date.parse(summary.lastLine);
    const node = summary.gone?.node ?? summary.nodes[0] ?? '';
    // A predecessor only for a pod that began inside the range; before that, nothing says it began.
    const startedInRange = first - range.from > quietAllowance(first, last, summary.lines);
    const [after, before] = await Promise.all([
      summary.gone ? podsAround(ctx, r, req.namespace, workload, last - HISTORY_WINDOW_MS, last + SUCCESSOR_WINDOW_MS, now) : null,
      startedInRange ? podsAround(ctx, r, req.namespace, workload, first - SUCCESSOR_WINDOW_MS, first + HISTORY_WINDOW_MS, now) : null,
    ]);
    const next = after ? pickSuccessor(after, { pod: req.pod, node, lastLine: last }, workload) : null;
    if (next) successor = toRef(next, next.first);
    const previous = before ? pickPredecessor(before, { pod: req.pod, node, firstLine: first }, workload) : null;
    if (previous) predecessor = toRef(previous, previous.last);
  }

  return {
    summary,
    lines: page.lines,
    truncated: page.truncated,
    older: page.older,
    successor,
    predecessor,
    range,
    tookMs: { server: Math.round((performance.now() - ctx.startedAt) * 10) / 10 },
  };
}

/** POST /api/pod-logs/lines: the next older page of a pod's lines, from a cursor of an earlier answer. One search. */
export async function runPodLines(req: PodLinesRequest, ctx: LogsContext): Promise<PodLinesResponse> {
  const before = decodeLinesCursor(req.before);
  const r = await resolveSource(req.source);
  const range = resolveLogsRange(req.since, req.until, ctx.now ?? Date.now());
  const scope: PodScope = { namespace: req.namespace, pods: [req.pod], ...(req.container ? { container: req.container } : {}) };
  const page = await readLines(ctx, r, scopeFilters(r.meanings, scope), range, req.size, before);
  return { lines: page.lines, older: page.older, tookMs: { server: Math.round((performance.now() - ctx.startedAt) * 10) / 10 } };
}

export async function runWorkloadLogs(req: WorkloadLogsRequest, ctx: LogsContext): Promise<WorkloadLogsResponse> {
  const r = await resolveSource(req.source);
  const now = ctx.now ?? Date.now();
  const range = resolveLogsRange(req.since, req.until, now);
  const prefix = `${req.name}-`;
  const instances = await search(
    ctx,
    buildInstancesRequest({
      index: r.source.indexPattern,
      timeField: r.source.timeField,
      filters: scopeFilters(r.meanings, { namespace: req.namespace, podPrefix: prefix }),
      range,
      meanings: r.meanings,
      engineTimeout: r.engineTimeout,
      byPod: true,
    }),
  );
  // A prefix also matches other workloads (`api-` and `api-gateway-…`): keep the pods named after this one.
  const rows = instanceRowsFromAggs(instances.aggregations, instanceLevels(r.meanings, true)).filter(
    (row) => workloadOfPod(row.pod)?.name === req.name,
  );
  const byPod = new Map<string, typeof rows>();
  for (const row of rows) byPod.set(row.pod, [...(byPod.get(row.pod) ?? []), row]);
  const pods = [...byPod]
    .map(([pod, list]) => summarizePod(req.namespace, pod, list, range.to))
    .sort((a, b) => (a.firstLine ?? '').localeCompare(b.firstLine ?? '') || a.pod.localeCompare(b.pod));
  const kind = pods[0]?.workload?.kind ?? null;

  const wanted = req.pods ? pods.filter((p) => req.pods?.includes(p.pod)).map((p) => p.pod) : pods.map((p) => p.pod);
  let lines: LogLine[] = [];
  let truncated = false;
  if (wanted.length > 0) {
    const page = await readLines(ctx, r, scopeFilters(r.meanings, { namespace: req.namespace, pods: wanted }), range, req.tail);
    lines = page.lines;
    truncated = page.truncated;
  }
  return {
    workload: { namespace: req.namespace, name: req.name, kind },
    pods,
    lines,
    truncated,
    range,
    tookMs: { server: Math.round((performance.now() - ctx.startedAt) * 10) / 10 },
  };
}
