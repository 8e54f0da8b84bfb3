/**
 * Prometheus metrics (prom-client) in one registry of the process, kept on globalThis because
 * Next.js may evaluate this module once per route bundle; every copy must count into the same
 * series. Label values are bounded: routes are patterns (`/api/views/:id`), never raw paths.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface AppMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  inFlight: Gauge;
  engineDuration: Histogram<'operation'>;
  engineErrors: Counter<'operation' | 'kind'>;
  activeExports: Gauge;
  activeTails: Gauge;
  shedRequests: Counter<'route' | 'reason'>;
  admittedInFlight: Gauge;
}

const KEY = Symbol.for('log-explorer.metrics');
type Holder = { [KEY]?: AppMetrics };

function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'log_explorer_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'log_explorer_http_requests_total',
      help: 'API requests answered, by route pattern, method and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'log_explorer_http_request_duration_seconds',
      help: 'API request wall time until the response head (streams: until the last byte)',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers,
    }),
    inFlight: new Gauge({
      name: 'log_explorer_http_requests_in_flight',
      help: 'API requests being answered now (streams until their last byte)',
      registers,
    }),
    engineDuration: new Histogram({
      name: 'log_explorer_engine_request_duration_seconds',
      help: 'Round trips to Elasticsearch as the app saw them, by API (search, count, pit, doc, ...)',
      labelNames: ['operation'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    engineErrors: new Counter({
      name: 'log_explorer_engine_errors_total',
      help: 'Failed round trips to Elasticsearch, by API and kind (connection, timeout, aborted, http_4xx, http_5xx, other)',
      labelNames: ['operation', 'kind'],
      registers,
    }),
    activeExports: new Gauge({ name: 'log_explorer_active_exports', help: 'Exports streaming now', registers }),
    activeTails: new Gauge({ name: 'log_explorer_active_tails', help: 'Live tails streaming now', registers }),
    shedRequests: new Counter({
      name: 'log_explorer_shed_requests_total',
      help: 'Requests refused fast because the instance was at its concurrency bound',
      labelNames: ['route', 'reason'],
      registers,
    }),
    admittedInFlight: new Gauge({
      name: 'log_explorer_front_door_in_flight',
      help: 'Requests the front door let in that are being answered now, pages included (its bound: MAX_IN_FLIGHT_REQUESTS)',
      registers,
      // Read at scrape time from the door (lib/api/front-door.ts), which keeps it on globalThis:
      // nothing to do per request, and no import cycle (the door counts its refusals here).
      collect() {
        const door = (globalThis as { [k: symbol]: { inFlight: number } | undefined })[Symbol.for('log-explorer.front-door')];
        this.set(door?.inFlight ?? 0);
      },
    }),
  };
}

export function appMetrics(): AppMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}

/**
 * For load shedding: count one request refused before it reached the engine — `concurrency` by
 * the engine-search gate (lib/api/search-gate.ts), `in_flight` by the front door before Next.js
 * (lib/api/front-door.ts), which also refuses a search with `concurrency` when that gate is full.
 */
export function recordShedRequest(route: string, reason = 'concurrency'): void {
  appMetrics().shedRequests.inc({ route, reason });
}
