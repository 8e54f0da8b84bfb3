import { withEngine } from '@/lib/api/with-engine';
import { metricsResponse } from '@/lib/observability/metrics-route';

export const dynamic = 'force-dynamic';

/** Prometheus text format; 404 when METRICS_ENABLED=false, 401 without `Authorization: Bearer $METRICS_TOKEN` when one is set. */
export const GET = withEngine((request) => metricsResponse(request));
