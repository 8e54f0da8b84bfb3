import { readJsonBody } from '@/lib/api/body';
import { jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { withEngine } from '@/lib/api/with-engine';
import { runPodLines } from '@/lib/k8s/run-pod-logs';
import { PodLinesRequest } from '@/lib/schema/pod-logs';
import { searchTimeouts } from '@/lib/search/run-search';

export const dynamic = 'force-dynamic';

/** A pod's lines older than a cursor of `POST /api/pod-logs` (its `older`), oldest → newest (lib/schema/pod-logs.ts). */
export const POST = withEngine(
  async (request, ctx) => jsonResponse(await runPodLines(parseRequest(PodLinesRequest, await readJsonBody(request)), ctx)),
  { deadlineMs: searchTimeouts().deadlineMs, search: true },
);
