/**
 * POST /api/export: the search request's "what" (source, query, filters, time, sort) plus the
 * file's shape. The row cap comes from the server's configuration (`EXPORT_MAX_ROWS`), so the
 * schema only checks the number's form and the route checks it against the cap.
 */
import { z } from 'zod';
import { EXPORT_HEADERS } from '@/lib/schema/limits';
import { SEARCH_LIMITS, SearchRequest } from '@/lib/schema/search';

export const EXPORT_LIMITS = {
  maxColumns: 100,
  defaultMaxRows: 1_000_000,
} as const;

export const ExportFormat = z.enum(['csv', 'ndjson']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportRequest = SearchRequest.pick({ source: true, query: true, filters: true, time: true, sort: true })
  .extend({
    format: ExportFormat.default('csv'),
    /**
     * Profile meanings (`namespace`, `message`, …) or field names the source has; the time field
     * always comes first. Left out: the explorer's default columns (those the source has).
     */
    columns: z
      .array(z.string().min(1, 'a column name is required').max(SEARCH_LIMITS.fieldNameLength))
      .min(1, 'choose at least one column')
      .max(EXPORT_LIMITS.maxColumns, `at most ${EXPORT_LIMITS.maxColumns} columns`)
      .optional(),
    /** Defaults to, and may not exceed, the server's cap. */
    maxRows: z.number().int('maxRows must be a whole number').min(1, 'maxRows must be at least 1').optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportRequestInput = z.input<typeof ExportRequest>;

/** Response headers the UI reads for progress (rows done / total). */
export { EXPORT_HEADERS };
