/**
 * GET /api/tail behind the route: a loop that follows the engine for one viewer and writes
 * Server-Sent Events. At most one engine poll a second; each poll re-reads a minute of overlap
 * and sends only what it had not sent (TailWindow), paging with `search_after`. The loop ends
 * within a second of the viewer going away (the request's signal, or the stream cancelled), and
 * the number of tails is bounded per client and per server. At SIGTERM (lib/observability/
 * lifecycle.ts) every tail sends a last `reconnect` event, with where to resume, and closes: the
 * browser follows on another replica instead of holding this one open until its deadline.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { engineErrorToApiError } from '@/lib/es/client';
import { scopeFilters, type Meanings } from '@/lib/k8s/pod-query';
import { lineSourceFields, linesFromHits } from '@/lib/k8s/reshape';
import { TailWindow, type TailDoc } from '@/lib/k8s/tail-dedup';
import { buildTailPoll, TAIL_MAX_PAGES, TAIL_PAGE_SIZE } from '@/lib/k8s/tail-query';
import { workloadOfPod } from '@/lib/k8s/workload';
import { onDrain } from '@/lib/observability/lifecycle';
import { appMetrics } from '@/lib/observability/metrics';
import type {
  TailHitsEvent,
  TailLinesEvent,
  TailProblemEvent,
  TailReconnectEvent,
  TailRequest,
  TailSeenEvent,
  TailStatusEvent,
} from '@/lib/schema/tail';
import { findSource, messageFieldsOf, mixedTimeTypes, sourceFields, type SourceFields } from '@/lib/sources';
import { compileUserQuery, resolveFilterClauses } from '@/lib/search/request-parts';
import { toDocumentHit } from '@/lib/documents/get-document';
import { resolveDateMath, TimeExpressionError } from '@/lib/time';

export const TAIL_POLL_MS = 1_000;
const STATUS_EVERY_MS = 5_000;
const BACKOFF_MS = 3_000;
const ENGINE_TIMEOUT = '5s';

function limit(env: string | undefined, fallback: number): number {
  const n = Number(env);
  return Number.isInteger(n) && n > 0 && n <= 10_000 ? n : fallback;
}

export function tailLimits(env: NodeJS.ProcessEnv = process.env): { perServer: number; perClient: number } {
  return { perServer: limit(env.TAIL_MAX_PER_SERVER, 100), perClient: limit(env.TAIL_MAX_PER_CLIENT, 5) };
}

const active = new Map<string, number>();
let activeTotal = 0;

/** Tails running in this process, for tests and metrics. */
export function activeTailCount(): number {
  return activeTotal;
}

/** The client a tail counts against: the first `X-Forwarded-For` address behind a proxy, else one bucket. */
export function tailClientKey(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
}

/** A slot, or a 429 that says which bound was hit. */
export function acquireTail(client: string, limits = tailLimits()): () => void {
  if (activeTotal >= limits.perServer) {
    throw new ApiError(429, 'too_many_tails', `this server follows ${limits.perServer} live tails already; try again later`);
  }
  const mine = active.get(client) ?? 0;
  if (mine >= limits.perClient) {
    throw new ApiError(429, 'too_many_tails', `at most ${limits.perClient} live tails per client; close one (another tab?) first`);
  }
  active.set(client, mine + 1);
  activeTotal++;
  appMetrics().activeTails.inc();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    activeTotal--;
    appMetrics().activeTails.dec();
    const left = (active.get(client) ?? 1) - 1;
    if (left > 0) active.set(client, left);
    else active.delete(client);
  };
}

interface Follow {
  client: Client;
  index: string;
  timeField: string;
  mixedTimeTypes: boolean;
  filters: estypes.QueryDslQueryContainer[];
  mustNot: estypes.QueryDslQueryContainer[];
  meanings: Meanings;
  messageFields: string[];
  start: number;
  keep?: (pod: string) => boolean;
  /** `lines` for a pod or workload (LogLine), `hits` for the explorer (SearchHit, the whole document). */
  shape: 'lines' | 'hits';
  /** The first poll only records what is already there (`fresh=1`). */
  skipExisting: boolean;
}

