import { Client, errors } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { engineConnection } from '@/lib/es/connection';
import { EngineConfigError } from '@/lib/es/engine';
import { AppEngineTransport } from '@/lib/es/gated-transport';
import { instrumentEngineClient } from '@/lib/observability/engine-metrics';

/**
 * Per-request ceiling of the HTTP call to the engine. Searches also carry their own shorter
 * engine-side `timeout` and a server deadline, so this only catches a hung connection.
 */
const REQUEST_TIMEOUT_MS = 30_000;

let shared: Client | undefined;

/**
 * The one engine client of this process, created on first use so that importing a route never
 * opens connections or reads credentials. The client holds no "engine is down" state that could
 * stick: with the default weighted pool a lone node is never excluded, so the first request
 * after the engine comes back simply succeeds.
 */
export function getEngineClient(): Client {
  if (!shared) {
    const { options } = engineConnection();
    shared = new Client({
      ...options,
      // Gates the searches of each request, names it to the engine (lib/es/gated-transport.ts).
      Transport: AppEngineTransport,
      requestTimeout: REQUEST_TIMEOUT_MS,
      // One retry hides a dropped keep-alive socket; more would only delay a clear 503.
      maxRetries: 1,
      name: 'log-explorer',
    });
    instrumentEngineClient(shared);
  }
  return shared;
}

/** For tests that switch engines between cases. */
export async function closeEngineClient(): Promise<void> {
  const client = shared;
  shared = undefined;
  await client?.close();
}

export interface EngineErrorCause {
  type?: string;
  reason?: string | null;
  caused_by?: EngineErrorCause;
  root_cause?: EngineErrorCause[];
  failed_shards?: { reason?: EngineErrorCause }[];
}

/** Engine error types that mean "the query the user wrote cannot be run", not "we broke". */
const QUERY_ERROR_TYPES = new Set([
  'query_shard_exception',
  'parse_exception',
  'query_parsing_exception',
  'x_content_parse_exception',
  'number_format_exception',
  'illegal_argument_exception',
  'date_time_parse_exception',
  'too_many_nested_clauses',
  'too_many_clauses',
]);

/**
 * The most telling reason in a cause chain: the first parser message ("Cannot parse 'a:[1 TO':
 * Encountered "<EOF>" at line 1, column 7") rather than the generic wrapper around it.
 */
function bestReason(cause: EngineErrorCause | undefined): string | undefined {
  let fallback = cause?.reason ?? undefined;
  for (let c: EngineErrorCause | undefined = cause, depth = 0; c && depth < 8; c = c.caused_by, depth++) {
    if (c.type === 'parse_exception' && c.reason) return c.reason;
    if (c.reason) fallback = c.reason;
  }
  return fallback;
}

