import { readJsonBody } from '@/lib/api/body';
import { parseRequest } from '@/lib/api/validate';
import { withEngine } from '@/lib/api/with-engine';
import { noteValidatedRequest } from '@/lib/observability/context';
import { SearchStreamRequest } from '@/lib/schema/search';
import { searchTimeouts } from '@/lib/search/run-search';
import { streamSearches } from '@/lib/search/stream-search';

export const dynamic = 'force-dynamic';

/**
 * The searches of one screen in one call, each answered as one NDJSON line when ready
 * (lib/search/stream-search.ts); shapes in lib/schema/search.ts (`SearchStreamRequest`,
 * `SearchStreamLine`). A request that is not valid is refused whole (400, naming
 * `requests.N.…`) before any search runs.
 */
export const POST = withEngine(
  async (request, ctx) => {
    const { requests } = parseRequest(SearchStreamRequest, await readJsonBody(request));
    // The request log names the query the screen searched for.
    noteValidatedRequest(requests[0]);
    return new Response(streamSearches(requests, ctx), {
      headers: {
        // Compressed line by line on the event loop by the front door (lib/api/line-gzip.ts);
        // Next.js does not know this type, so it leaves it to the door.
        'content-type': 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store',
        // A reverse proxy (ingress-nginx) would otherwise hold the lines back until the end.
        'x-accel-buffering': 'no',
      },
    });
  },
  { deadlineMs: searchTimeouts().deadlineMs, search: true, stream: true },
);
