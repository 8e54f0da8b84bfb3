import { readJsonBody } from '@/lib/api/body';
import { jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { withEngine } from '@/lib/api/with-engine';
import { runContext } from '@/lib/k8s/run-context';
import { ContextRequest } from '@/lib/schema/context';
import { searchTimeouts } from '@/lib/search/run-search';

export const dynamic = 'force-dynamic';

/** The lines written before and after one line, in the order they were written (lib/schema/context.ts). */
export const POST = withEngine(
  async (request, ctx) => jsonResponse(await runContext(parseRequest(ContextRequest, await readJsonBody(request)), ctx)),
  { deadlineMs: searchTimeouts().deadlineMs, search: true },
);
