/**
 * The frame of every API route: the write guard (lib/api/csrf.ts), the load-shedding gate for
 * engine searches (lib/api/search-gate.ts), the engine client, one abort signal that fires when
 * the caller goes away or the server deadline passes, and one error mapping. Every request is
 * observed (request id, metrics, one log line) by lib/observability/observe.ts.
 */
import type { Client } from '@elastic/elasticsearch';
import { checkWriteRequest } from '@/lib/api/csrf';
import { errorResponse } from '@/lib/api/errors';
import { searchGate } from '@/lib/api/search-gate';
import { engineErrorToApiError, getEngineClient } from '@/lib/es/client';
import { recordShedRequest } from '@/lib/observability/metrics';
import { currentRequestContext } from '@/lib/observability/context';
import { observeRequest, routeLabel, watchBody } from '@/lib/observability/observe';

export interface EngineContext {
  client: Client;
  /** Pass to every engine call: aborts on caller disconnect or at the deadline. */
  signal: AbortSignal;
  /** `performance.now()` when the handler began, for `tookMs.server`. */
  startedAt: number;
}

export interface FrameOptions {
  deadlineMs?: number;
  /**
   * Its engine searches count against `MAX_CONCURRENT_SEARCHES`: admitted with one slot held to
   * its end, more taken per engine call that needs them (lib/es/gated-transport.ts); with the
   * bound reached it is shed with a fast 503 before its body is read.
   */
  search?: boolean;
  /** The body is a download: counted as an active export, and in flight until its last byte. */
  export?: boolean;
  /**
   * The body is made while it streams (POST /api/search/stream): the admission slot is held, and
   * the request counted and logged, until its last byte (or until the caller goes away).
   */
  stream?: boolean;
}

export const DEFAULT_DEADLINE_MS = 15_000;

searchGate.onShed((path) => recordShedRequest(routeLabel(path)));

export function withEngine<A extends unknown[]>(
  handler: (request: Request, ctx: EngineContext, ...rest: A) => Promise<Response>,
  opts: FrameOptions = {},
): (request: Request, ...rest: A) => Promise<Response> {
  const frame = async (request: Request, ...rest: A): Promise<Response> => {
    const startedAt = performance.now();
    const refused = checkWriteRequest(request);
    if (refused) return errorResponse(refused);
    const deadline = AbortSignal.timeout(opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const signal = AbortSignal.any([request.signal, deadline]);
    const context = currentRequestContext();
    if (context) request.signal.addEventListener('abort', () => (context.timeline.callerGone ??= performance.now()), { once: true });
    let release: (() => void) | undefined;
    try {
      // Admission: one slot (its first search) held until the answer, taken before the body is
      // read, so a refusal costs next to nothing; calls needing more take more as they are sent.
      if (opts.search && !context?.gate) {
        release = searchGate.acquire(new URL(request.url).pathname, 1);
        if (context) context.gate = { reserved: 1, inUse: 0 };
      }
      const response = await handler(request, { client: getEngineClient(), signal, startedAt }, ...rest);
      if (!opts.stream || !response.body || !release) return response;
      // The searches go on while the body streams: their slot is given back at its end.
      const held = release;
      release = undefined;
      const body = watchBody(response.body, held).stream;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (err) {
      const mapped = engineErrorToApiError(err, { deadlineHit: deadline.aborted && !request.signal.aborted });
      return errorResponse(mapped ?? err);
    } finally {
      release?.();
    }
  };
  return (request, ...rest) => observeRequest(request, () => frame(request, ...rest), { export: opts.export, stream: opts.stream });
}
