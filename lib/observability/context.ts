/**
 * What the server knows about the request it is working on, carried across awaits with
 * AsyncLocalStorage so that the engine client's events and the validation step can add to the
 * request's log line without being handed anything.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  route: string;
  /** Engine round trips of this request and their summed wall time, from the client's events. */
  engineCalls: number;
  engineMs: number;
  /** The user's query text as validated (truncated before it is logged). */
  query?: string;
  /**
   * The request's searches count against MAX_CONCURRENT_SEARCHES: it holds `reserved` slots of the
   * gate from admission to its end, `inUse` of them taken by engine calls running now
   * (lib/es/gated-transport.ts takes more for a call that needs more).
   */
  gate?: { reserved: number; inUse: number };
  /** W3C trace id sent to the engine (`traceparent`), so its tasks and slow log name this request. */
  traceId?: string;
  /**
   * Where the time went, in ms since the frame accepted the request: the first engine search
   * admitted by the gate and sent, the last engine answer, and the caller going away.
   */
  timeline: { startedAt: number; engineSent?: number; engineAnswered?: number; callerGone?: number };
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * The trace id the engine sees for a request id: the id's own hex digits when it is a UUID or a
 * 32-digit hex string (so a caller can find its request's engine tasks), else a hash of it.
 */
export function traceIdOf(requestId: string): string {
  const hex = requestId.replace(/-/g, '').toLowerCase();
  if (/^[0-9a-f]{32}$/.test(hex) && !/^0+$/.test(hex)) return hex;
  return createHash('sha256').update(requestId).digest('hex').slice(0, 32);
}

/** An `X-Request-Id` worth keeping: short, printable, no spaces or quotes to break a log line. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:/+=-]{1,128}$/;

/** The caller's (a proxy's or the ingress's) request id when it is sane, else a fresh one. */
export function requestIdFrom(request: Request): string {
  const given = request.headers.get('x-request-id')?.trim();
  return given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/** Called by the validation step with the parsed request: keeps its query text for the log line. */
export function noteValidatedRequest(value: unknown): void {
  const context = storage.getStore();
  if (!context || typeof value !== 'object' || value === null) return;
  const query = (value as { query?: unknown }).query;
  const text = typeof query === 'object' && query !== null ? (query as { text?: unknown }).text : undefined;
  const prefix = (value as { prefix?: unknown }).prefix;
  if (typeof text === 'string') context.query = text;
  else if (typeof prefix === 'string') context.query = prefix;
}
