/**
 * How many processors the engine's data nodes have (the fewest of them): how many shard searches
 * one node can run at once without slowing each other down. The rows' search asks for no more
 * shards at a time than that (lib/search/screen-parts.ts, `withShardConcurrency`).
 *
 * Asked once and remembered ten minutes. The nodes API needs the cluster's `monitor` privilege; an
 * engine that will not say (or cannot be reached) gives null, remembered a minute, and the
 * engine's own default stands.
 */
import type { Client } from '@elastic/elasticsearch';

const KNOWN_MS = 10 * 60_000;
const UNKNOWN_MS = 60_000;

interface NodesOs {
  nodes?: Record<string, { roles?: string[]; os?: { allocated_processors?: number } }>;
}

/** The fewest processors among the data nodes of a nodes-info answer; null when none says. */
export function fewestDataProcessors(answer: NodesOs): number | null {
  let fewest: number | null = null;
  for (const node of Object.values(answer.nodes ?? {})) {
    // A node without roles listed holds data (engines before roles were reported).
    const holdsData = !node.roles || node.roles.some((r) => r === 'data' || r.startsWith('data_'));
    const processors = Number(node.os?.allocated_processors);
    if (!holdsData || !Number.isInteger(processors) || processors < 1) continue;
    fewest = fewest === null ? processors : Math.min(fewest, processors);
  }
  return fewest;
}

const known = new WeakMap<Client, { until: number; processors: Promise<number | null> }>();

export function dataNodeProcessors(client: Client, now = Date.now()): Promise<number | null> {
  const entry = known.get(client);
  if (entry && now < entry.until) return entry.processors;
  const processors = client.nodes
    .info({ metric: 'os', filter_path: ['nodes.*.roles', 'nodes.*.os.allocated_processors'] }, { requestTimeout: 5_000, maxRetries: 0 })
    .then(
      (answer) => fewestDataProcessors(answer as NodesOs),
      () => null,
    );
  known.set(client, { until: now + KNOWN_MS, processors });
  void processors.then((n) => {
    if (n === null) known.set(client, { until: now + UNKNOWN_MS, processors });
  });
  return processors;
}
