/**
 * The parts of a screen asked for in one streamed call (POST /api/search/stream). The rows, the
 * count with the bars, and the facets stay TanStack queries of their own — each with its loading
 * state, cache entry, retry and abort, and a facet click still re-asks only the parts whose request
 * changed — but the parts that start together share one request, and each gets its answer the
 * moment its line arrives, so the rows still paint first. One call instead of three saves the
 * server two rounds of its per-request work (bench/README.md, "One streamed call"). A part that
 * starts alone goes to POST /api/search as before.
 */
import { SEARCH_LIMITS } from '@/lib/schema/limits';
import type { SearchRequest, SearchResponse, SearchStreamLine } from '@/lib/schema/search';
import { errorFromBody, networkError } from './api-error';

export type PostSearch = (request: SearchRequest, signal: AbortSignal) => Promise<SearchResponse>;

interface Waiting {
  request: SearchRequest;
  signal: AbortSignal;
  resolve: (response: SearchResponse) => void;
  reject: (err: unknown) => void;
  settled: boolean;
}

const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('aborted', 'AbortError');

function settle(part: Waiting, outcome: { response: SearchResponse } | { error: unknown }): void {
  if (part.settled) return;
  part.settled = true;
  if ('response' in outcome) part.resolve(outcome.response);
  else part.reject(outcome.error);
}

/** The lines of an NDJSON body as they arrive (blank ones skipped). */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, end);
      rest = rest.slice(end + 1);
      if (line.trim() !== '') yield line;
    }
  }
  if (rest.trim() !== '') yield rest;
}

/** One streamed call for `parts`; every part is settled when it returns. */
async function streamParts(parts: Waiting[], fetchImpl: typeof fetch): Promise<void> {
  // The call is dropped only once every part it carries has been dropped.
  const call = new AbortController();
  let live = parts.length;
  for (const part of parts) part.signal.addEventListener('abort', () => --live === 0 && call.abort(), { once: true });
  try {
    const response = await fetchImpl('/api/search/stream', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson, application/json' },
      body: JSON.stringify({ requests: parts.map((p) => p.request) }),
      signal: call.signal,
    });
    if (!response.ok || !response.body) {
      const body: unknown = await response.json().catch(() => null);
      const error = errorFromBody(response.status, body);
      for (const part of parts) settle(part, { error });
      return;
    }
    for await (const line of ndjsonLines(response.body)) {
      const answer = JSON.parse(line) as SearchStreamLine;
      const part = parts[answer.i];
      if (!part) continue;
      settle(part, 'response' in answer ? { response: answer.response } : { error: errorFromBody(answer.status, { error: answer.error }) });
    }
    // The answer ended before every part had its line: the server went away mid-answer.
    for (const part of parts) settle(part, { error: networkError() });
  } catch {
    // A part dropped by its caller was settled then (its own abort listener); the others lost the server.
    for (const part of parts) settle(part, { error: networkError() });
  }
}

/**
 * A `postSearch` that gathers the searches started in the same task (the parts of one screen,
 * started by one render) into one streamed call. `single` answers a search that starts alone.
 */
export function searchStreamer(single: PostSearch, fetchImpl: typeof fetch = (...args) => fetch(...args)): PostSearch {
  let waiting: Waiting[] = [];
  const flush = () => {
    const parts = waiting.filter((p) => !p.settled);
    waiting = [];
    for (let start = 0; start < parts.length; start += SEARCH_LIMITS.maxStreamedSearches) {
      const chunk = parts.slice(start, start + SEARCH_LIMITS.maxStreamedSearches);
      if (chunk.length === 1) {
        const [part] = chunk as [Waiting];
        single(part.request, part.signal).then(
          (response) => settle(part, { response }),
          (error: unknown) => settle(part, { error }),
        );
      } else void streamParts(chunk, fetchImpl);
    }
  };
  return (request, signal) =>
    new Promise<SearchResponse>((resolve, reject) => {
      if (signal.aborted) return reject(abortReason(signal));
      const part: Waiting = { request, signal, resolve, reject, settled: false };
      signal.addEventListener('abort', () => settle(part, { error: abortReason(signal) }), { once: true });
      // A timer, not a microtask: TanStack starts the queries of one render from separate effects.
      if (waiting.length === 0) setTimeout(flush, 0);
      waiting.push(part);
    });
}
