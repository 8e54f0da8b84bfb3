/**
 * `GET /api/tail` (Server-Sent Events): new lines of a pod or a workload as they reach the
 * engine (`lines` events), or — with no namespace — new hits of the explorer's query and filters
 * (`hits` events). The query string is validated here; the events' data shapes are below.
 */
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import type { LogLine } from '@/lib/schema/pod-logs';
import { Filter, QueryInput, SEARCH_LIMITS, type SearchHit } from '@/lib/schema/search';

/** A Kubernetes name (namespace, pod, workload, container) as the tail takes it. */
export const kubernetesName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a Kubernetes name (lowercase letters, digits, "-" and ".")');

export const TailRequest = z
  .object({
    source: z.string().min(1).max(64).optional(),
    /** A pod or workload's lines; left out, the explorer's hits (the whole source, narrowed by q and f). */
    namespace: kubernetesName.optional(),
    /** One pod, or every pod of a workload (`workload`), not both. */
    pod: kubernetesName.optional(),
    workload: kubernetesName.optional(),
    container: kubernetesName.optional(),
    /** Where to start: the newest line the viewer has (date math or ISO); default now. */
    from: z.string().min(1).max(SEARCH_LIMITS.timeExpressionLength).default('now'),
    /** The explorer's query, as in `POST /api/search`. */
    q: QueryInput.shape.text.optional(),
    lang: QueryInput.shape.language.optional(),
    /** The explorer's filters: a JSON array, as `filters` in `POST /api/search`. */
    f: z.array(Filter).max(SEARCH_LIMITS.maxFilters).optional(),
    /**
     * `1`: send only documents that become visible after the tail starts. The explorer has the
     * rest from its search; without it, the first poll re-sends the minute before `from`.
     */
    fresh: z.literal('1', 'fresh is 1 or left out').optional(),
  })
  .refine((r) => r.namespace === undefined || (r.pod === undefined) !== (r.workload === undefined), {
    message: 'give either pod or workload',
    path: ['pod'],
  })
  .refine((r) => r.namespace !== undefined || (r.pod === undefined && r.workload === undefined && r.container === undefined), {
    message: 'pod, workload and container need a namespace',
    path: ['namespace'],
  });
export type TailRequest = z.infer<typeof TailRequest>;

const PARAMS = ['source', 'namespace', 'pod', 'workload', 'container', 'from', 'q', 'lang', 'f', 'fresh'] as const;
const MAX_FILTERS_PARAM = 16_000;

/** The query string → a request; a parameter given twice is 400 rather than guessed at. */
export function parseTailParams(params: URLSearchParams): TailRequest {
  const raw: Record<string, unknown> = {};
  for (const key of PARAMS) {
    const values = params.getAll(key);
    if (values.length > 1) throw new ApiError(400, 'validation_failed', `${key}: given more than once`, { path: key });
    if (values[0] !== undefined) raw[key] = values[0];
  }
  if (typeof raw.f === 'string') raw.f = parseFiltersParam(raw.f);
  return parseRequest(TailRequest, raw);
}

function parseFiltersParam(text: string): unknown {
  if (text.length > MAX_FILTERS_PARAM)
    throw new ApiError(400, 'validation_failed', `f: longer than ${MAX_FILTERS_PARAM} characters`, { path: 'f' });
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'validation_failed', 'f: not JSON (a JSON array of filters, as in POST /api/search)', { path: 'f' });
  }
}

/** `event: lines` — new lines in time order, and how far behind the newest one arrived. */
export interface TailLinesEvent {
  lines: LogLine[];
  /** Now minus the newest new line's time, when the server saw it: the ingest lag. */
  lagMs: number;
}

/** `event: hits` (the explorer's tail) — new hits in time order, shaped as `POST /api/search` hits. */
export interface TailHitsEvent {
  hits: SearchHit[];
  lagMs: number;
}

/** `event: status` — sent when a poll found nothing new (at most every few seconds), so the screen knows the tail is alive. */
export interface TailStatusEvent {
  polledAt: string;
}

/**
 * `event: seen` (`fresh=1` only, once, after the first poll) — the documents already there when
 * the tail started, which the viewer has from its search: `at` is epoch ms. A viewer that opens a
 * new tail from the cursor (the events' SSE `id`) without `fresh` drops them when they are re-sent.
 */
export interface TailSeenEvent {
  docs: { index: string; id: string; at: number }[];
}

/** `event: problem` — a poll failed (the engine is down, say); the tail keeps trying. */
export interface TailProblemEvent {
  code: string;
  message: string;
}

/**
 * `event: reconnect` — the last event of a stream: this server is shutting down. The viewer
 * opens a new tail (the address's other replicas answer it) from `from`, the newest line time
 * this stream had reached; lines it sees twice are dropped by `index` + `id`.
 */
export interface TailReconnectEvent {
  reason: 'shutting_down';
  from: string;
}