function clip(text: string, max = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * No `offset` here: the engine parsed the compiled query, whose columns match what the user
 * typed only for Lucene. The engine's own "line 1, column C" stays in the message.
 */
function queryError(cause: EngineErrorCause): ApiError {
  const reason = bestReason(cause) ?? 'the engine could not run this query';
  return new ApiError(400, 'query_syntax', clip(`the query could not be run: ${reason}`), { path: 'query.text' });
}

/** Reduce-phase failures ("Merging/Reducing the aggregations failed") come from mappings, not from the query. */
function isAggregationFailure(body: EngineErrorCause): boolean {
  for (let c: EngineErrorCause | undefined = body, depth = 0; c && depth < 8; c = c.caused_by, depth++) {
    if (/aggregation/i.test(c.reason ?? '') || c.type === 'aggregation_execution_exception') return true;
  }
  return false;
}

function queryErrorFrom(body: EngineErrorCause | undefined): ApiError | undefined {
  if (!body || isAggregationFailure(body)) return undefined;
  const candidates = [body.failed_shards?.[0]?.reason, body.root_cause?.[0], body.caused_by, body];
  const match = candidates.find((c) => c?.type && QUERY_ERROR_TYPES.has(c.type));
  return match ? queryError(match) : undefined;
}

function isParseFailure(cause: EngineErrorCause | undefined): boolean {
  for (let c = cause, depth = 0; c && depth < 8; c = c.caused_by, depth++) {
    if (c.type === 'parse_exception' || c.type === 'query_parsing_exception') return true;
    if (c.reason?.startsWith('Failed to parse query')) return true;
  }
  return false;
}

/**
 * A query that does not parse fails on every shard that gets to run it, yet shards the engine
 * skipped (nothing in range) do not fail, so the answer can come back as "partial" with a 200.
 * A parse failure is the caller's mistake whatever the other shards did: report it as one.
 */
export function queryErrorFromShardFailures(failures: readonly { reason: EngineErrorCause }[] | undefined): ApiError | null {
  const parse = failures?.find((f) => isParseFailure(f.reason));
  return parse ? queryError(parse.reason) : null;
}

/**
 * An engine error answer (a whole response, or one item of an `_msearch`) in public terms: a
 * query the engine cannot run is the caller's 400, anything else the engine's 5xx.
 */
export function responseErrorToApiError(status: number, body: EngineErrorCause | undefined): ApiError {
  if (status === 400) {
    const queryError = queryErrorFrom(body);
    if (queryError) return queryError;
  }
  if (status === 401 || status === 403) {
    return new ApiError(503, 'engine_unavailable', 'the app is not authorized by the search engine; check its credentials');
  }
  if (status === 429 || status === 503) {
    return new ApiError(503, 'engine_unavailable', 'the search engine is overloaded or not ready; try again shortly');
  }
  if (status === 504 || body?.type === 'timeout_exception') {
    return new ApiError(503, 'engine_timeout', 'the search engine did not answer in time');
  }
  console.error('[engine] unexpected response', status, JSON.stringify(body ?? null).slice(0, 2000));
  return new ApiError(502, 'engine_error', `the search engine refused the request (HTTP ${status})`);
}

/** A short, host-free reason from an engine error, for notes shown beside a screen's part. */
export function engineReason(body: EngineErrorCause | undefined): string {
  return clip(bestReason(body?.root_cause?.[0]) ?? bestReason(body) ?? 'the engine could not compute it', 200);
}

/**
 * Engine failures in public terms. Messages are written here, never copied from the transport
 * error: those name the engine's host and port ("connect ECONNREFUSED 10.0.0.5:9200").
 * Returns null for errors that did not come from the engine client.
 */
export function engineErrorToApiError(err: unknown, opts: { deadlineHit?: boolean } = {}): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof errors.RequestAbortedError) {
    if (opts.deadlineHit) return new ApiError(503, 'engine_timeout', 'the search engine did not answer in time');
    // Nobody reads this response; 499 keeps the access log honest.
    return new ApiError(499, 'bad_request', 'the request was cancelled by the caller');
  }
  if (err instanceof errors.TimeoutError) {
    return new ApiError(503, 'engine_timeout', 'the search engine did not answer in time');
  }
  if (err instanceof errors.ConnectionError || err instanceof errors.NoLivingConnectionsError) {
    return new ApiError(503, 'engine_unavailable', 'the search engine is not reachable; try again shortly');
  }
  if (err instanceof EngineConfigError) {
    // The operator's mistake, said in full (the message never carries the address or credentials).
    return new ApiError(503, 'engine_misconfigured', err.message);
  }
  if (err instanceof errors.ProductNotSupportedError) {
    return new ApiError(503, 'engine_unavailable', 'the configured search engine is not a supported Elasticsearch');
  }
  if (err instanceof errors.ResponseError) {
    return responseErrorToApiError(err.statusCode ?? 500, (err.body as { error?: EngineErrorCause } | undefined)?.error);
  }
  if (err instanceof errors.ElasticsearchClientError) {
    console.error('[engine] client error', err.name);
    return new ApiError(502, 'engine_error', 'the search engine answered with something unreadable');
  }
  return null;
}
