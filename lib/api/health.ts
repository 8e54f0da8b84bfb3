import type { Client } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { describeEngine, engineInfo, type EngineDistribution } from '@/lib/es/engine';

export interface HealthBody {
  status: 'ok';
  engine: { status: 'green' | 'yellow'; distribution: EngineDistribution; version: string; name: string };
}

/** Health answers fast or not at all: a load balancer is waiting on it. */
const HEALTH_TIMEOUT_MS = 3_000;

/**
 * `_cluster/health`, with what the engine is (probed once per connection, lib/es/engine.ts). A
 * red cluster is not healthy: searches over its missing primaries would be partial or fail. An
 * engine that is not a supported one fails the probe with a configuration message (503).
 */
export async function engineHealth(client: Client, signal: AbortSignal): Promise<HealthBody> {
  const info = await engineInfo(client);
  const health = await client.cluster.health({}, { signal, requestTimeout: HEALTH_TIMEOUT_MS, maxRetries: 0 });
  // The type allows upper-case spellings too; the wire uses lower case.
  const status = String(health.status).toLowerCase();
  if (status !== 'green' && status !== 'yellow') {
    throw new ApiError(503, 'engine_unavailable', `the search engine cluster is ${status}: some data is unavailable`);
  }
  return { status: 'ok', engine: { status, distribution: info.distribution, version: info.version, name: describeEngine(info) } };
}

export interface ReadyBody extends Omit<HealthBody, 'status'> {
  status: 'ready';
  indices: { views: string; links: string };
}

/**
 * Readiness: the engine answers and is not red, and the app's own indices exist (created here on
 * the first probe if missing, as the first save would). Not ready while shutting down, so the
 * load balancer stops sending work before the listener closes.
 */
export async function appReadiness(
  client: Client,
  signal: AbortSignal,
  stores: { views: { indexName: string; ensureIndex(): Promise<void> }; links: { indexName: string; ensureIndex(): Promise<void> } },
  draining: boolean,
): Promise<ReadyBody> {
  if (draining) throw new ApiError(503, 'shutting_down', 'this instance is shutting down; another one will answer');
  const health = await engineHealth(client, signal);
  await Promise.all([stores.views.ensureIndex(), stores.links.ensureIndex()]);
  return { ...health, status: 'ready', indices: { views: stores.views.indexName, links: stores.links.indexName } };
}
