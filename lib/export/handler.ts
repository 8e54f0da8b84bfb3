/**
 * POST /api/export as a plain `Request → Response` function. Everything that can go wrong with
 * the request (validation, source, time, query, the engine refusing the first page) is answered
 * as JSON before the first byte of the file; see lib/export/stream.ts for what happens after.
 */
import { readJsonBody } from '@/lib/api/body';
import { ApiError } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import type { EngineContext } from '@/lib/api/with-engine';
import { planExport } from '@/lib/export/query';
import { rowEncoder } from '@/lib/export/rows';
import { openExportStream } from '@/lib/export/stream';
import { EXPORT_HEADERS, EXPORT_LIMITS, ExportRequest, type ExportFormat } from '@/lib/schema/export';

/** `EXPORT_MAX_ROWS`: the default and the ceiling of `maxRows`. */
export function exportMaxRows(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.EXPORT_MAX_ROWS?.trim();
  if (!raw) return EXPORT_LIMITS.defaultMaxRows;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ApiError(500, 'internal', `the server's EXPORT_MAX_ROWS setting is invalid: expected a positive whole number`);
  }
  return n;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

function compactInstant(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * `<source>-<from>-<to>.<format>` (`logs-20261119T120000Z-20261120T120000Z.csv`). ASCII letters,
 * digits, `.`, `_`, `-` only: no quoting, path or header tricks in the name.
 */
export function exportFilename(sourceId: string, range: { from: number; to: number }, format: ExportFormat): string {
  const base = `${sourceId}-${compactInstant(range.from)}-${compactInstant(range.to)}`;
  return `${base.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120)}.${format}`;
}

/**
 * Runs inside the one frame (lib/api/with-engine.ts), which answers whatever it throws before
 * the first byte. The stream reads `request.signal`, not the frame's: the frame's deadline must
 * not cut a long download.
 */
export async function exportLogs(request: Request, ctx: Pick<EngineContext, 'client'>): Promise<Response> {
  const req = parseRequest(ExportRequest, await readJsonBody(request));
  const cap = exportMaxRows();
  if (req.maxRows !== undefined && req.maxRows > cap) {
    throw new ApiError(400, 'validation_failed', `maxRows: this server exports at most ${cap} rows`, { path: 'maxRows' });
  }
  const plan = await planExport(req, Date.now());
  const opened = await openExportStream(
    {
      client: ctx.client,
      index: plan.source.indexPattern,
      query: plan.query,
      timeField: plan.source.timeField,
      sort: req.sort,
      fields: plan.columns.map((c) => c.field),
      maxRows: req.maxRows ?? cap,
      signal: request.signal,
    },
    rowEncoder(req.format, plan.columns),
  );
  return new Response(opened.stream, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[req.format],
      'content-disposition': `attachment; filename="${exportFilename(plan.source.id, plan.range, req.format)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [EXPORT_HEADERS.total]: String(opened.total),
      [EXPORT_HEADERS.matched]: String(opened.matched),
    },
  });
}
