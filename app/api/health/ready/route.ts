import { jsonResponse } from '@/lib/api/errors';
import { appReadiness } from '@/lib/api/health';
import { withEngine } from '@/lib/api/with-engine';
import { getLinkStore } from '@/lib/links/handlers';
import { isDraining } from '@/lib/observability/lifecycle';
import { getViewStore } from '@/lib/views/handlers';

export const dynamic = 'force-dynamic';

/** Readiness probe: 200 `{status:'ready', engine, indices}` or 503 (engine down or red, indices unusable, shutting down). */
export const GET = withEngine(
  async (_request, ctx) =>
    jsonResponse(await appReadiness(ctx.client, ctx.signal, { views: getViewStore(), links: getLinkStore() }, isDraining())),
  { deadlineMs: 5_000 },
);
