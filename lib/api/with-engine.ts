/**
 * The frame of every route that talks to the engine: the engine client, one abort signal that
 * fires when the caller goes away or the server deadline passes, and one error mapping.
 */
import type { Client } from '@elastic/elasticsearch';
import { errorResponse } from '@/lib/api/errors';
import { engineErrorToApiError, getEngineClient } from '@/lib/es/client';

export interface EngineContext {
  client: Client;
  /** Pass to every engine call: aborts on caller disconnect or at the deadline. */
  signal: AbortSignal;
  /** `performance.now()` when the handler began, for `tookMs.server`. */
  startedAt: number;
}

export const DEFAULT_DEADLINE_MS = 15_000;

export function withEngine(
  handler: (request: Request, ctx: EngineContext) => Promise<Response>,
  opts: { deadlineMs?: number } = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    const startedAt = performance.now();
    const deadline = AbortSignal.timeout(opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
    const signal = AbortSignal.any([request.signal, deadline]);
    try {
      return await handler(request, { client: getEngineClient(), signal, startedAt });
    } catch (err) {
      const mapped = engineErrorToApiError(err, { deadlineHit: deadline.aborted && !request.signal.aborted });
      return errorResponse(mapped ?? err);
    }
  };
}
