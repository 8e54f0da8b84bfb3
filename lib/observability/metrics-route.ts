import { timingSafeEqual } from 'node:crypto';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { opsSettings } from '@/lib/config/env';
import { appMetrics } from '@/lib/observability/metrics';

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /api/metrics: off, open, or behind a bearer token, as configured. */
export async function metricsResponse(request: Request): Promise<Response> {
  const { metricsEnabled, metricsToken } = opsSettings();
  if (!metricsEnabled) return errorResponse(new ApiError(404, 'not_found', 'metrics are turned off (METRICS_ENABLED=false)'));
  if (metricsToken) {
    const header = request.headers.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!tokenMatches(given, metricsToken)) {
      const res = errorResponse(new ApiError(401, 'unauthorized', 'metrics need `Authorization: Bearer <METRICS_TOKEN>`'));
      res.headers.set('www-authenticate', 'Bearer');
      return res;
    }
  }
  const { registry } = appMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
