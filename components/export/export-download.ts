/**
 * Reads POST /api/export in the page and hands the file to the browser's download when it is
 * complete. Why not let the browser download the response itself (a form POST)? Then the page
 * sees neither the row count nor the end, cannot cancel, and a server error after the first
 * byte would leave a truncated file that looks whole. Reading it here gives exact progress
 * (rows counted as they arrive against `X-Export-Total`), a cancel that aborts the request (the
 * server closes its point in time), and a download only of a file that arrived whole.
 *
 * The cost: the browser holds the file until the end. The bytes are folded into a Blob every
 * few megabytes, which browsers keep outside the JavaScript heap (Chromium spills large blobs
 * to disk), so a million-row file does not sit in page memory. The server streams either way.
 */
import { ApiError } from '@/lib/queries/api-error';
import { exportRowCounter } from '@/lib/export/row-count';
import type { ApiErrorBody } from '@/lib/schema/errors';
import { EXPORT_HEADERS } from '@/lib/schema/limits';
import type { ExportFormat, ExportRequestInput } from '@/lib/schema/export';

export interface ExportProgress {
  rows: number;
  /** Rows the file will hold (`X-Export-Total`), known once the response starts. */
  total: number;
  /** Rows that matched before the server's cap. */
  matched: number;
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
  rows: number;
  total: number;
}

const MIME: Record<ExportFormat, string> = { csv: 'text/csv', ndjson: 'application/x-ndjson' };
const FOLD_BYTES = 4 * 1024 * 1024;

/** The server builds a plain ASCII name; anything else is ignored rather than trusted. */
function filenameFrom(disposition: string | null, format: ExportFormat): string {
  const match = /filename="([A-Za-z0-9._-]{1,200})"/.exec(disposition ?? '');
  return match?.[1] ?? `logs.${format}`;
}

function headerCount(response: Response, name: string): number {
  const n = Number(response.headers.get(name));
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
  if (body && typeof body.error?.message === 'string')
    return new ApiError(response.status, body.error.code, body.error.message, body.error);
  return new ApiError(
    response.status,
    response.status >= 500 ? 'internal' : 'bad_request',
    `The server answered ${response.status}.`,
    null,
  );
}

export async function downloadExport(
  request: ExportRequestInput & { format: ExportFormat },
  signal: AbortSignal,
  onProgress: (progress: ExportProgress) => void,
): Promise<ExportedFile> {
  let response: Response;
  try {
    response = await fetch('/api/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal,
      cache: 'no-store',
    });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new ApiError(0, 'network', 'The Log Explorer server cannot be reached.', null);
  }
  if (!response.ok || !response.body) throw await failure(response);

  const total = headerCount(response, EXPORT_HEADERS.total);
  const matched = headerCount(response, EXPORT_HEADERS.matched);
  const counter = exportRowCounter(request.format);
  const type = MIME[request.format];
  let folded = new Blob([], { type });
  // Fetch hands out chunks over plain ArrayBuffers (never shared ones), which is what Blob takes.
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  onProgress({ rows: 0, total, matched });

  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending.push(value as Uint8Array<ArrayBuffer>);
      pendingBytes += value.byteLength;
      onProgress({ rows: counter.push(value), total, matched });
      if (pendingBytes >= FOLD_BYTES) {
        folded = new Blob([folded, ...pending], { type });
        pending = [];
        pendingBytes = 0;
      }
    }
  } catch (err) {
    if (signal.aborted) throw err;
    // The server breaks the stream when the engine fails mid-way: say so, and keep no partial file.
    throw new ApiError(0, 'engine_error', 'The export broke off before the end; no file was saved. Try again.', null);
  } finally {
    reader.releaseLock();
  }
  if (counter.rows !== total) {
    throw new ApiError(0, 'internal', `The export ended after ${counter.rows} of ${total} rows; no file was saved. Try again.`, null);
  }
  return {
    blob: new Blob([folded, ...pending], { type }),
    filename: filenameFrom(response.headers.get('content-disposition'), request.format),
    rows: counter.rows,
    total,
  };
}

/** Hands a finished file to the browser's download, from a same-origin object URL. */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its own reference by the next task; the page's can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
