/**
 * A search a page runs while it renders, so its first data is in the HTML (the embed panels, the
 * explorer's first rows): through the same shedding gate as the API routes, within a deadline,
 * and as plain data, as the API route sends it (JSON). `null` when it cannot be made here —
 * shed, timed out, the engine down, a bad request: the page then renders without it and the
 * browser asks the API route, whose answer (or error) it shows as it always has.
 */
import { ApiError } from '@/lib/api/errors';
import { searchGate } from '@/lib/api/search-gate';
import { getEngineClient } from '@/lib/es/client';
import { searchTimeouts, type SearchContext } from '@/lib/search/run-search';

export async function searchForPage<T>(
  route: string,
  run: (ctx: SearchContext) => Promise<T>,
  opts: { deadlineMs?: number } = {},
): Promise<T | null> {
  let release: (() => void) | undefined;
  try {
    release = searchGate.acquire(route);
    const signal = AbortSignal.timeout(opts.deadlineMs ?? searchTimeouts().deadlineMs);
    const data = await run({ client: getEngineClient(), signal, startedAt: performance.now() });
    // A hit's fields are null-prototype objects (a field named `__proto__` stays a field), which
    // React will not pass to a client component (and a page's views need plain data): as JSON,
    // it is the very data the API route sends.
    return JSON.parse(JSON.stringify(data)) as T;
  } catch (err) {
    // The caller's own mistakes (a query that does not parse) are the browser's to show, quietly.
    if (!(err instanceof ApiError && err.status < 500))
      console.error(`[${route}] first data not rendered`, err instanceof Error ? err.name : 'error');
    return null;
  } finally {
    release?.();
  }
}
