import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/queries/api-error';
import { downloadExport, type ExportProgress } from './export-download';

const encoder = new TextEncoder();

/** A streamed response whose body arrives in exactly these chunks (split anywhere, even in a cell). */
function streamed(chunks: string[], headers: Record<string, string>, failAfter?: number): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter) return controller.error(new Error('connection reset'));
      const chunk = chunks[i++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, { status: 200, headers });
}

function serve(response: Response | Error) {
  const fetch = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

const CSV_HEADERS = {
  'content-type': 'text/csv',
  'content-disposition': 'attachment; filename="logs-20261119T120000Z-20261120T120000Z.csv"',
  'x-export-total': '3',
  'x-export-matched': '3',
};
// Three rows, the second a quoted multi-line message, cut into chunks at awkward places.
const CSV = '@timestamp,log\r\n2026-11-20T10:00:00Z,one\r\n2026-11-20T09:00:00Z,"two\r\nlines"\r\n2026-11-20T08:00:00Z,three\r\n';
const chunksOf = (s: string, size: number) =>
  Array.from({ length: Math.ceil(s.length / size) }, (_, i) => s.slice(i * size, (i + 1) * size));

describe('downloadExport', () => {
  it('posts the request, counts rows as they arrive and returns the whole file with its name', async () => {
    const fetch = serve(streamed(chunksOf(CSV, 7), CSV_HEADERS));
    const progress: ExportProgress[] = [];
    const file = await downloadExport({ format: 'csv', time: { from: 'now-1h', to: 'now' } }, new AbortController().signal, (p) =>
      progress.push(p),
    );
    expect(fetch).toHaveBeenCalledWith('/api/export', expect.objectContaining({ method: 'POST' }));
    expect(JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual({
      format: 'csv',
      time: { from: 'now-1h', to: 'now' },
    });
    expect(file.filename).toBe('logs-20261119T120000Z-20261120T120000Z.csv');
    expect(file.rows).toBe(3);
    expect(file.total).toBe(3);
    expect(await file.blob.text()).toBe(CSV);
    expect(progress[0]).toEqual({ rows: 0, total: 3, matched: 3 });
    expect(progress.at(-1)).toEqual({ rows: 3, total: 3, matched: 3 });
    // Rows only ever go up, and the multi-line cell counts once.
    expect(progress.every((p, i) => i === 0 || p.rows >= progress[i - 1]!.rows)).toBe(true);
  });

  it('keeps no file when fewer rows arrive than the total promised', async () => {
    serve(streamed([CSV], { ...CSV_HEADERS, 'x-export-total': '5' }));
    await expect(downloadExport({ format: 'csv' }, new AbortController().signal, () => {})).rejects.toThrow(/after 3 of 5 rows; no file/);
  });

  it('a stream broken mid-way is an error, not a short file', async () => {
    serve(streamed(chunksOf(CSV, 10), CSV_HEADERS, 2));
    const err = await downloadExport({ format: 'csv' }, new AbortController().signal, () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('engine_error');
  });

  it("the server's JSON error before the first byte is the error shown", async () => {
    serve(
      new Response(JSON.stringify({ error: { code: 'unknown_field', message: 'no column x', path: 'columns.0' } }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const err = (await downloadExport({ format: 'csv' }, new AbortController().signal, () => {}).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.code, err.message]).toEqual([400, 'unknown_field', 'no column x']);
  });

  it('an unreachable server is a network error; a cancelled one is the abort itself', async () => {
    serve(new TypeError('fetch failed'));
    const err = (await downloadExport({ format: 'csv' }, new AbortController().signal, () => {}).catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('network');

    const aborter = new AbortController();
    aborter.abort();
    const abort = new DOMException('aborted', 'AbortError');
    serve(abort);
    await expect(downloadExport({ format: 'csv' }, aborter.signal, () => {})).rejects.toBe(abort);
  });

  it('a file name that is not plain ASCII is not trusted', async () => {
    serve(streamed(['{"a":1}\n'], { 'content-disposition': 'attachment; filename="../../etc/passwd"', 'x-export-total': '1' }));
    const file = await downloadExport({ format: 'ndjson' }, new AbortController().signal, () => {});
    expect(file.filename).toBe('logs.ndjson');
    expect(file.rows).toBe(1);
  });
});