/** The explorer's query and filters as clauses; their errors point at the tail's own parameters. */
function narrowing(
  req: TailRequest,
  fields: SourceFields,
  sourceId: string,
): { filter: estypes.QueryDslQueryContainer[]; mustNot: estypes.QueryDslQueryContainer[] } {
  try {
    const query = req.q ? compileUserQuery({ language: req.lang ?? 'kql', text: req.q }, fields) : null;
    const clauses = resolveFilterClauses(req.f ?? [], fields, sourceId);
    return { filter: [...(query ? [query] : []), ...clauses.filter], mustNot: clauses.must_not };
  } catch (err) {
    if (err instanceof ApiError && typeof err.detail.path === 'string') {
      const path = err.detail.path.replace(/^query\.text$/, 'q').replace(/^filters\./, 'f.');
      throw new ApiError(err.status, err.code, err.message, { ...err.detail, path });
    }
    throw err;
  }
}

/** Validates what the schema cannot (source, fields, start time) before the stream opens, so errors are plain JSON. */
export async function prepareTail(req: TailRequest, client: Client, now = Date.now()): Promise<Follow> {
  const source = findSource(req.source);
  const fields = await sourceFields(source);
  const namespace = req.namespace;
  if (namespace !== undefined && (!fields.meanings.namespace || !fields.meanings.pod)) {
    throw new ApiError(400, 'unknown_field', `source "${source.id}" has no Kubernetes fields to follow a pod by`, { path: 'source' });
  }
  let start: number;
  try {
    start = resolveDateMath(req.from, now);
  } catch (err) {
    if (err instanceof TimeExpressionError) throw new ApiError(400, 'invalid_time', err.message, { path: 'from' });
    throw err;
  }
  const narrow = narrowing(req, fields, source.id);
  const workload = req.workload;
  const scope =
    namespace === undefined
      ? []
      : scopeFilters(fields.meanings, {
          namespace,
          ...(req.pod ? { pods: [req.pod] } : { podPrefix: `${workload}-` }),
          ...(req.container ? { container: req.container } : {}),
        });
  return {
    client,
    index: source.indexPattern,
    timeField: source.timeField,
    mixedTimeTypes: mixedTimeTypes(fields, source.timeField),
    filters: [...scope, ...narrow.filter],
    mustNot: narrow.mustNot,
    meanings: fields.meanings,
    messageFields: messageFieldsOf(fields),
    start,
    shape: namespace === undefined ? 'hits' : 'lines',
    skipExisting: req.fresh === '1',
    ...(workload ? { keep: (pod: string) => workloadOfPod(pod)?.name === workload } : {}),
  };
}

