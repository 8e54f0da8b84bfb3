import { jsonResponse } from '@/lib/api/errors';
import { withEngine } from '@/lib/api/with-engine';

export const dynamic = 'force-dynamic';

/** Liveness probe: the process answers. Never asks the engine (an engine outage must not restart the app). */
export const GET = withEngine(async () => jsonResponse({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
