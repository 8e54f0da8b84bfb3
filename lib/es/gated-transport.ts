/**
 * The transport of the app's own engine client (lib/es/client.ts): EngineTransport plus what a
 * request of the app owes the engine and the operator.
 *
 * - Every `_search`, `_count` and each search of an `_msearch` sent for a request whose frame
 *   counts searches holds a slot of the process's gate (lib/api/search-gate.ts) for as long as
 *   the engine works on it: the request's admission slot (taken by the frame) covers one, the
 *   rest are counted here (never refused: the request was admitted). Requests are admitted only
 *   while the engine runs fewer searches than the bound, so nothing queues in the client's
 *   connection pool (256 sockets) and the engine's search queue stays short.
 * - A W3C `traceparent` carrying the request's trace id: the engine shows it as `trace.id` on the
 *   request's tasks (`GET _tasks?actions=*search*&detailed`) and in its slow log.
 * - The request's timeline (lib/observability/context.ts): first search sent, last answer.
 */
import { randomBytes } from 'node:crypto';
import type { TransportRequestOptions, TransportRequestParams, TransportResult } from '@elastic/transport';
import { searchGate } from '@/lib/api/search-gate';
import { isMsearchPath, isSearchPath } from '@/lib/es/dialect';
import { EngineTransport } from '@/lib/es/engine';
import { currentRequestContext } from '@/lib/observability/context';

const isCountPath = (path: string) => /(^|\/)_count$/.test(path.split('?')[0] ?? '');

/** How many searches the engine runs for one request of the client (0: not a search). */
export function engineSearchCount(params: Pick<TransportRequestParams, 'path' | 'bulkBody'>): number {
  if (isSearchPath(params.path) || isCountPath(params.path)) return 1;
  if (!isMsearchPath(params.path)) return 0;
  const lines = Array.isArray(params.bulkBody)
    ? params.bulkBody.length
    : typeof params.bulkBody === 'string'
      ? params.bulkBody.split('\n').filter((line) => line.trim() !== '').length
      : 2;
  return Math.max(1, Math.floor(lines / 2));
}

/**
 * What a caller says its request weighs, in searches, when that is not one per search sent: a
 * screen part asked as its interior and edges (lib/search/bars-pieces.ts) sends two searches that
 * together do one search's work over the range (the interior mostly from the request cache), so
 * it takes one place of the gate, as it did in one piece. Passed as `context.engineSearches`.
 */
export const ENGINE_SEARCHES = 'engineSearches';

function searchesTold(options: TransportRequestOptions | undefined): number | undefined {
  const told = (options?.context as Record<string, unknown> | undefined)?.[ENGINE_SEARCHES];
  return typeof told === 'number' && Number.isInteger(told) && told > 0 ? told : undefined;
}

export function traceparent(traceId: string): string {
  return `00-${traceId}-${randomBytes(8).toString('hex')}-00`;
}

export class AppEngineTransport extends EngineTransport {
  override async request<TResponse = unknown>(
    params: TransportRequestParams,
    options?: TransportRequestOptions,
  ): Promise<TResponse | TransportResult<TResponse>> {
    const context = currentRequestContext();
    if (!context) return super.request<TResponse>(params, options as TransportRequestOptions & { meta: true });
    const gate = context.gate;
    const searches = gate ? (searchesTold(options) ?? engineSearchCount(params)) : 0;
    // The request's admission slot covers one search; the rest of this call's are counted here.
    const fromReserve = gate ? Math.min(searches, gate.reserved - gate.inUse) : 0;
    const release = searches > fromReserve ? searchGate.acquire(context.route, searches - fromReserve, { admitted: true }) : undefined;
    if (gate) gate.inUse += fromReserve;
    const traced = context.traceId ? { ...options, headers: { traceparent: traceparent(context.traceId), ...options?.headers } } : options;
    context.timeline.engineSent ??= performance.now();
    try {
      return await super.request<TResponse>(params, traced as TransportRequestOptions & { meta: true });
    } finally {
      if (gate) gate.inUse -= fromReserve;
      release?.();
      context.timeline.engineAnswered = performance.now();
    }
  }
}
