/**
 * POST /api/search/stream against the engine: each line is the answer POST /api/search gives for
 * the same search, its counts are the generator's, a bad request is refused whole before any
 * search runs, a failing part costs only its own line, and the gate's slot lasts until the end.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchGate } from '@/lib/api/search-gate';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { getEngineClient } from '@/lib/es/client';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { SearchRequestInput, SearchResponse, SearchStreamLine } from '@/lib/schema/search';
import { END, eventsIn, HOUR, iso, search, seedTestDataset } from './search-fixture';

beforeAll(async () => {
  await seedTestDataset();
});

type Handler = (request: Request) => Promise<Response>;
let handler: Handler | undefined;
async function streamHandler(): Promise<Handler> {
  handler ??= (await import('@/app/api/search/stream/route')).POST;
  return handler;
}

async function call(body: unknown, init: RequestInit = {}): Promise<Response> {
  const post = await streamHandler();
  return post(
    new Request('http://app.test/api/search/stream', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      ...init,
    }),
  );
}

async function lines(res: Response): Promise<SearchStreamLine[]> {
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SearchStreamLine);
}

/** What may differ between two answers to the same search: the time it took. */
const comparable = (r: SearchResponse) => ({ ...r, tookMs: null });

/** A screen's three parts as the explorer asks for them. */
const parts = (screen: SearchRequestInput): SearchRequestInput[] => [
  { ...screen, size: 50, histogram: false, facets: [], total: false },
  { ...screen, size: 0, histogram: true, facets: [] },
  { ...screen, size: 0, histogram: false, facets: ['namespace', 'level'], facetSize: 20 },
];

describe('POST /api/search/stream', () => {
  it('answers each search as POST /api/search does, one line each, counts from the generator', async () => {
    // Unaligned edges anywhere in the dataset's day, with and without a query.
    const screens = fc.sample(
      fc.record({
        start: fc.integer({ min: 1, max: 23 * 60 - 1 }),
        minutes: fc.integer({ min: 1, max: 6 * 60 }),
        error: fc.boolean(),
        ms: fc.integer({ min: 0, max: 59_999 }),
      }),
      { numRuns: 6, seed: 20261130 },
    );
    for (const s of screens) {
      const from = END - 24 * HOUR + s.start * 60_000 + s.ms;
      const to = Math.min(END, from + s.minutes * 60_000);
      const screen: SearchRequestInput = {
        time: { from: iso(from), to: iso(to), timeZone: 'UTC' },
        query: { language: 'kql', text: s.error ? 'level:error' : '' },
      };
      const requests = parts(screen);
      const res = await call({ requests });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const answered = await lines(res);
      expect(answered.map((l) => l.i).sort()).toEqual([0, 1, 2]);
      const expected = eventsIn(from, to, s.error ? (f) => f.level === 'error' : undefined);
      for (const line of answered) {
        if (!('response' in line)) throw new Error(`part ${line.i} failed: ${JSON.stringify(line)}`);
        expect(comparable(line.response)).toEqual(comparable(await search(requests[line.i]!)));
      }
      const bars = answered.find((l) => l.i === 1) as { response: SearchResponse };
      expect(bars.response.total).toEqual({ value: expected.length, relation: 'eq' });
    }
  });

  it("asks the bars' and facets' searches of a screen as one, each line still POST /api/search's answer", async () => {
    const client = getEngineClient();
    // Unaligned, with a query: the bars and the facets are each asked in pieces.
    const screen: SearchRequestInput = {
      time: { from: iso(END - 7 * HOUR - 61_234), to: iso(END - 5 * 60_000 - 7) },
      query: { language: 'kql', text: 'level:error or level:warn' },
    };
    const requests = parts(screen);
    // The first screen counts its range for the facets' sampling decision; the next goes at once.
    await lines(await call({ requests }));
    const paths: string[] = [];
    let msearchQuery = '';
    const listener = (_err: unknown, result: { meta: { request: { params: { path: string; querystring?: unknown } } } } | null) => {
      if (!result) return;
      paths.push(result.meta.request.params.path);
      if (result.meta.request.params.path === '/_msearch') msearchQuery = String(result.meta.request.params.querystring ?? '');
    };
    client.diagnostic.on('request', listener);
    let answered: SearchStreamLine[];
    try {
      answered = await lines(await call({ requests }));
    } finally {
      client.diagnostic.off('request', listener);
    }
    // The rows' search, and one _msearch for the bars' and facets' interiors and edges.
    expect(paths.sort()).toEqual(['/_msearch', `/${TEST_DATASET.indexPrefix}*/_search`]);
    // Shards outside the range skipped before the query phase.
    expect(new URLSearchParams(msearchQuery).get('pre_filter_shard_size')).toBe('1');
    for (const line of answered) {
      if (!('response' in line)) throw new Error(`part ${line.i} failed: ${JSON.stringify(line)}`);
      expect(comparable(line.response)).toEqual(comparable(await search(requests[line.i]!)));
    }
  });

  it('refuses a request with a bad search whole, naming where, before anything runs', async () => {
    const res = await call({ requests: [{ size: 1 }, { time: { from: 'yesterday-ish', to: 'now' } }] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiErrorBody;
    expect(body.error.path).toBe('requests.1.time.from');
    for (const bad of [
      { requests: [] },
      { requests: Array.from({ length: 5 }, () => ({ size: 0 })) },
      { requests: [{}], extra: 1 },
      '[]',
    ]) {
      expect((await call(bad)).status).toBe(400);
    }
  });

  it('a search that fails costs only its own line, with the status and body POST /api/search gives', async () => {
    const time = { from: iso(END - HOUR), to: iso(END) };
    const res = await call({
      requests: [
        { time, size: 5, histogram: false },
        { time, size: 0, facets: ['no_such_field'] },
      ],
    });
    expect(res.status).toBe(200);
    const answered = await lines(res);
    const failed = answered.find((l) => l.i === 1);
    const alone = await (await import('./search-fixture')).searchError({ time, size: 0, facets: ['no_such_field'] });
    expect(failed).toEqual({ i: 1, status: alone.status, error: alone.error });
    const rows = answered.find((l) => l.i === 0);
    expect(rows && 'response' in rows && rows.response.hits.length).toBe(5);
  });

  it('holds its place at the engine-search gate until the last line, and gives it back', async () => {
    const before = searchGate.inFlight;
    const res = await call({ requests: parts({ time: { from: iso(END - 6 * HOUR), to: iso(END) } }) });
    expect(searchGate.inFlight).toBeGreaterThan(before);
    expect((await lines(res)).length).toBe(3);
    expect(searchGate.inFlight).toBe(before);
  });

  it('gives its place back when the caller goes away mid-answer', async () => {
    const before = searchGate.inFlight;
    const res = await call({ requests: parts({ time: { from: iso(END - 24 * HOUR), to: iso(END) } }) });
    await res.body!.cancel();
    await expect.poll(() => searchGate.inFlight).toBe(before);
  });
});
