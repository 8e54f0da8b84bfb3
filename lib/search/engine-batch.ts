/**
 * The aggregation searches of one streamed screen (`POST /api/search/stream`: the bars part and
 * the facets part), asked of the engine together: calls made in the same turn of the event loop
 * go out as one `_msearch`, with the searches that differ only in their aggregations merged
 * (lib/search/merge-parts.ts says why that is exact). The screen's parts stay separate requests
 * with their own answers and errors; only the engine's work is shared.
 *
 * - A call alone in its turn is asked exactly as without a batch.
 * - A merged search that fails or loses shards is asked again call by call, so a facet the engine
 *   cannot compute (a field mapped differently across indices) still costs that facet only.
 * - Each call keeps its own signal: a call cancelled stops waiting at once; the engine request is
 *   cancelled when every call in it is.
 * - The engine-search gate counts the merged call as the parts it serves (one each, as if asked
 *   apart), so a screen still takes as many places as before.
 * I/O; tested against the engine (tests/integration/engine-batch.test.ts, search-stream.test.ts).
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { ENGINE_SEARCHES } from '@/lib/es/gated-transport';
import { memberAnswer, mergedFailed, mergeSearches } from '@/lib/search/merge-parts';
import { msearchOptions, toMsearchLines, type PartSearch } from '@/lib/search/screen-parts';

type Item = estypes.MsearchResponseItem<unknown>;

interface Call {
  client: Client;
  parts: PartSearch[];
  signal: AbortSignal;
  resolve: (items: Item[]) => void;
  reject: (err: unknown) => void;
}

/**
 * The parts in one `_msearch`, their answers one item each, in order. The engine-search gate is
 * told the parts it serves (lib/es/gated-transport.ts, ENGINE_SEARCHES): a part asked in pieces,
 * or merged with another, counts once per part.
 */
export async function msearchParts(
  client: Client,
  parts: readonly PartSearch[],
  signal: AbortSignal,
  serves: readonly PartSearch[] = parts,
): Promise<Item[]> {
  const res = await client.msearch(
    { searches: toMsearchLines(parts), ...msearchOptions(parts) },
    { signal, context: { [ENGINE_SEARCHES]: new Set(serves.map((p) => p.part)).size } },
  );
  return res.responses;
}

/** The parts asked as they would be without a batch: one search, or one `_msearch`. */
async function askAlone(client: Client, parts: PartSearch[], signal: AbortSignal): Promise<Item[]> {
  if (parts.length === 1) return [(await client.search(parts[0]!.request, { signal })) as Item];
  return msearchParts(client, parts, signal);
}

/** A signal that aborts once every one of `signals` has. */
function whenAllAborted(signals: readonly AbortSignal[]): AbortSignal {
  const all = new AbortController();
  const check = () => {
    if (signals.every((s) => s.aborted)) all.abort();
  };
  for (const s of signals) s.addEventListener('abort', check, { once: true });
  check();
  return all.signal;
}

export class EngineBatch {
  private pending: Call[] = [];

  /** The answers to `parts` (one item per search, in order), asked with the other calls of this turn. */
  ask(client: Client, parts: PartSearch[], signal: AbortSignal): Promise<Item[]> {
    return new Promise<Item[]>((resolve, reject) => {
      if (signal.aborted) return reject(new errors.RequestAbortedError('Request aborted'));
      const call: Call = { client, parts, signal, resolve, reject };
      signal.addEventListener('abort', () => reject(new errors.RequestAbortedError('Request aborted')), { once: true });
      this.pending.push(call);
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const calls = this.pending.filter((c) => !c.signal.aborted);
    this.pending = [];
    if (calls.length === 0) return;
    const alone = (call: Call) => askAlone(call.client, call.parts, call.signal).then(call.resolve, call.reject);
    const { searches, routes } = mergeSearches(calls.map((c) => c.parts));
    if (calls.length === 1 || searches.length === calls.reduce((n, c) => n + c.parts.length, 0)) {
      // Nothing shared: each call as it would go alone.
      await Promise.all(calls.map(alone));
      return;
    }
    let responses: Item[];
    try {
      const signals = calls.map((c) => c.signal);
      responses = await msearchParts(
        calls[0]!.client,
        searches,
        whenAllAborted(signals),
        calls.flatMap((c) => c.parts),
      );
    } catch (err) {
      for (const call of calls) call.reject(err);
      return;
    }
    await Promise.all(
      calls.map((call, i) => {
        const mine = routes[i]!;
        if (mine.some((r) => (r.prefix === null ? !responses[r.search] : mergedFailed(responses[r.search])))) return alone(call);
        call.resolve(mine.map((r) => memberAnswer(responses[r.search]!, r.prefix)));
        return undefined;
      }),
    );
  }
}
