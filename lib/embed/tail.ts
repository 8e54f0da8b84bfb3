/**
 * A `tail` panel's live lines: `GET /api/embeds/{id}/tail?t=<token>[&from=…]`. The token's embed
 * fixes everything — source, pod (and container), query and filters — and the request may only
 * say where to start, held to the embed's maximum window. Any other parameter (another pod, a
 * wider query) is ignored, as on the data route. A revoked or expired embed's open stream ends
 * within EMBED_TAIL_RECHECK_MS, and the browser's reconnect then meets the 403.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { authorizeEmbed } from '@/lib/embed/access';
import { EMBED_TAIL_START } from '@/lib/embed/panel-data';
import type { EmbedStore } from '@/lib/embed/store';
import { prepareTail } from '@/lib/k8s/run-tail';
import { TAIL_OVERLAP_MS } from '@/lib/k8s/tail-dedup';
import type { EmbedRecord } from '@/lib/schema/embeds';
import { SEARCH_LIMITS } from '@/lib/schema/search';
import { compileUserQuery, resolveFilterClauses } from '@/lib/search/request-parts';
import { findSource, sourceFields } from '@/lib/sources';
import { resolveDateMath, TimeExpressionError } from '@/lib/time';

export const EMBED_TAIL_RECHECK_MS = 10_000;

type Query = estypes.QueryDslQueryContainer;

/** The embed's query and filters as one clause, added to the tail's pod scope. */
async function lockedClause(record: EmbedRecord): Promise<Query | null> {
  const source = findSource(record.state.source);
  const fields = await sourceFields(source);
  const query = compileUserQuery(record.state.query, fields);
  const clauses = resolveFilterClauses(record.state.filters, fields, source.id);
  const filter = [...(query ? [query] : []), ...clauses.filter];
  if (filter.length === 0 && clauses.must_not.length === 0) return null;
  return { bool: { filter, ...(clauses.must_not.length > 0 ? { must_not: clauses.must_not } : {}) } };
}

/**
 * The start the panel asked for, held so that the tail's first read — which goes back
 * TAIL_OVERLAP_MS further, for late lines — stays inside the embed's maximum window.
 */
function lockedStart(record: EmbedRecord, raw: string | null, now: number): number {
  const text = raw ?? EMBED_TAIL_START;
  if (text.length > SEARCH_LIMITS.timeExpressionLength) throw new ApiError(400, 'invalid_time', 'from: too long', { path: 'from' });
  let start: number;
  try {
    start = resolveDateMath(text, now);
  } catch (err) {
    if (err instanceof TimeExpressionError) throw new ApiError(400, 'invalid_time', err.message, { path: 'from' });
    throw err;
  }
  return Math.min(now, Math.max(start, now - record.maxWindowHours * 3_600_000 + TAIL_OVERLAP_MS));
}

export async function prepareEmbedTail(store: EmbedStore, client: Client, id: string, params: URLSearchParams, now = Date.now()) {
  const record = await authorizeEmbed(store, params.get('t') ?? '', id, now);
  if (record.panel !== 'tail' || !record.pod) throw new ApiError(404, 'not_found', 'this panel has no live tail');
  const start = lockedStart(record, params.get('from'), now);
  const follow = await prepareTail(
    {
      ...(record.state.source ? { source: record.state.source } : {}),
      namespace: record.pod.namespace,
      pod: record.pod.pod,
      ...(record.pod.container ? { container: record.pod.container } : {}),
      from: new Date(start).toISOString(),
    },
    client,
    now,
  );
  const locked = await lockedClause(record);
  return { record, follow: locked ? { ...follow, filters: [...follow.filters, locked] } : follow };
}

/**
 * Calls `revoked` when the embed stops opening (revoked, expired, the origin no longer allowed):
 * checked every EMBED_TAIL_RECHECK_MS while the stream is open. A failed check (engine down) is
 * not a revocation; the tail's own polls report that. Returns the function that stops checking.
 */
export function whileEmbedValid(
  store: EmbedStore,
  id: string,
  token: string,
  revoked: () => void,
  everyMs = EMBED_TAIL_RECHECK_MS,
): () => void {
  const timer = setInterval(() => {
    authorizeEmbed(store, token, id).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 403) revoked();
    });
  }, everyMs);
  return () => clearInterval(timer);
}
