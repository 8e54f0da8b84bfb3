/**
 * The explorer's live tail sends hits shaped as `POST /api/search` hits: the whole document
 * flattened, its message, and its time as the sort formatted it (nanoseconds kept). Pure.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SearchHit } from '@/lib/schema/search';
import { flattenSource, messageText } from '@/lib/search/flatten';

export function hitsFromTailHits(raw: readonly estypes.SearchHit<unknown>[], messageFields: readonly string[]): SearchHit[] {
  return raw.map((hit) => {
    const fields = flattenSource(hit._source);
    const messageField = messageFields.find((f) => fields[f] !== undefined);
    const time = hit.sort?.[0];
    return {
      id: hit._id ?? '',
      index: hit._index,
      timestamp: typeof time === 'string' ? time : '',
      message: messageField ? messageText(fields[messageField]) : '',
      fields,
    };
  });
}
