import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
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
});
