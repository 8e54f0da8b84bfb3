import { exportLogs } from '@/lib/export/handler';

export const dynamic = 'force-dynamic';

/**
 * POST /api/export {source?, query, filters, time, sort, format: csv|ndjson, columns, maxRows?}
 * → the file, streamed; `X-Export-Total` holds the row count for progress.
 */
export function POST(request: Request): Promise<Response> {
  return exportLogs(request);
}
