import { withEngine } from '@/lib/api/with-engine';
import { exportLogs } from '@/lib/export/handler';

export const dynamic = 'force-dynamic';

/**
 * POST /api/export {source?, query, filters, time, sort, format: csv|ndjson, columns, maxRows?}
 * → the file, streamed; `X-Export-Total` holds the row count for progress. The export reads
 * `request.signal` itself: the frame's deadline must not cut a long download.
 */
export const POST = withEngine(exportLogs, { export: true });
