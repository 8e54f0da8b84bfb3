import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { readJsonBody } from '@/lib/api/body';
import { ApiError, errorResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { SearchRequest } from '@/lib/schema/search';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://app.test/api/search', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function caught(p: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('readJsonBody', () => {
  it('parses JSON and treats an empty body as {}', async () => {
    expect(await readJsonBody(post('{"size":5}'))).toEqual({ size: 5 });
    expect(await readJsonBody(post(''))).toEqual({});
  });

  it('answers malformed JSON with invalid_json', async () => {
    const err = await caught(readJsonBody(post('{"size":')));
    expect(err.status).toBe(400);
    expect(err.code).toBe('invalid_json');
  });

  it('refuses a body over the cap before parsing, by declared length', async () => {
    const err = await caught(readJsonBody(post('{}', { 'content-length': String(200 * 1024) })));
    expect([err.status, err.code]).toEqual([413, 'payload_too_large']);
  });

  it('refuses a body over the cap while reading, when no length is declared', async () => {
    const big = `{"query":{"text":"${'x'.repeat(100 * 1024)}"}}`;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const err = await caught(readJsonBody(post(stream)));
    expect([err.status, err.code]).toEqual([413, 'payload_too_large']);
  });
});

describe('parseRequest', () => {
  it.each([
    [{ size: -1 }, 'size', /at least 0/],
    [{ size: 100_000 }, 'size', /at most 500/],
    [{ filters: [{ field: 'pod', op: 'is', value: 3 }] }, 'filters.0.value', /string/],
    [{ filters: [{ field: 'pod', op: 'nearly' }] }, 'filters.0.op', /./],
    [{ time: { from: 'now-1h' } }, 'time.to', /./],
    [{ surprise: true }, 'surprise', /surprise/],
    [{ query: { language: 'sql', text: 'x' } }, 'query.language', /./],
  ])('%j → validation_failed at %s', (body, path, message) => {
    const err = (() => {
      try {
        parseRequest(SearchRequest, body);
      } catch (e) {
        return e as ApiError;
      }
      throw new Error('no error');
    })();
    expect(err.toBody().error).toMatchObject({ code: 'validation_failed', path });
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(`${path}: `)).toBe(true);
  });

  it('returns the parsed value with defaults', () => {
    expect(parseRequest(z.object({ a: z.number().default(1) }), {})).toEqual({ a: 1 });
  });
});

describe('errorResponse', () => {
  it('renders an ApiError as the one error shape', async () => {
    const res = errorResponse(new ApiError(400, 'invalid_time', 'bad', { path: 'time.from' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'invalid_time', message: 'bad', path: 'time.from' } });
  });

  it('never echoes an unexpected error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = errorResponse(new Error('ECONNREFUSED http://elastic:s3cret@10.0.0.5:9200'));
    log.mockRestore();
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toMatch(/10\.0\.0\.5|s3cret/);
  });
});
