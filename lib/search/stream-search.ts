/**
 * `POST /api/search/stream`: the searches of one screen (the browser's rows, count and bars, and
 * facets parts) in one call. Each runs exactly as `POST /api/search` runs it, all at once, and its
 * answer is written as one NDJSON line the moment it is ready, so the rows (the quickest part)
 * still paint first. One call instead of three saves the browser two requests and the server two
 * rounds of its per-request work (routing, body, validation, headers): 10–15 ms of a 30–60 ms
 * screen on the 10M-line set (bench/README.md, "One streamed call").
 */
import { ApiError } from '@/lib/api/errors';
import { engineErrorToApiError } from '@/lib/es/client';
import type { SearchRequest, SearchStreamLine } from '@/lib/schema/search';
import { EngineBatch } from '@/lib/search/engine-batch';
import { runSearch, type SearchContext } from '@/lib/search/run-search';

/** A body of lines sent as they are written, one chunk each. Cancelling it (the caller went away) aborts `produce`'s signal. */
function lineStream(produce: (write: (line: string) => void, signal: AbortSignal) => Promise<void>): ReadableStream<Uint8Array> {
  const stop = new AbortController();
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      const write = (line: string) => {
        if (open) controller.enqueue(encoder.encode(`${line}\n`));
      };
      const finish = (err?: unknown) => {
        if (!open) return;
        open = false;
        if (err === undefined) controller.close();
        else controller.error(err);
      };
      produce(write, stop.signal).then(() => finish(), finish);
    },
    cancel() {
      open = false;
      stop.abort();
    },
  });
}

/** A search's failure as the line that carries it: the status and body `POST /api/search` would answer. */
function errorLine(i: number, err: unknown, signal: AbortSignal): SearchStreamLine {
  const deadlineHit = signal.aborted && (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
  const mapped = engineErrorToApiError(err, { deadlineHit });
  if (!mapped) console.error('[api] unexpected error', err);
  const apiError = mapped ?? new ApiError(500, 'internal', 'internal server error');
  return { i, status: apiError.status, error: apiError.toBody().error };
}

/** The searches run at once; each answer (or error) is a line as soon as it is ready. */
export function streamSearches(requests: readonly SearchRequest[], ctx: SearchContext): ReadableStream<Uint8Array> {
  return lineStream(async (write, stopped) => {
    const signal = AbortSignal.any([ctx.signal, stopped]);
    // The bars' and facets' searches go to the engine together, their shared work done once.
    const batch = new EngineBatch();
    await Promise.all(
      requests.map(async (request, i) => {
        const line = await runSearch(request, { ...ctx, signal, batch }).then(
          (response): SearchStreamLine => ({ i, response }),
          (err: unknown) => errorLine(i, err, signal),
        );
        write(JSON.stringify(line));
      }),
    );
  });
}
