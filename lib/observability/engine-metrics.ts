/**
 * Engine latency and errors from the Elasticsearch client's own diagnostic events, so every
 * engine call is measured whoever makes it, and the current request's log line gets its engine
 * time without any handler passing it along.
 */
import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { currentRequestContext } from '@/lib/observability/context';
import { appMetrics } from '@/lib/observability/metrics';

/** `/logstash-*\/_search` → `search`, `/_pit` → `pit`, `/views/_doc/x` → `doc`, `PUT /idx` → `index`. */
export function engineOperation(path: string): string {
  const segment = path
    .split('?')[0]
    ?.split('/')
    .find((s) => s.startsWith('_'));
  return segment ? segment.slice(1).replace(/[^a-z_]/g, '') || 'other' : 'index';
}

function errorKind(err: unknown): string {
  if (err instanceof errors.RequestAbortedError) return 'aborted';
  if (err instanceof errors.TimeoutError) return 'timeout';
  if (err instanceof errors.ConnectionError || err instanceof errors.NoLivingConnectionsError) return 'connection';
  if (err instanceof errors.ResponseError) return (err.statusCode ?? 500) >= 500 ? 'http_5xx' : 'http_4xx';
  return 'other';
}

const instrumented = new WeakSet<Client>();

export function instrumentEngineClient(client: Client): void {
  if (instrumented.has(client)) return;
  instrumented.add(client);
  const started = new Map<unknown, number>();
  client.diagnostic.on('request', (_err, result) => {
    const id = result?.meta.request.id;
    if (id !== undefined && !started.has(id)) started.set(id, performance.now());
  });
  client.diagnostic.on('response', (err, result) => {
    const id = result?.meta.request.id;
    const t0 = started.get(id);
    started.delete(id);
    const ms = t0 === undefined ? 0 : performance.now() - t0;
    const operation = engineOperation(result?.meta.request.params.path ?? '');
    const metrics = appMetrics();
    metrics.engineDuration.observe({ operation }, ms / 1000);
    // A 404 of a lookup (a missing view) is an answer, not an engine failure.
    if (err && !(err instanceof errors.ResponseError && err.statusCode === 404)) {
      metrics.engineErrors.inc({ operation, kind: errorKind(err) });
    }
    const context = currentRequestContext();
    if (context) {
      context.engineCalls += 1;
      context.engineMs += ms;
    }
  });
}
