/**
 * GET /api/values on the seeded test dataset: the suggested values and their counts are the
 * generator's, the prefix is case-insensitive and literal, and bad parameters are 400s that
 * name the parameter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { ValuesResponse } from '@/lib/suggest/values-params';
import { countBy, END, eventsIn, HOUR, iso, seedTestDataset } from './search-fixture';

const NS = 'kubernetes.namespace_name';
const DAY = { from: iso(END - 24 * HOUR), to: iso(END) };

type Handler = (request: Request) => Promise<Response>;
let handler: Handler;

beforeAll(async () => {
  await seedTestDataset();
  handler = (await import('@/app/api/values/route')).GET;
});

async function call(params: Record<string, string>, init: RequestInit = {}): Promise<{ status: number; json: unknown }> {
  const res = await handler(new Request(`http://app.test/api/values?${new URLSearchParams(params).toString()}`, init));
  return { status: res.status, json: await res.json() };
}

async function values(params: Record<string, string>): Promise<ValuesResponse> {
  const { status, json } = await call(params);
  if (status !== 200) throw new Error(`values failed: HTTP ${status} ${JSON.stringify(json)}`);
  return json as ValuesResponse;
}

/** The generator's counts of `field` in [from, to] for values starting with `prefix` (any case), top first. */
function expected(field: string, from: number, to: number, prefix: string): { value: string; count: number }[] {
  return [...countBy(eventsIn(from, to), field)]
    .filter(([value]) => value.toLowerCase().startsWith(prefix.toLowerCase()))
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

describe('value suggestions', () => {
  it('gives the namespaces starting with a prefix, with the generator counts', async () => {
    const want = expected(NS, END - 24 * HOUR, END, 'c');
    expect(want.length).toBeGreaterThanOrEqual(2);
    const res = await values({ field: 'namespace', prefix: 'c', ...DAY });
    expect(res).toEqual({ field: NS, values: want });
  });

  it('matches the prefix without regard to case, and takes a field name as well as a meaning', async () => {
    const want = expected(NS, END - 24 * HOUR, END, 'kube-');
    expect(want).toEqual([{ value: 'kube-system', count: expect.any(Number) }]);
    expect(await values({ field: NS, prefix: 'KUBE-', ...DAY })).toEqual({ field: NS, values: want });
  });

  it('counts only the time range', async () => {
    const from = END - 3 * HOUR;
    const to = END - HOUR;
    const res = await values({ field: 'namespace', from: iso(from), to: iso(to), size: '50' });
    const want = expected(NS, from, to, '');
    expect(res.values).toEqual(want);
    expect(want.reduce((s, v) => s + v.count, 0)).toBeLessThan(eventsIn(END - 24 * HOUR, END).length);
  });

  it('returns the top values up to size', async () => {
    const res = await values({ field: 'level', size: '2', ...DAY });
    expect(res.values).toEqual(expected('level', END - 24 * HOUR, END, '').slice(0, 2));
  });

  it('reads the prefix literally: regex and wildcard characters match nothing here', async () => {
    for (const prefix of ['.*', 'pay.*', 'c*', '[a-z]', 'payments|checkout', '\\']) {
      expect((await values({ field: 'namespace', prefix, ...DAY })).values).toEqual([]);
    }
  });

  it('suggests pods by a prefix with dashes, and text fields through .keyword', async () => {
    const pods = await values({ field: 'pod', prefix: 'payments-api-', size: '50', ...DAY });
    expect(pods.values).toEqual(expected('kubernetes.pod_name', END - 24 * HOUR, END, 'payments-api-'));
    expect(pods.values.length).toBeGreaterThan(0);
    expect((await values({ field: 'log', prefix: 'zzzz-nothing', ...DAY })).field).toBe('log.keyword');
  });

  it('reads a real field by its name even where a meaning has the same name (message here means log)', async () => {
    const res = await values({ field: 'message', prefix: 'invoice batch', size: '3', ...DAY });
    expect(res.field).toBe('message.keyword');
    expect(res.values).toEqual(expected('message', END - 24 * HOUR, END, 'invoice batch').slice(0, 3));
    expect(res.values.length).toBe(3);
  });
});

describe('bad parameters are 400s naming the parameter', () => {
  it.each<[string, Record<string, string>, string, string]>([
    ['no field', { prefix: 'a' }, 'validation_failed', 'field'],
    ['size 0', { field: 'level', size: '0' }, 'validation_failed', 'size'],
    ['size 51', { field: 'level', size: '51' }, 'validation_failed', 'size'],
    ['a prefix over 256 characters', { field: 'level', prefix: 'x'.repeat(257) }, 'validation_failed', 'prefix'],
    ['an unreadable from', { field: 'level', from: 'yesterday-ish' }, 'invalid_time', 'from'],
    ['an unreadable to', { field: 'level', to: 'now-1x' }, 'invalid_time', 'to'],
    ['an inverted range', { field: 'level', from: 'now', to: 'now-1h' }, 'invalid_time', 'from'],
    ['an unknown field', { field: 'no.such.field' }, 'unknown_field', 'field'],
    ['a field that cannot be aggregated', { field: 'kubernetes.labels' }, 'unknown_field', 'field'],
    ['an unknown source', { field: 'level', source: 'nope' }, 'unknown_source', 'source'],
  ])('%s', async (_what, params, code, path) => {
    const { status, json } = await call(params);
    expect(status).toBe(400);
    expect((json as ApiErrorBody).error).toMatchObject({ code, path });
    expect(JSON.stringify(json)).not.toMatch(/127\.0\.0\.1|:9200/);
  });

  it('stops when the caller goes away', async () => {
    const controller = new AbortController();
    controller.abort();
    const { status } = await call({ field: 'namespace', ...DAY }, { signal: controller.signal });
    expect(status).toBe(499);
  });
});
