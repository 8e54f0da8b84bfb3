/**
 * Around every API handler: a request id (the caller's `X-Request-Id` or a fresh one, echoed in
 * the response), the request counters and latency histogram, and one log line when the answer
 * is complete (probes and scrapes at debug level only). A streamed body (an export, a streamed
 * search) counts as in flight until its last byte, so the log line, the duration and graceful
 * shutdown all see the whole answer.
 */
import { currentRequestContext, requestIdFrom, runWithRequestContext, traceIdOf, type RequestContext } from '@/lib/observability/context';
import { cancelAtDeadline, trackInFlight } from '@/lib/observability/lifecycle';
import { clipQuery, getLogger } from '@/lib/observability/logger';
import { appMetrics } from '@/lib/observability/metrics';

export interface ObserveOptions {
  /** The route pattern for labels and logs; by default derived from the path (see routeLabel). */
  route?: string;
  /** The body is a download; counted in `log_explorer_active_exports` while it streams. */
  export?: boolean;
  /** The body streams as it is made (an export streams too): the request lasts until its last byte. */
  stream?: boolean;
}

type Outcome = 'complete' | 'cancelled' | 'failed';

/** Passes the body through unchanged and reports once how it ended. */
export function watchBody(
  body: ReadableStream<Uint8Array>,
  onEnd: (outcome: Outcome, bytes: number) => void,
): { stream: ReadableStream<Uint8Array>; cancel: () => Promise<void> } {
  const reader = body.getReader();
  let bytes = 0;
  let ended = false;
  let givenUp: Error | undefined;
  let cancelling: Promise<void> | undefined;
  const end = (outcome: Outcome) => {
    if (!ended) onEnd(outcome, bytes);
    ended = true;
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          // A source cancelled at shutdown reads as done: the consumer must see a failure instead,
          // and only once the source has let go of the engine (the connection closing is what
          // lets the process exit).
          if (givenUp) {
            await cancelling;
            controller.error(givenUp);
          } else controller.close();
          end('complete');
          return;
        }
        bytes += value.byteLength;
        controller.enqueue(value);
      } catch (err) {
        controller.error(err);
        end('failed');
      }
    },
    async cancel(reason) {
      end('cancelled');
      await reader.cancel(reason);
    },
  });
  // Cancelling the source ends the consumer's read with an error: the download fails, never looks whole.
  const cancel = async () => {
    end('cancelled');
    givenUp = new Error('the server is shutting down');
    cancelling = reader.cancel(givenUp).catch(() => undefined);
    await cancelling;
  };
  return { stream, cancel };
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set('x-request-id', requestId);
    return response;
  } catch {
    // Headers of Response.redirect() and friends are immutable: copy them into a new response.
    const headers = new Headers(response.headers);
    headers.set('x-request-id', requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

const sinceStart = (at: number | undefined, startedAt: number) => (at === undefined ? undefined : Math.round((at - startedAt) * 10) / 10);

/** The request's timeline for its log line: ms from accepted to each step it reached. */
function timelineFields(timeline: RequestContext['timeline']): Record<string, number> {
  const fields: Record<string, number | undefined> = {
    engineSentMs: sinceStart(timeline.engineSent, timeline.startedAt),
    engineAnsweredMs: sinceStart(timeline.engineAnswered, timeline.startedAt),
    callerGoneMs: sinceStart(timeline.callerGone, timeline.startedAt),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, number>;
}

const QUIET_ROUTES = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/api/metrics']);

/**
 * A bounded label for a path: `/api/views/Xp3k9QzT2mWaAbCdEfGh` → `/api/views/:id`,
 * `/s/Xp3k9QzT2mWa` → `/s/:id`. Static sub-routes (`/api/health/live`) are lower-case words.
 */
export function routeLabel(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'api') return parts.length > 1 ? `/${parts[0]}/:id` : `/${parts[0] ?? ''}`;
  return `/${parts.map((p, i) => (i >= 2 && !/^[a-z][a-z-]{0,30}$/.test(p) ? ':id' : p)).join('/')}`;
}

export async function observeRequest(request: Request, handle: () => Promise<Response>, opts: ObserveOptions = {}): Promise<Response> {
  // A nested frame (a wrapped handler calling another) is observed once, by the outermost.
  if (currentRequestContext()) return handle();
  const route = opts.route ?? routeLabel(new URL(request.url).pathname);
  const quiet = QUIET_ROUTES.has(route);
  const startedAt = performance.now();
  const requestId = requestIdFrom(request);
  const context: RequestContext = {
    requestId,
    route,
    engineCalls: 0,
    engineMs: 0,
    traceId: traceIdOf(requestId),
    timeline: { startedAt },
  };
  const metrics = appMetrics();
  const done = trackInFlight({ export: opts.export === true });
  metrics.inFlight.inc();
  if (opts.export) metrics.activeExports.inc();

  const finish = (status: number, outcome: Outcome | undefined, bytes: number | undefined) => {
    const durationMs = performance.now() - startedAt;
    metrics.inFlight.dec();
    if (opts.export) metrics.activeExports.dec();
    metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
    metrics.httpDuration.observe({ method: request.method, route }, durationMs / 1000);
    const logger = getLogger();
    const line = {
      reqId: context.requestId,
      method: request.method,
      route,
      status,
      durationMs: Math.round(durationMs * 10) / 10,
      engineMs: Math.round(context.engineMs * 10) / 10,
      engineCalls: context.engineCalls,
      ...timelineFields(context.timeline),
      ...(context.query !== undefined ? { query: clipQuery(context.query) } : {}),
      ...(outcome ? { stream: outcome, bytes } : {}),
    };
    if (quiet && status < 500) logger.debug(line, 'request');
    else logger.info(line, 'request');
    done();
  };

  let response: Response;
  try {
    response = await runWithRequestContext(context, handle);
  } catch (err) {
    // The frames below answer every error themselves; this is the last fence.
    finish(500, undefined, undefined);
    throw err;
  }
  response = withRequestId(response, context.requestId);
  if (!response.body || !(opts.export || opts.stream)) {
    finish(response.status, undefined, undefined);
    return response;
  }
  let unregister = () => {};
  const watched = watchBody(response.body, (outcome, bytes) => {
    unregister();
    finish(response.status, outcome, bytes);
  });
  unregister = cancelAtDeadline(watched.cancel);
  return new Response(watched.stream, { status: response.status, statusText: response.statusText, headers: response.headers });
}
