import { readJsonBody } from '@/lib/api/body';
import { jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { withEngine } from '@/lib/api/with-engine';
import { runPodLogs } from '@/lib/k8s/run-pod-logs';
import { PodLogsRequest } from '@/lib/schema/pod-logs';
import { searchTimeouts } from '@/lib/search/run-search';

export const dynamic = 'force-dynamic';

/** A pod's lines oldest → newest, with its restarts, whether it is gone and who replaced it (lib/schema/pod-logs.ts). */
export const POST = withEngine(
  async (request, ctx) => jsonResponse(await runPodLogs(parseRequest(PodLogsRequest, await readJsonBody(request)), ctx)),
  { deadlineMs: searchTimeouts().deadlineMs, search: true },
);
