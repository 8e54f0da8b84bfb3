/**
 * What a panel may search: the embed's source, query and filters, whatever the request says;
 * its time range only when the embed allows the viewer to change it, and never wider than the
 * embed's maximum window (a wider one keeps its end and is cut to the window).
 */
import { panelParts } from '@/lib/embed/panel-data';
import type { EmbedRecord } from '@/lib/schema/embeds';
import { SearchRequest } from '@/lib/schema/search';
import { resolveRequestRange } from '@/lib/search/request-parts';

export function lockedSearchRequest(
  record: EmbedRecord,
  input: { time?: { from: string; to: string } | undefined },
  now: number,
): SearchRequest {
  const wanted = record.allowTimeChange && input.time ? input.time : record.state.time;
  const range = resolveRequestRange(wanted, now);
  const from = Math.max(range.from, range.to - record.maxWindowHours * 3_600_000);
  return SearchRequest.parse({
    ...(record.state.source ? { source: record.state.source } : {}),
    query: record.state.query,
    filters: record.state.filters,
    time: { from: new Date(from).toISOString(), to: new Date(range.to).toISOString() },
    sort: record.state.sort,
    ...panelParts(record.panel),
  });
}