const encoder = new TextEncoder();
/** `id`: the tail's cursor (TailWindow.newestAt), where a new tail resumes (lib/k8s/tail-resume.ts). */
const sse = (event: string, data: unknown, id: number) => encoder.encode(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** One poll: every line from the window start on (paged), less what was sent. */
async function poll(
  follow: Follow,
  window: TailWindow,
  signal: AbortSignal,
): Promise<{ event: string; data: TailLinesEvent | TailHitsEvent; docs: TailDoc[] } | null> {
  const hits: estypes.SearchHit<unknown>[] = [];
  let searchAfter: estypes.SortResults | undefined;
  for (let page = 0; page < TAIL_MAX_PAGES; page++) {
    const body = await follow.client.search(
      buildTailPoll({
        index: follow.index,
        timeField: follow.timeField,
        mixedTimeTypes: follow.mixedTimeTypes,
        filters: follow.filters,
        mustNot: follow.mustNot,
        from: window.windowStart(),
        ...(searchAfter ? { searchAfter } : {}),
        // The explorer shows any field as a column: the whole document.
        sourceFields: follow.shape === 'hits' ? null : lineSourceFields(follow.meanings, follow.messageFields, follow.timeField),
        engineTimeout: ENGINE_TIMEOUT,
      }),
      { signal },
    );
    hits.push(...body.hits.hits);
    const last = body.hits.hits.at(-1);
    if (body.hits.hits.length < TAIL_PAGE_SIZE || !last?.sort) break;
    searchAfter = last.sort;
  }
  if (follow.shape === 'hits') {
    // Shaped as POST /api/search hits, the way one document is (its time as the sort formatted it).
    const found = hits.map((hit) => toDocumentHit(hit, follow.messageFields));
    const fresh = window.accept(found.map((hit) => ({ index: hit.index, id: hit.id, at: Date.parse(hit.timestamp), hit })));
    if (fresh.length === 0) return null;
    const newest = Math.max(...fresh.map((f) => f.at));
    return { event: 'hits', data: { hits: fresh.map((f) => f.hit), lagMs: Math.max(0, Date.now() - newest) }, docs: fresh };
  }
  // linesFromHits turns newest-first into oldest-first; these came oldest first.
  let lines = linesFromHits([...hits].reverse(), follow.meanings, follow.messageFields);
  if (follow.keep) lines = lines.filter((l) => follow.keep?.(l.pod));
  const fresh = window.accept(lines.map((line) => ({ index: line.index, id: line.id, at: Date.parse(line.timestamp), line })));
  if (fresh.length === 0) return null;
  const newest = Math.max(...fresh.map((f) => f.at));
  return { event: 'lines', data: { lines: fresh.map((f) => f.line), lagMs: Math.max(0, Date.now() - newest) }, docs: fresh };
}

/** The event stream; `release` is called once, however the stream ends. */
export function tailStream(follow: Follow, requestSignal: AbortSignal, release: () => void): ReadableStream<Uint8Array> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  requestSignal.addEventListener('abort', onAbort, { once: true });
  const signal = stop.signal;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const window = new TailWindow(follow.start);
      let baseline = follow.skipExisting;
      let lastWrite = 0;
      const write = (chunk: Uint8Array) => {
        try {
          controller.enqueue(chunk);
          lastWrite = Date.now();
        } catch {
          stop.abort(); // the stream is gone
        }
      };
      // The browser's EventSource waits this long before reconnecting after a drop.
      write(encoder.encode(`retry: ${BACKOFF_MS}\n\n`));
      // Before the loop's abort check: a tail opened while draining ends at once, the same way.
      const stopDrainWatch = onDrain(() => {
        const from = new Date(window.newestAt).toISOString();
        write(sse('reconnect', { reason: 'shutting_down', from } satisfies TailReconnectEvent, window.newestAt));
        stop.abort();
      });
      try {
        while (!signal.aborted) {
          const began = Date.now();
          let wait = TAIL_POLL_MS;
          try {
            const batch = await poll(follow, window, signal);
            if (batch && baseline) {
              // `fresh=1`: what is there already the viewer has from its search; it is told which
              // documents those are, so a tail reopened from the cursor does not send them as new.
              const docs = batch.docs.map(({ index, id, at }) => ({ index, id, at }));
              write(sse('seen', { docs } satisfies TailSeenEvent, window.newestAt));
            } else if (batch) write(sse(batch.event, batch.data, window.newestAt));
            else if (baseline || Date.now() - lastWrite >= STATUS_EVERY_MS)
              write(sse('status', { polledAt: new Date().toISOString() } satisfies TailStatusEvent, window.newestAt));
            baseline = false;
          } catch (err) {
            if (signal.aborted) break;
            const mapped = engineErrorToApiError(err, { deadlineHit: false });
            const problem: TailProblemEvent = mapped
              ? { code: mapped.code, message: mapped.message }
              : { code: 'internal', message: 'the tail could not read new lines' };
            write(sse('problem', problem, window.newestAt));
            wait = BACKOFF_MS;
          }
          await sleep(Math.max(0, wait - (Date.now() - began)), signal);
        }
      } finally {
        stopDrainWatch();
        requestSignal.removeEventListener('abort', onAbort);
        release();
        try {
          controller.close();
        } catch {
          // already closed or errored by the runtime
        }
      }
    },
    cancel() {
      stop.abort();
    },
  });
}
