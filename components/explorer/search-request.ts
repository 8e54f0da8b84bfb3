import type { SearchRequest } from '@/lib/schema/search';
import type { ExplorerState } from '@/lib/url-state/codec';
import { InvalidTimeRangeError, resolveTimeRange } from '@/lib/time';
import { isRelativeRange } from '@/lib/url-state/share-link';
import { effectiveZone } from '@/components/time-picker/time-format';
import { stableJson } from '@/lib/url-state/same-screen';
import type { FirstRows } from './first-rows';

/** The cookie the browser keeps its own zone in, so the server renders a screen's first rows in it. */
export const VIEWER_ZONE_COOKIE = 'lx-tz';
/** Profile meanings the server resolves for the source; the order is the sidebar's order. */
export const FACET_MEANINGS = ['namespace', 'pod', 'container', 'level', 'node'] as const;
export const PAGE_SIZE = 100;
/** More than a sidebar shows at once, so the filter box inside a facet has values to find. */
const FACET_SIZE = 50;

/**
 * Which rows the screen shows, as every request about them (search, export) says it.
 * `viewerZone`: the zone the viewer reads in when the URL names none (the browser's by default;
 * the server rendering the first rows passes the one it knows, see first-rows.ts).
 */
export function screenSelection(
  state: ExplorerState,
  viewerZone?: string,
): Pick<SearchRequest, 'source' | 'query' | 'filters' | 'time' | 'sort'> {
  return {
    ...(state.source ? { source: state.source } : {}),
    query: state.query,
    filters: state.filters.filter((f) => !f.disabled),
    // The browser's own zone unless the screen chose one: bars and `now/d` follow the viewer.
    time: { ...state.time, timeZone: effectiveZone(state.time, viewerZone) },
    sort: state.sort,
  };
}

/**
 * The screen's parts, each its own API call made in parallel (rows first: they are the fastest
 * part and what the user reads): the rows; the exact count with the bars; the facets. A relative
 * range is resolved once, here, against one `now` (lib/time, the server's own date math), so the
 * three parts count the very same instants — as Kibana resolves time in the browser.
 */
export function screenParts(request: SearchRequest, now: number): { rows: SearchRequest; counts: SearchRequest; facets: SearchRequest } {
  let time = request.time;
  if (isRelativeRange(time)) {
    try {
      const range = resolveTimeRange(time, now);
      time = {
        from: new Date(range.from).toISOString(),
        to: new Date(range.to).toISOString(),
        ...(time.timeZone ? { timeZone: time.timeZone } : {}),
      };
    } catch (err) {
      // Left as it is: the server answers with the same 400, at the field.
      if (!(err instanceof InvalidTimeRangeError)) throw err;
    }
  }
  const base = { ...request, time };
  return {
    // The count comes with the bars: the rows stop after their page instead of counting on.
    rows: { ...base, histogram: false, facets: [], total: false },
    counts: { ...base, size: 0, histogram: true, facets: [] },
    facets: { ...base, size: 0, histogram: false },
  };
}

/**
 * Only what changes the answer goes into the request (and so into the query key): columns, the
 * open document and disabled filters do not, so toggling them costs no API call.
 */
export function toSearchRequest(state: ExplorerState, viewerZone?: string): SearchRequest {
  return {
    ...screenSelection(state, viewerZone),
    size: PAGE_SIZE,
    histogram: true,
    facets: [...FACET_MEANINGS],
    facetSize: FACET_SIZE,
    total: true,
  };
}

/** The rows request without its zone, which changes no row of a range that means the same in every zone. */
const withoutZone = (request: SearchRequest) => stableJson({ ...request, time: { ...request.time, timeZone: undefined } });

/** Whether the server's first rows are this screen's: the same rows part at the server's `now` (and zone, unless any zone reads it alike). */
export function fitsFirstRows(request: SearchRequest, first: FirstRows): boolean {
  const rows = screenParts(request, first.now).rows;
  if (rows.time.timeZone !== first.request.time.timeZone && !first.guessed) return false;
  return withoutZone(rows) === withoutZone(first.request);
}
