import { engineHealth } from '@/lib/api/health';
import { jsonResponse } from '@/lib/api/errors';
import { withEngine } from '@/lib/api/with-engine';

export const dynamic = 'force-dynamic';

/** 200 `{status:'ok', engine:{status, version?}}` while the engine answers, else 503 with the reason. */
export const GET = withEngine(async (_request, ctx) => jsonResponse(await engineHealth(ctx.client, ctx.signal)), {
  deadlineMs: 5_000,
});
