/**
 * The explorer's first page of rows, searched on the server while the page renders (app/page.tsx)
 * so that the rows are in the HTML: the browser paints them before any script has run and does not
 * ask for them again; the count, bars and facets still come from the browser (rows first). Server
 * only: the rows part exactly as the browser would ask POST /api/search for it (the same request,
 * validation, search and shedding gate), with relative times resolved at one `now` that the
 * browser then uses for the other parts, so they count the same instants.
 */
import { SearchRequest, type SearchResponse } from '@/lib/schema/search';
import { searchForPage } from '@/lib/search/page-search';
import { runSearch } from '@/lib/search/run-search';
import { isValidTimeZone, rangeNeedsZone, UTC } from '@/lib/time';
import { decodeState } from '@/lib/url-state/codec';
import { screenParts, toSearchRequest } from './search-request';

/** Past this the page is sent without its rows and the browser asks for them: a slow engine must not hold the whole page. */
const FIRST_ROWS_DEADLINE_MS = 2_000;

export interface FirstRows {
  /** The instant relative times were resolved at; the browser's first count, bars and facets use it too. */
  now: number;
  /** The zone the rows were asked for and their times rendered in: the URL's, the viewer's cookie, or UTC. */
  zone: string;
  /** No zone was known (no `tz`, no cookie): the range means the same in every zone, only the times shown follow the browser's. */
  guessed: boolean;
  /** The rows part as the browser sends it (its query key). */
  request: SearchRequest;
  page: SearchResponse;
}

export async function explorerFirstRows(params: URLSearchParams, cookieZone: string | undefined): Promise<FirstRows | null> {
  const state = decodeState(params);
  const known = state.time.timeZone ?? (cookieZone && isValidTimeZone(cookieZone) ? cookieZone : undefined);
  const now = Date.now();
  // `now/d` or a wall-clock time in an unknown zone would be a guess: the browser asks instead.
  if (!known && rangeNeedsZone(state.time, now)) return null;
  const zone = known ?? UTC;
  const request = screenParts(toSearchRequest(state, zone), now).rows;
  const page = await searchForPage('/', (ctx) => runSearch(SearchRequest.parse(request), { ...ctx, now }), {
    deadlineMs: FIRST_ROWS_DEADLINE_MS,
  });
  return page ? { now, zone, guessed: !known, request, page } : null;
}
