/**
 * Load shedding in front of Next.js. Past `MAX_IN_FLIGHT_REQUESTS` requests being answered at
 * once, a new one is refused with a fast 503 + `Retry-After` straight from Node's HTTP server,
 * before Next.js routes, runs the proxy or renders anything for it.
 *
 * Why here and not only in the route frame (lib/api/search-gate.ts): with 200 clients on 2 cores
 * the time goes before any route handler runs — Next.js routing, the proxy and rendering of every
 * accepted request share one event loop — so a gate inside a handler sees a request seconds late
 * and its 503 is no faster than an answer (bench/README.md, "Load, shedding, cancellation").
 *
 * How: Next.js's own server (`next start`, the standalone `server.js`) creates the HTTP server, and
 * instrumentation.ts runs inside it before the first request is handled; it installs this door by
 * wrapping `http.Server.prototype.emit` for the `request` event, so every way the app is started
 * gets it with nothing to change in how it is launched (no custom server: Next.js documents
 * that one cannot be combined with `output: 'standalone'`).
 *
 * A request to a route that searches the engine is also refused here when the engine-search gate
 * (lib/api/search-gate.ts) is already full: the route would refuse it anyway, only later, after
 * Next.js had spent on it what the door is there to save.
 *
 * Never refused, never counted: the probes and metrics (they must answer under load), built
 * assets (an admitted page must be able to load its chunks, an embed page its script), and the
 * streams that are long by nature and bounded on their own (live tails, exports).
 */
import http from 'node:http';
import { ACCEPT_BURST_HOLD_MS, AcceptBurst, holdAcceptBursts } from '@/lib/api/accept-burst';
import { ApiError } from '@/lib/api/errors';
import { gzipStreamedLines } from '@/lib/api/line-gzip';
import { configuredValue } from '@/lib/config/env';
import { maxConcurrentSearches, searchGate, SHED_RETRY_AFTER_S } from '@/lib/api/search-gate';
import { getLogger } from '@/lib/observability/logger';
import { recordShedRequest } from '@/lib/observability/metrics';
import { API_CSP, baseSecurityHeaders } from '@/lib/security/headers';

/**
 * Sized to issue 11's budgets on 2 cores: 20 browsers asking a screen's three parts at once are
 * 60 requests and must not be refused, while with many more in flight Next.js's share of the one
 * event loop makes the slowest answers take seconds (`npm run bench:load` measures both).
 */
export const DEFAULT_MAX_IN_FLIGHT_REQUESTS = 64;

/** `0` turns the door off; unset, empty or invalid (refused at start by lib/config/env.ts): the default. */
export function maxInFlightRequests(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return configuredValue(env, 'MAX_IN_FLIGHT_REQUESTS', DEFAULT_MAX_IN_FLIGHT_REQUESTS);
}

/** The API's top-level routes (app/api/*), for a bounded metric label; a unit test keeps it true. */
export const API_ROUTES = [
  'context',
  'doc',
  'embeds',
  'export',
  'fields',
  'health',
  'links',
  'metrics',
  'pod-logs',
  'search',
  'tail',
  'values',
  'views',
  'workload-logs',
] as const;

export type RequestKind = 'exempt' | 'search' | 'api' | 'page';

/** The routes whose handler takes a place of the engine-search gate (`withEngine(…, { search: true })`); a unit test keeps it true. */
const SEARCH_ROUTE = /^\/api\/(search(\/stream)?|values|context|workload-logs|pod-logs(\/lines)?|embeds\/[^/]+\/data)$/;

const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
};

/** The route whose answer the door compresses line by line (lib/api/line-gzip.ts). */
const STREAMED_SEARCH_PATH = '/api/search/stream';

/**
 * What the door does with a request: let it by uncounted, or count (and maybe refuse) it as a
 * search, another API call or a page.
 */
export function requestKind(url: string): RequestKind {
  const path = pathOf(url);
  if (path.startsWith('/_next/static/') || path.startsWith('/embed-assets/') || path === '/_next/image' || path === '/favicon.ico') {
    return 'exempt';
  }
  if (!path.startsWith('/api/')) return 'page';
  if (path === '/api/metrics' || path === '/api/tail' || path === '/api/export') return 'exempt';
  if (path === '/api/health' || path.startsWith('/api/health/')) return 'exempt';
  if (path.startsWith('/api/embeds/') && path.endsWith('/tail')) return 'exempt';
  return SEARCH_ROUTE.test(path) ? 'search' : 'api';
}

/** The metric label of a refused request: `/api/{route}` for a known route, else `/api/:other` or `page`. */
export function shedLabel(url: string, kind: RequestKind): string {
  if (kind === 'page' || kind === 'exempt') return 'page';
  const route = url.split(/[/?]/)[2] ?? '';
  return (API_ROUTES as readonly string[]).includes(route) ? `/api/${route}` : '/api/:other';
}

