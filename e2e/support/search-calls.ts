import type { Response } from '@playwright/test';

/**
 * The explorer's search calls: `POST /api/search` (a lone search, a later page) and
 * `POST /api/search/stream` (the parts of a screen started together, lib/queries/search-stream.ts).
 */
export const isSearchCall = (url: string): boolean => /\/api\/search(\/stream)?$/.test(new URL(url).pathname);

/**
 * The body of a search call. Chromium can drop the body of a response the page read as a stream
 * (it then reports the request as `net::ERR_ABORTED` to DevTools although the page got every
 * byte; seen for both calls once the explorer reads them with a reader), so when it is gone the
 * same request is asked again: its body holds absolute times, so the answer is the same one.
 */
async function bodyOf(response: Response): Promise<{ status: number; text: string }> {
  try {
    return { status: response.status(), text: await response.text() };
  } catch {
    const request = response.request();
    const again = await response
      .frame()
      .page()
      .request.fetch(request.url(), {
        method: request.method(),
        headers: await request.allHeaders(),
        data: request.postData() ?? undefined,
      });
    return { status: again.status(), text: await again.text() };
  }
}

/**
 * The status and body of a search call as one search's answer: POST /api/search's own, or for a
 * streamed call the first search that failed (else the first line).
 */
export async function searchAnswer(response: Response): Promise<{ status: number; body: unknown }> {
  const { status, text } = await bodyOf(response);
  if (!new URL(response.url()).pathname.endsWith('/stream') || status !== 200) {
    return { status, body: JSON.parse(text) as unknown };
  }
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { i: number; status?: number; error?: unknown; response?: unknown });
  const failed = lines.find((l) => l.error !== undefined);
  if (failed) return { status: failed.status ?? 500, body: { error: failed.error } };
  return { status: 200, body: lines[0]?.response };
}
