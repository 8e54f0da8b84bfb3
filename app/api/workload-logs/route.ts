import { readJsonBody } from '@/lib/api/body';
import { jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { withEngine } from '@/lib/api/with-engine';
import { runWorkloadLogs } from '@/lib/k8s/run-pod-logs';
import { WorkloadLogsRequest } from '@/lib/schema/pod-logs';
import { searchTimeouts } from '@/lib/search/run-search';

export const dynamic = 'force-dynamic';

/** Every pod of a workload and their lines interleaved in time (lib/schema/pod-logs.ts). */
export const POST = withEngine(
  async (request, ctx) => jsonResponse(await runWorkloadLogs(parseRequest(WorkloadLogsRequest, await readJsonBody(request)), ctx)),
  { deadlineMs: searchTimeouts().deadlineMs, search: true },
);
