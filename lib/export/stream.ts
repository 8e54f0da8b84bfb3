/**
 * Streams every matching document out of the engine without holding the result in memory: a
 * point in time freezes the data set (so the count sent up front is exactly what the file
 * holds), `search_after` with the `_shard_doc` tie-breaker walks it in time order, and the next
 * page is fetched only when the consumer has taken the previous one (a queue of one page).
 *
 * Failure model: everything up to and including the first page happens before the response
 * exists, so those errors become ordinary JSON 4xx/5xx. After that the only honest signal is to
 * break the stream: the client sees a truncated (failed) download, and nothing is appended that
 * could pass for data. The point in time is closed on every way out: end, error, cancel, abort.
 */
import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { closePointInTime, openPointInTime } from '@/lib/es/engine';
import type { RowEncoder } from '@/lib/export/rows';
import type { SortOrder } from '@/lib/schema/search';

export const EXPORT_PAGE_SIZE = 5_000;
/** Long enough for a slow client to drain one page; renewed by every page. */
export const EXPORT_KEEP_ALIVE = '5m';

export interface ExportStreamOptions {
  client: Client;
  index: string;
  query: estypes.QueryDslQueryContainer;
  timeField: string;
  sort: SortOrder;
  /** `_source` includes: the columns' fields. */
  fields: readonly string[];
  maxRows: number;
  /** Fires when the caller goes away (the request's signal). */
  signal: AbortSignal;
  pageSize?: number;
}

export interface OpenedExport {
  /** Rows the stream will deliver: `matched` capped at maxRows. */
  total: number;
  /** Documents that matched at the point in time. */
  matched: number;
  stream: ReadableStream<Uint8Array>;
}

/**
 * The engine answered, but not with every shard: exporting part of the data silently is worse
 * than failing. Thrown before the first byte, it is the route's 503 like any engine failure.
 */
export class ExportShardFailure extends ApiError {
  constructor(failed: number) {
    super(503, 'engine_unavailable', `part of the data is unavailable (${failed} shard(s) failed); the export was not started`);
    this.name = 'ExportShardFailure';
  }
}

export function exportSort(timeField: string, order: SortOrder): estypes.SortCombinations[] {
  return [
    // Same time semantics as the search: nanosecond precision, date and date_nanos indices together.
    { [timeField]: { order, format: 'strict_date_optional_time_nanos', numeric_type: 'date_nanos', unmapped_type: 'date' } },
    { _shard_doc: { order } },
  ];
}

const RESPONSE_FILTER = ['pit_id', 'hits.total', 'hits.hits._source', 'hits.hits.sort', '_shards.failed', 'timed_out'];

type Page = Pick<estypes.SearchResponse<unknown>, 'pit_id' | 'hits' | '_shards' | 'timed_out'>;

function closePit(client: Client, id: string): Promise<void> {
  return closePointInTime(client, id, { requestTimeout: 5_000 });
}

export async function openExportStream(opts: ExportStreamOptions, encoder: RowEncoder): Promise<OpenedExport> {
  const { client, maxRows } = opts;
  const pageSize = Math.max(1, opts.pageSize ?? EXPORT_PAGE_SIZE);
  const aborter = new AbortController();
  let pitId: string | undefined;
  let closed = false;
  /** Idempotent; never throws: a PIT that fails to close expires after its keep-alive anyway. */
  const finish = async () => {
    if (closed) return;
    closed = true;
    opts.signal.removeEventListener('abort', onAbort);
    if (pitId) await closePit(client, pitId);
  };
  // The caller may leave while no page is being read: stop the engine's work and free the PIT now.
  const onAbort = () => {
    aborter.abort();
    void finish();
  };
  opts.signal.addEventListener('abort', onAbort);
  if (opts.signal.aborted) aborter.abort();

  let sent = 0;
  let searchAfter: estypes.SortResults | undefined;
  let exhausted = false;
  const sort = exportSort(opts.timeField, opts.sort);
  const source = { includes: [...opts.fields] };

  const fetchPage = async (first: boolean): Promise<Page> => {
    const size = Math.min(pageSize, maxRows - sent);
    const res = (await client.search(
      {
        pit: { id: pitId ?? '', keep_alive: EXPORT_KEEP_ALIVE },
        query: opts.query,
        sort,
        size,
        _source: source,
        track_total_hits: first,
        allow_partial_search_results: false,
        ...(searchAfter ? { search_after: searchAfter } : {}),
        filter_path: RESPONSE_FILTER,
      },
      { signal: aborter.signal },
    )) as Page;
    if ((res._shards?.failed ?? 0) > 0 || res.timed_out) throw new ExportShardFailure(res._shards?.failed ?? 0);
    if (res.pit_id) pitId = res.pit_id;
    const hits = res.hits?.hits ?? [];
    sent += hits.length;
    const last = hits[hits.length - 1];
    if (last?.sort) searchAfter = last.sort;
    if (hits.length < size || sent >= maxRows || !last?.sort) exhausted = true;
    return res;
  };

  const encodePage = (page: Page): string => {
    let text = '';
    for (const hit of page.hits?.hits ?? []) text += encoder.encode(hit._source);
    return text;
  };

  let firstText: string;
  let matched: number;
  try {
    const openedId = await openPointInTime(
      client,
      { index: opts.index, keepAlive: EXPORT_KEEP_ALIVE, ignoreUnavailable: true, allowPartialSearchResults: false },
      { signal: aborter.signal },
    );
    pitId = openedId;
    // Aborted while the PIT was being opened: finish() ran before there was anything to close.
    if (closed) {
      await closePit(client, openedId);
      throw new errors.RequestAbortedError('the export was cancelled by the caller');
    }
    const first = await fetchPage(true);
    const total = first.hits?.total;
    matched = typeof total === 'number' ? total : (total?.value ?? 0);
    firstText = encoder.preamble() + encodePage(first);
  } catch (err) {
    await finish();
    throw err;
  }

  const utf8 = new TextEncoder();
  let pending: string | null = firstText;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          let text = pending;
          pending = null;
          if (text === null && !exhausted) text = encodePage(await fetchPage(false));
          if (text) controller.enqueue(utf8.encode(text));
          if (exhausted) {
            await finish();
            controller.close();
          }
        } catch (err) {
          await finish();
          if (!aborter.signal.aborted) console.error('[export] stopped mid-stream:', err instanceof Error ? err.name : err);
          controller.error(err);
        }
      },
      async cancel() {
        aborter.abort();
        await finish();
      },
    },
    // One page may wait while the consumer drains another: the whole backpressure budget.
    { highWaterMark: 1 },
  );
  return { total: Math.min(matched, maxRows), matched, stream };
}