const BUSY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${SHED_RETRY_AFTER_S + 1}"><title>Busy</title></head>
<body><p>Log Explorer is busy right now; this page tries again in a moment.</p></body></html>`;

/** The two refusals, built once: a refusal must cost next to nothing. */
function refusals(env: Readonly<Record<string, string | undefined>>) {
  const common = { 'cache-control': 'no-store', 'retry-after': String(SHED_RETRY_AFTER_S) };
  const body = new ApiError(503, 'overloaded', 'the server is busy with other requests; retry in a moment', {
    retryAfter: SHED_RETRY_AFTER_S,
  }).toBody();
  const api = {
    body: JSON.stringify(body),
    headers: { ...common, ...baseSecurityHeaders(env), 'content-security-policy': API_CSP, 'content-type': 'application/json' },
  };
  // An embed's busy page may show inside its frame; it holds no control to click.
  const page = (framable: boolean) => ({
    body: BUSY_PAGE,
    headers: {
      ...common,
      ...baseSecurityHeaders(env, framable),
      'content-security-policy': framable ? `default-src 'none'; base-uri 'none'; form-action 'none'` : API_CSP,
      'content-type': 'text/html; charset=utf-8',
    },
  });
  return { api, page: page(false), embed: page(true) };
}

/** `in_flight`: past MAX_IN_FLIGHT_REQUESTS; `concurrency`: a search with the engine-search gate full. */
export type ShedReason = 'in_flight' | 'concurrency';

/** How often, at most, the door writes a log line about what it refused (a line per refusal would flood the log). */
const SHED_LOG_INTERVAL_MS = 10_000;

export class FrontDoor {
  private running = 0;
  private shedSinceLog = 0;
  private lastLog = 0;
  private readonly answers: ReturnType<typeof refusals>;

  constructor(
    private readonly limit: () => number,
    env: Readonly<Record<string, string | undefined>> = process.env,
    private readonly onShed: (label: string, reason: ShedReason) => void = recordShedRequest,
    /** True when the engine-search gate has no place left. */
    private readonly searchesFull: () => boolean = () => searchGate.inFlight >= maxConcurrentSearches(),
  ) {
    this.answers = refusals(env);
  }

  /** Requests counted and being answered now. */
  get inFlight(): number {
    return this.running;
  }

  /**
   * True: the request goes on to Next.js (counted until its response closes, if it counts).
   * False: it has been answered with a 503 here.
   */
  admit(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const url = req.url ?? '/';
    const kind = requestKind(url);
    if (kind === 'exempt') return true;
    const limit = this.limit();
    const reason: ShedReason | null =
      limit > 0 && this.running >= limit ? 'in_flight' : kind === 'search' && this.searchesFull() ? 'concurrency' : null;
    if (reason) {
      this.refuse(url, kind, reason, res);
      return false;
    }
    this.running += 1;
    // 'close' comes once the response is sent or the connection is gone, whichever is first.
    res.once('close', () => (this.running -= 1));
    return true;
  }

  private refuse(url: string, kind: RequestKind, reason: ShedReason, res: http.ServerResponse): void {
    const answer =
      kind === 'api' || kind === 'search' ? this.answers.api : url.startsWith('/embed/') ? this.answers.embed : this.answers.page;
    res.writeHead(503, answer.headers).end(answer.body);
    this.onShed(shedLabel(url, kind), reason);
    this.shedSinceLog += 1;
    const now = Date.now();
    if (now - this.lastLog >= SHED_LOG_INTERVAL_MS) {
      getLogger().warn(
        { shed: this.shedSinceLog, inFlight: this.running, limit: this.limit() },
        'overloaded: requests refused before Next.js (MAX_IN_FLIGHT_REQUESTS, MAX_CONCURRENT_SEARCHES)',
      );
      this.shedSinceLog = 0;
      this.lastLog = now;
    }
  }
}

/**
 * Receiving a request may take this long at most (Node's default is 5 minutes): a client that
 * sends its body slowly holds one of the door's places meanwhile. Headers must come sooner still.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
export const HEADERS_TIMEOUT_MS = 15_000;

/** `ACCEPT_BURST_HOLD_MS`: how long new connections may wait for their burst to be accepted; `0` reads each at once (Node's way). */
export function acceptBurstHoldMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return configuredValue(env, 'ACCEPT_BURST_HOLD_MS', ACCEPT_BURST_HOLD_MS);
}

const KEY = Symbol.for('log-explorer.front-door');
type Holder = { [KEY]?: FrontDoor };

/** The process's door, once installed (metrics read its count). */
export function frontDoor(): FrontDoor | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * Puts the door in front of every HTTP server of this process (the one Next.js made), once. A
 * `request` the door answers is not passed on; every other event is untouched. From its first
 * connection or request on, each server also accepts bursts of connections before reading them
 * (lib/api/accept-burst.ts). The streamed search's lines are compressed here, on the event loop
 * (lib/api/line-gzip.ts says why).
 */
export function installFrontDoor(door = new FrontDoor(() => maxInFlightRequests()), holdMs = acceptBurstHoldMs()): FrontDoor {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  holder[KEY] = door;
  const emit = http.Server.prototype.emit;
  const timed = new WeakSet<http.Server>();
  http.Server.prototype.emit = function emitThroughDoor(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if ((event === 'request' || event === 'connection') && !timed.has(this)) {
      timed.add(this);
      this.requestTimeout = Math.min(this.requestTimeout || REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_MS);
      this.headersTimeout = Math.min(this.headersTimeout || HEADERS_TIMEOUT_MS, HEADERS_TIMEOUT_MS);
      if (holdMs > 0) holdAcceptBursts(this, new AcceptBurst(holdMs));
    }
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (!door.admit(req, res)) return true;
      if (req.method === 'POST' && pathOf(req.url ?? '/') === STREAMED_SEARCH_PATH) gzipStreamedLines(req, res);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  return door;
}
