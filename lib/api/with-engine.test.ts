import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { searchGate } from '@/lib/api/search-gate';
import { withEngine } from '@/lib/api/with-engine';

/** What the engine client does with an aborted signal. */
const waitForAbort = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new errors.RequestAbortedError('aborted'))));

describe('withEngine', () => {
  it('gives up at the server deadline with 503 engine_timeout', async () => {
    const handler = withEngine((_req, ctx) => waitForAbort(ctx.signal), { deadlineMs: 20 });
    const res = await handler(new Request('http://app.test/x'));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'engine_timeout' } });
  });

  it('passes the caller going away on to the engine call', async () => {
    const controller = new AbortController();
    const handler = withEngine((_req, ctx) => waitForAbort(ctx.signal), { deadlineMs: 10_000 });
    const pending = handler(new Request('http://app.test/x', { signal: controller.signal }));
    controller.abort();
    expect((await pending).status).toBe(499);
  });

  it('renders ApiErrors thrown by the handler', async () => {
    const handler = withEngine(async () => {
      throw new ApiError(400, 'unknown_field', 'nope', { path: 'facets.0' });
    });
    const res = await handler(new Request('http://app.test/x'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'unknown_field', message: 'nope', path: 'facets.0' } });
  });

  it('answers an engine failure the handler does not catch in the common error shape', async () => {
    const handler = withEngine(async () => {
      throw new errors.ConnectionError('connect ECONNREFUSED 10.0.0.5:9200');
    });
    const res = await handler(new Request('http://app.test/x'));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'engine_unavailable', message: expect.any(String) } });
    expect(text).not.toContain('10.0.0.5');
  });

  it('refuses a cross-origin write before the handler runs', async () => {
    let ran = false;
    const handler = withEngine(async () => {
      ran = true;
      return new Response(null, { status: 204 });
    });
    const res = await handler(
      new Request('http://app.test/x', {
        method: 'POST',
        headers: { origin: 'http://evil.example', 'content-type': 'text/plain' },
        body: '{}',
      }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin' } });
    expect(ran).toBe(false);
  });

  it('sheds a searching request with the gate full, before its handler runs, with 503 and Retry-After', async () => {
    process.env.MAX_CONCURRENT_SEARCHES = '1';
    // The gate counts engine searches (lib/es/gated-transport.ts); one running elsewhere fills it.
    const running = searchGate.acquire('/api/search');
    try {
      let ran = 0;
      const search = withEngine(async () => (ran++, new Response('{}')), { search: true });
      const other = withEngine(async () => new Response('{}'));
      const post = () => new Request('http://app.test/api/search', { method: 'POST', headers: { 'content-type': 'application/json' } });
      const shed = await search(post());
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('1');
      expect(await shed.json()).toMatchObject({ error: { code: 'overloaded', retryAfter: 1 } });
      expect(ran).toBe(0);
      expect((await other(post())).status).toBe(200);
      running();
      expect((await search(post())).status).toBe(200);
      expect(ran).toBe(1);
    } finally {
      running();
      delete process.env.MAX_CONCURRENT_SEARCHES;
    }
  });
});
