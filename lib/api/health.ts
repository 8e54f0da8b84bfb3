import type { Client } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';

export interface HealthBody {
  status: 'ok';
  engine: { status: 'green' | 'yellow'; version?: string };
}

/** Health answers fast or not at all: a load balancer is waiting on it. */
const HEALTH_TIMEOUT_MS = 3_000;

/**
 * `_cluster/health` (the engine may have no `GET /`), with the local node's version fetched
 * alongside; a missing version never fails the check. A red cluster is not healthy: searches
 * over its missing primaries would be partial or fail.
 */
export async function engineHealth(client: Client, signal: AbortSignal): Promise<HealthBody> {
  const options = { signal, requestTimeout: HEALTH_TIMEOUT_MS, maxRetries: 0 };
  const [health, nodes] = await Promise.all([
    client.cluster.health({}, options),
    client.nodes.info({ node_id: '_local', metric: ['_none'], filter_path: ['nodes.*.version'] }, options).catch(() => null),
  ]);
  // The type allows upper-case spellings too; the wire uses lower case.
  const status = String(health.status).toLowerCase();
  if (status !== 'green' && status !== 'yellow') {
    throw new ApiError(503, 'engine_unavailable', `the search engine cluster is ${status}: some data is unavailable`);
  }
  const version = Object.values(nodes?.nodes ?? {})[0]?.version;
  return { status: 'ok', engine: { status, ...(version ? { version } : {}) } };
}
