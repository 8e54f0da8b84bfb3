/**
 * Aggregation searches of different screen parts asked at the same moment, made into fewer: the
 * bars' and the facets' searches of one screen have the same index, query and range (piece for
 * piece: interior with interior, edges with edges) and differ only in their aggregations, so one
 * search carrying both sets does their shared work — finding the query's matches — once.
 *
 * Exact: a `size: 0` search's aggregations are computed independently over the same matches, so
 * each set comes back as it would alone. Each member's aggregation names get a prefix of their own
 * in the merged search and lose it in the answer, so no two sets can collide. Pure; the batching in
 * time is lib/search/engine-batch.ts.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { PartSearch } from '@/lib/search/screen-parts';

type Aggs = Record<string, estypes.AggregationsAggregationContainer>;
type Item = estypes.MsearchResponseItem<unknown>;

/** Where one asked search is found among the merged ones: its index, and the prefix of its aggregations there. */
export interface Route {
  search: number;
  /** null: sent as asked (nothing to share it with). */
  prefix: string | null;
}

export interface MergedSearches {
  searches: PartSearch[];
  /** Per call, per search of that call (in its order), where its answer is. */
  routes: Route[][];
}

/** What a search must share with another to be merged with it: everything but its aggregations. */
function shareKey(request: estypes.SearchRequest): string | null {
  const { aggs, ...rest } = request;
  if (!aggs || request.size !== 0 || request.aggregations !== undefined) return null;
  return JSON.stringify(rest);
}

/** The prefix the `j`-th member of a merged search gives its aggregation names (no `[`, `]` or `>`: the engine's rule). */
export const memberPrefix = (j: number): string => `m${j}_`;

/**
 * The calls' searches with every group of `size: 0` searches that differ only in their
 * aggregations made into one (each member's names prefixed); other searches as asked.
 */
export function mergeSearches(calls: readonly (readonly PartSearch[])[]): MergedSearches {
  const searches: PartSearch[] = [];
  /** Per shared key: where its merged search is, and how many members it has so far. */
  const groups = new Map<string, { at: number; members: number }>();
  const keys = calls.map((parts) => parts.map((p) => shareKey(p.request)));
  // Which keys are shared by more than one search: only those are merged (and renamed).
  const seen = new Map<string | null, number>();
  for (const key of keys.flat()) seen.set(key, (seen.get(key) ?? 0) + 1);
  const routes = calls.map((parts, call) =>
    parts.map((search, index): Route => {
      const key = keys[call]![index] ?? null;
      if (key === null || seen.get(key)! < 2) {
        searches.push(search);
        return { search: searches.length - 1, prefix: null };
      }
      let group = groups.get(key);
      if (!group) {
        group = { at: searches.length, members: 0 };
        groups.set(key, group);
        searches.push({ part: search.part, request: { ...search.request, aggs: {} } });
      }
      const prefix = memberPrefix(group.members++);
      const merged = searches[group.at]!.request.aggs as Aggs;
      for (const [name, agg] of Object.entries(search.request.aggs!)) merged[prefix + name] = agg;
      return { search: group.at, prefix };
    }),
  );
  return { searches, routes };
}

/** Whether a merged answer must be asked again member by member: it failed, or lost shards (one member's doing, maybe). */
export function mergedFailed(item: Item | undefined): boolean {
  if (!item || 'error' in item) return true;
  return (item._shards?.failed ?? 0) > 0;
}

/** The answer one member would have had: the merged answer with only its aggregations, under their own names. */
export function memberAnswer(item: Item, prefix: string | null): Item {
  if (prefix === null || 'error' in item) return item;
  const aggregations: Record<string, estypes.AggregationsAggregate> = {};
  for (const [name, agg] of Object.entries(item.aggregations ?? {})) {
    if (name.startsWith(prefix)) aggregations[name.slice(prefix.length)] = agg;
  }
  return { ...item, aggregations };
}
