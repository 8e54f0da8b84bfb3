/**
 * The first page of rows on the engine's early stop. The app's sort is (time, `_index`,
 * `_seq_no`) so pages never skip or repeat a line (lib/search/build-request.ts, `buildSort`);
 * but the engine stops early on a time-sorted index only when the sort is a prefix of the index
 * sort (Lucene's `TopFieldCollector`), so with the two tie-breakers every engine reads every
 * match: the 24 h screen's 100 rows visit all 1,000,000 documents of the 1M bench day on
 * Elasticsearch 8 and 9 and OpenSearch 2 and 3 alike (`profile: true`, bench/README.md, "Why the
 * other engines were slower"). Sorted by time alone, the same page visits 118–1,512.
 *
 * So a first page asks for one row more than it shows, sorted by time only, with each hit's
 * `_seq_no`. When the last row shown and the one after it differ in time, no group of equal times
 * straddles the page's end, so the page holds exactly the rows the full sort would put there;
 * ordering each group of equal times by (`_index`, `_seq_no`) gives the full sort's order and sort
 * values, and the cursor is the one the full sort would have made. When they tie, the page is
 * asked again with the full sort (`exact`): a second round trip, only for that case. Pure.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SortOrder } from '@/lib/schema/search';

type RawHit = estypes.SearchHit<unknown>;

/** The rows search sorted by time alone: one more row, each with its `_seq_no`. */
export function timeSortedRowsRequest(exact: estypes.SearchRequest): estypes.SearchRequest {
  const sort = Array.isArray(exact.sort) ? exact.sort.slice(0, 1) : exact.sort;
  return { ...exact, sort, size: (exact.size ?? 0) + 1, seq_no_primary_term: true };
}

/** `_index` sorts as the engine compares it: by its UTF-8 bytes. */
function compareIndexNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The page the full sort gives, from hits sorted by time only (`timeSortedRowsRequest`); null
 * when it cannot be told apart from them (equal times across the page's end, a hit without its
 * time or `_seq_no`): then ask with the full sort.
 */
export function pageFromTimeSortedHits(hits: readonly RawHit[], size: number, order: SortOrder): RawHit[] | null {
  const timeOf = (hit: RawHit | undefined) => hit?.sort?.[0];
  if (hits.some((h) => typeof timeOf(h) !== 'string' || typeof h._seq_no !== 'number')) return null;
  if (hits.length > size && timeOf(hits[size - 1]) === timeOf(hits[size])) return null;
  const direction = order === 'desc' ? -1 : 1;
  const page = hits.slice(0, size).map((h) => ({ ...h, sort: [timeOf(h) as string, h._index, h._seq_no as number] }));
  // The engine already ordered by time; only runs of equal times are put in (index, seq_no) order.
  for (let start = 0; start < page.length;) {
    let end = start + 1;
    while (end < page.length && page[end]!.sort[0] === page[start]!.sort[0]) end++;
    if (end - start > 1) {
      const run = page
        .slice(start, end)
        .sort((a, b) => direction * (compareIndexNames(a._index, b._index) || (a._seq_no as number) - (b._seq_no as number)));
      page.splice(start, run.length, ...run);
    }
    start = end;
  }
  return page;
}
