import { readJsonBody } from '@/lib/api/body';
import { jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { withEngine } from '@/lib/api/with-engine';
import { SearchRequest } from '@/lib/schema/search';
import { runSearch, searchTimeouts } from '@/lib/search/run-search';

export const dynamic = 'force-dynamic';

/** One explorer screen in one engine round trip; the request and response shapes are in lib/schema/search.ts. */
export const POST = withEngine(
  async (request, ctx) => {
    const req = parseRequest(SearchRequest, await readJsonBody(request));
    return jsonResponse(await runSearch(req, ctx));
  },
  { deadlineMs: searchTimeouts().deadlineMs, search: true },
);
