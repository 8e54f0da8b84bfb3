/**
 * GET /api/doc behind the route: one document of a source by index and id, shaped like a search
 * hit, for deep links to a document that is not among the rows a screen has loaded.
 *
 * The lookup is a search over the source's own index pattern for that `_id` in that `_index`,
 * not a `GET /{index}/_doc/{id}`: a caller can only ever reach documents of a configured source
 * (an index outside its pattern simply matches nothing), and the time comes back through the
 * same sort format as the search's rows, nanoseconds included.
 */
import type { estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import type { EngineContext } from '@/lib/api/with-engine';
import type { DocRequest, DocResponse } from '@/lib/documents/doc-params';
import type { SearchHit } from '@/lib/schema/search';
import { buildSort } from '@/lib/search/build-request';
import { flattenSource, messageText } from '@/lib/search/flatten';
import { findSource, messageFieldsOf, mixedTimeTypes, sourceFields } from '@/lib/sources';

export const DOC_DEADLINE_MS = 5_000;

/** The engine request for one document, pure so it can be checked without an engine. */
export function buildDocSearch(
  indexPattern: string,
  timeField: string,
  req: Pick<DocRequest, 'index' | 'id'>,
  opts: { mixedTimeTypes?: boolean } = {},
): estypes.SearchRequest {
  return {
    index: indexPattern,
    size: 1,
    track_total_hits: false,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: { bool: { filter: [{ ids: { values: [req.id] } }, { term: { _index: req.index } }] } },
    // The sort is what formats the time (nanoseconds kept), so a mixed source must convert here too.
    sort: buildSort(timeField, 'desc', opts),
    timeout: '2s',
  };
}

export function toDocumentHit(raw: estypes.SearchHit<unknown>, messageFields: readonly string[]): SearchHit {
  const fields = flattenSource(raw._source);
  const messageField = messageFields.find((f) => fields[f] !== undefined);
  const [time] = raw.sort ?? [];
  return {
    id: raw._id ?? '',
    index: raw._index,
    timestamp: typeof time === 'string' ? time : '',
    message: messageField ? messageText(fields[messageField]) : '',
    fields,
  };
}

export async function getDocument(req: DocRequest, ctx: Pick<EngineContext, 'client' | 'signal'>): Promise<DocResponse> {
  const source = findSource(req.source);
  const fields = await sourceFields(source);
  const response = await ctx.client.search(
    buildDocSearch(source.indexPattern, source.timeField, req, { mixedTimeTypes: mixedTimeTypes(fields, source.timeField) }),
    { signal: ctx.signal },
  );
  const raw = response.hits.hits[0];
  if (!raw) {
    throw new ApiError(404, 'not_found', `no document ${req.id} in index ${req.index} of source ${source.id}`, { path: 'id' });
  }
  return { hit: toDocumentHit(raw, messageFieldsOf(fields)) };
}
