import { withEngine } from '@/lib/api/with-engine';
import { acquireTail, prepareTail, tailClientKey, tailStream } from '@/lib/k8s/run-tail';
import { parseTailParams } from '@/lib/schema/tail';

export const dynamic = 'force-dynamic';

/** New lines of a pod or workload as Server-Sent Events (`lines`, `status`, `problem`; lib/schema/tail.ts). */
export const GET = withEngine(async (request, ctx) => {
  const follow = await prepareTail(parseTailParams(new URL(request.url).searchParams), ctx.client);
  const release = acquireTail(tailClientKey(request));
  return new Response(tailStream(follow, request.signal, release), {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
});
