import { describe, expect, it, vi } from 'vitest';
import type { SearchRequest, SearchResponse, SearchStreamLine } from '@/lib/schema/search';
import { ApiError } from './api-error';
import { searchStreamer } from './search-stream';

// The server side of the call is tested against the engine (tests/integration/search-stream.test.ts);
// here only how the browser gathers searches into calls and hands each its line.

const request = (size: number) => ({ size }) as SearchRequest;
const answer = (n: number) => ({ hits: [], total: { value: n, relation: 'eq' } }) as unknown as SearchResponse;

/** A server that answers `lines` (in that order, split across chunks as given) and records each call. */
function streamingServer(chunks: string[], init: ResponseInit = { status: 200 }) {
  const calls: { url: string; body: { requests: SearchRequest[] }; signal: AbortSignal }[] = [];
  const fetchImpl = vi.fn(async (url: RequestInfo | URL, opts?: RequestInit) => {
    calls.push({ url: String(url), body: JSON.parse(String(opts?.body)) as { requests: SearchRequest[] }, signal: opts!.signal! });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        controller.close();
      },
    });
    return new Response(body, init);
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const line = (l: SearchStreamLine) => `${JSON.stringify(l)}\n`;
const never = () => Promise.reject(new Error('a lone search was not expected'));

describe('searchStreamer', () => {
  it('sends the searches started together as one streamed call and gives each its own line, in any order', async () => {
    const whole = line({ i: 1, response: answer(2) }) + line({ i: 0, response: answer(1) });
    // A line split across chunks, as the network may deliver it.
    const server = streamingServer([whole.slice(0, 10), whole.slice(10, 40), whole.slice(40)]);
    const post = searchStreamer(never, server.fetchImpl);
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([post(request(100), signal), post(request(0), signal)]);
    expect(a.total.value).toBe(1);
    expect(b.total.value).toBe(2);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.url).toBe('/api/search/stream');
    expect(server.calls[0]!.body).toEqual({ requests: [request(100), request(0)] });
  });

  it('sends a search that starts alone to POST /api/search', async () => {
    const server = streamingServer([]);
    const single = vi.fn(async () => answer(7));
    const post = searchStreamer(single, server.fetchImpl);
    expect((await post(request(1), new AbortController().signal)).total.value).toBe(7);
    expect(single).toHaveBeenCalledTimes(1);
    expect(server.calls).toHaveLength(0);
  });

  it('splits more searches than one call may carry', async () => {
    const lines = [0, 1, 2, 3].map((i) => line({ i, response: answer(i) })).join('');
    const server = streamingServer([lines]);
    const single = vi.fn(async () => answer(99));
    const post = searchStreamer(single, server.fetchImpl);
    const signal = new AbortController().signal;
    const answers = await Promise.all([0, 1, 2, 3, 4].map((n) => post(request(n), signal)));
    expect(answers.map((a) => a.total.value)).toEqual([0, 1, 2, 3, 99]);
    expect(server.calls.map((c) => c.body.requests.length)).toEqual([4]);
    expect(single).toHaveBeenCalledTimes(1);
  });

  it('turns a failed line into the error POST /api/search would have given, and leaves the others alone', async () => {
    const error = { code: 'unknown_field' as const, message: 'no such field', path: 'facets.0' };
    const server = streamingServer([line({ i: 0, status: 400, error }), line({ i: 1, response: answer(3) })]);
    const post = searchStreamer(never, server.fetchImpl);
    const signal = new AbortController().signal;
    const [failed, ok] = await Promise.allSettled([post(request(0), signal), post(request(1), signal)]);
    expect(failed.status === 'rejected' && failed.reason).toMatchObject({ status: 400, code: 'unknown_field', detail: error });
    expect(failed.status === 'rejected' && failed.reason).toBeInstanceOf(ApiError);
    expect(ok.status === 'fulfilled' && ok.value.total.value).toBe(3);
  });

  it('gives every search the call’s own refusal (a 503 from the front door)', async () => {
    const body = JSON.stringify({ error: { code: 'overloaded', message: 'busy', retryAfter: 1 } });
    const server = streamingServer([body], { status: 503, headers: { 'content-type': 'application/json' } });
    const post = searchStreamer(never, server.fetchImpl);
    const signal = new AbortController().signal;
    const results = await Promise.allSettled([post(request(0), signal), post(request(1), signal)]);
    for (const r of results) expect(r.status === 'rejected' && r.reason).toMatchObject({ status: 503, code: 'overloaded' });
  });

  it('an answer that ends early leaves the unanswered searches with a network error', async () => {
    const server = streamingServer([line({ i: 1, response: answer(1) })]);
    const post = searchStreamer(never, server.fetchImpl);
    const signal = new AbortController().signal;
    const [lost, ok] = await Promise.allSettled([post(request(0), signal), post(request(1), signal)]);
    expect(lost.status === 'rejected' && lost.reason).toMatchObject({ code: 'network', status: 0 });
    expect(ok.status).toBe('fulfilled');
  });

  it('a dropped search is aborted alone; the call is dropped once every search in it is', async () => {
    const calls: { signal: AbortSignal; answer: () => void }[] = [];
    // A server that answers part 1 when told to, and gives up when its call is aborted (as fetch does).
    const fetchImpl = ((_url: RequestInfo | URL, opts?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const signal = opts!.signal!;
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
        calls.push({ signal, answer: () => resolve(new Response(line({ i: 1, response: answer(5) }))) });
      })) as unknown as typeof fetch;
    const post = searchStreamer(never, fetchImpl);
    const first = new AbortController();
    const a = post(request(0), first.signal);
    const b = post(request(1), new AbortController().signal);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    first.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(false);
    calls[0]!.answer();
    expect((await b).total.value).toBe(5);

    const third = new AbortController();
    const fourth = new AbortController();
    const c = post(request(2), third.signal);
    const d = post(request(3), fourth.signal);
    const settled = Promise.allSettled([c, d]);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    third.abort();
    expect(calls[1]!.signal.aborted).toBe(false);
    fourth.abort();
    expect(calls[1]!.signal.aborted).toBe(true);
    for (const r of await settled) expect(r.status === 'rejected' && r.reason).toMatchObject({ name: 'AbortError' });
  });

  it('a search aborted before it is sent is not sent', async () => {
    const server = streamingServer([line({ i: 0, response: answer(1) })]);
    const single = vi.fn(async () => answer(4));
    const post = searchStreamer(single, server.fetchImpl);
    const dropped = new AbortController();
    const kept = new AbortController().signal;
    const a = post(request(0), dropped.signal);
    const b = post(request(1), kept);
    dropped.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect((await b).total.value).toBe(4);
    expect(server.calls).toHaveLength(0);
  });

  it('reads lines however the body is cut: a character split across chunks, blank lines, no final newline', async () => {
    const first = JSON.stringify({ i: 0, response: { ...answer(1), hits: [{ message: 'naïve – ✓' }] } });
    const bytes = new TextEncoder().encode(`${first}\n\n${JSON.stringify({ i: 1, response: answer(2) })}`);
    const cut = new TextEncoder().encode(first.slice(0, first.indexOf('ï'))).length + 1; // inside the two bytes of ï
    const chunks = [bytes.slice(0, cut), bytes.slice(cut)];
    const fetchImpl = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const c of chunks) controller.enqueue(c);
            controller.close();
          },
        }),
      )) as unknown as typeof fetch;
    const post = searchStreamer(never, fetchImpl);
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([post(request(0), signal), post(request(1), signal)]);
    expect((a.hits[0] as unknown as { message: string }).message).toBe('naïve – ✓');
    expect(b.total.value).toBe(2);
  });

  it('asks with a JSON POST, and sends exactly as many calls as needed', async () => {
    const server = streamingServer([[0, 1, 2, 3].map((i) => line({ i, response: answer(i) })).join('')]);
    const init: RequestInit[] = [];
    const fetchImpl = (async (url: RequestInfo | URL, opts?: RequestInit) => {
      init.push(opts!);
      return server.fetchImpl(url, opts);
    }) as unknown as typeof fetch;
    const post = searchStreamer(never, fetchImpl);
    const signal = new AbortController().signal;
    await Promise.all([0, 1, 2, 3].map((n) => post(request(n), signal)));
    expect(init).toHaveLength(1);
    expect(init[0]!.method).toBe('POST');
    expect(new Headers(init[0]!.headers).get('content-type')).toBe('application/json');
  });

  it('skips blank and whitespace-only lines wherever they fall', async () => {
    const body = `\n${line({ i: 0, response: answer(0) })}  \n\n${line({ i: 1, response: answer(1) })}${line({ i: 2, response: answer(2) })}`;
    const post = searchStreamer(never, streamingServer([body]).fetchImpl);
    const signal = new AbortController().signal;
    const answers = await Promise.all([0, 1, 2].map((n) => post(request(n), signal)));
    expect(answers.map((a) => a.total.value)).toEqual([0, 1, 2]);
  });

  it('a line for no search it asked is ignored', async () => {
    const server = streamingServer([
      line({ i: 7, response: answer(7) }),
      line({ i: 0, response: answer(0) }),
      line({ i: 1, response: answer(1) }),
    ]);
    const post = searchStreamer(never, server.fetchImpl);
    const signal = new AbortController().signal;
    const answers = await Promise.all([post(request(0), signal), post(request(1), signal)]);
    expect(answers.map((a) => a.total.value)).toEqual([0, 1]);
  });

  it('a server that cannot be reached, or answers nothing, fails every search with a clear error', async () => {
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const signal = new AbortController().signal;
    for (const fetchImpl of [unreachable, (async () => new Response(null, { status: 200 })) as unknown as typeof fetch]) {
      const post = searchStreamer(never, fetchImpl);
      const results = await Promise.allSettled([post(request(0), signal), post(request(1), signal)]);
      for (const r of results) expect(r.status === 'rejected' && r.reason).toBeInstanceOf(ApiError);
    }
    const post = searchStreamer(never, unreachable);
    const results = await Promise.allSettled([post(request(0), signal), post(request(1), signal)]);
    for (const r of results) expect(r.status === 'rejected' && r.reason).toMatchObject({ code: 'network', status: 0 });
  });

  it('a lone search’s failure is its own', async () => {
    const refused = new ApiError(400, 'bad_request', 'no', null);
    const post = searchStreamer(() => Promise.reject(refused), streamingServer([]).fetchImpl);
    await expect(post(request(0), new AbortController().signal)).rejects.toBe(refused);
  });

  it('a search already dropped is refused at once, and nothing is sent for it', async () => {
    const server = streamingServer([]);
    const single = vi.fn(async () => answer(1));
    const post = searchStreamer(single, server.fetchImpl);
    const dropped = new AbortController();
    dropped.abort();
    await expect(post(request(0), dropped.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(single).not.toHaveBeenCalled();
    expect(server.calls).toHaveLength(0);
  });
});
