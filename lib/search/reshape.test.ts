import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import type { CursorState } from '@/lib/search/cursor';
import { flattenSource } from '@/lib/search/flatten';
import { highlightRanges } from '@/lib/search/highlight';
import { reshapePartial, reshapeSearchResponse, type ReshapeContext } from '@/lib/search/reshape';

const RANGE = { from: 0, to: 179_999 };
const INTERVAL = { label: '1m', ms: 60_000, engine: { fixed: '1m' } };
const SHARDS = { total: 2, successful: 2, skipped: 0, failed: 0 };

function hit(id: string, time: string, seq: number, log = `line ${id}`, highlight?: string): estypes.SearchHit<unknown> {
  return {
    _index: 'logstash-2026.11.20',
    _id: id,
    _source: { '@timestamp': time, log, kubernetes: { namespace_name: 'payments', labels: { app: 'api' } }, tags: ['a', 'b'] },
    sort: [time, 'logstash-2026.11.20', seq],
    ...(highlight ? { highlight: { log: [highlight] } } : {}),
  };
}

function response(
  hits: estypes.SearchHit<unknown>[],
  extra: Partial<estypes.SearchResponse<unknown>> = {},
): estypes.SearchResponse<unknown> {
  return { took: 3, timed_out: false, _shards: SHARDS, hits: { hits }, ...extra };
}

const ctx = (overrides: Partial<ReshapeContext> = {}): ReshapeContext => ({
  size: 3,
  sort: 'desc',
  range: RANGE,
  timeZone: 'UTC',
  messageFields: ['log', 'message'],
  histogram: INTERVAL,
  facets: [{ name: 'namespace' }],
  after: null,
  ...overrides,
});

const aggregations = {
  histogram: {
    buckets: [
      { key: 0, key_as_string: '0', doc_count: 2, levels: { buckets: [{ key: 'error', doc_count: 2 }] } },
      { key: 60_000, doc_count: 0, levels: { buckets: [] } },
      {
        key: 120_000,
        doc_count: 5,
        levels: {
          buckets: [
            { key: 'info', doc_count: 4 },
            { key: 'error', doc_count: 1 },
          ],
        },
      },
    ],
  },
  facet_0: {
    buckets: [
      { key: 'payments', doc_count: 6 },
      { key: 'kube-system', doc_count: 1 },
    ],
  },
} as unknown as Record<string, estypes.AggregationsAggregate>;

describe('reshapeSearchResponse, first page', () => {
  const page = reshapeSearchResponse(
    response(
      [
        hit('a', '2026-11-20T00:00:03Z', 9, 'an error here', 'an \u0001error\u0002 here'),
        hit('b', '2026-11-20T00:00:02Z', 8),
        hit('c', '2026-11-20T00:00:02Z', 7),
      ],
      {
        aggregations,
      },
    ),
    ctx(),
  );

  it('flattens hits and takes message and timestamp from the profile and the sort', () => {
    expect(page.hits[0]).toEqual({
      id: 'a',
      index: 'logstash-2026.11.20',
      timestamp: '2026-11-20T00:00:03Z',
      message: 'an error here',
      highlight: [[3, 8]],
      fields: {
        '@timestamp': '2026-11-20T00:00:03Z',
        log: 'an error here',
        'kubernetes.namespace_name': 'payments',
        'kubernetes.labels.app': 'api',
        tags: ['a', 'b'],
      },
    });
    expect(page.hits[1]?.highlight).toBeUndefined();
  });

  it('takes the total from the histogram bars, exactly', () => {
    expect(page.total).toEqual({ value: 7, relation: 'eq' });
    expect(page.histogram).toEqual({
      interval: '1m',
      intervalMs: 60_000,
      timeZone: 'UTC',
      from: 0,
      to: 179_999,
      buckets: [
        { key: 0, end: 60_000, count: 2, levels: { error: 2 } },
        { key: 60_000, end: 120_000, count: 0, levels: {} },
        { key: 120_000, end: 180_000, count: 5, levels: { info: 4, error: 1 } },
      ],
    });
  });

  it('names facets as requested', () => {
    expect(page.facets).toEqual({
      namespace: [
        { value: 'payments', count: 6 },
        { value: 'kube-system', count: 1 },
      ],
    });
  });

  it('returns the next cursor state when the page is full', () => {
    expect(page.next).toEqual({
      after: ['2026-11-20T00:00:02Z', 'logstash-2026.11.20', 7],
      tieIds: ['c'],
      range: RANGE,
      total: { value: 7, relation: 'eq' },
    });
    expect(page.partial).toBeNull();
  });

  it('takes the message from the fallback field when the hit has no primary one', () => {
    const pushed: estypes.SearchHit<unknown> = { _index: 'i', _id: 'p', _source: { message: 'pushed by an app' }, sort: ['t', 'i', 1] };
    expect(reshapeSearchResponse(response([pushed]), ctx()).hits[0]?.message).toBe('pushed by an app');
  });

  it('has no next page when the page is not full', () => {
    expect(reshapeSearchResponse(response([hit('a', 't', 1)], { aggregations }), ctx()).next).toBeNull();
  });

  it('uses the engine count without a histogram', () => {
    const p = reshapeSearchResponse(
      response([], { hits: { hits: [], total: { value: 10_000, relation: 'gte' } } }),
      ctx({ histogram: null }),
    );
    expect(p.total).toEqual({ value: 10_000, relation: 'gte' });
    expect(p.histogram).toBeNull();
  });

  it('without a count, gives the page: every match when it is not full, at least that many when it is', () => {
    const uncounted = (hits: estypes.SearchHit<unknown>[]) =>
      reshapeSearchResponse(response(hits, { hits: { hits } }), ctx({ histogram: null })).total;
    expect(uncounted([hit('a', 't2', 2), hit('b', 't1', 1)])).toEqual({ value: 2, relation: 'eq' });
    expect(uncounted([])).toEqual({ value: 0, relation: 'eq' });
    expect(uncounted([hit('a', 't3', 3), hit('b', 't2', 2), hit('c', 't1', 1)])).toEqual({ value: 3, relation: 'gte' });
  });
});

describe('reshapeSearchResponse, later pages', () => {
  const previous: CursorState = {
    after: ['2026-11-20T00:00:02Z', 'logstash-2026.11.20', 7],
    tieIds: ['c'],
    range: RANGE,
    total: { value: 7, relation: 'eq' },
  };

  it('drops hits already shown on the tie, keeps ties not yet shown, keeps the first total', () => {
    const raw = [
      hit('c', '2026-11-20T00:00:02Z', 7),
      hit('c2', '2026-11-20T00:00:02Z', 7),
      hit('d', '2026-11-20T00:00:01Z', 6),
      hit('e', '2026-11-20T00:00:00Z', 5),
    ];
    const p = reshapeSearchResponse(response(raw), ctx({ after: previous }));
    expect(p.hits.map((h) => h.id)).toEqual(['c2', 'd', 'e']);
    expect(p.total).toEqual({ value: 7, relation: 'eq' });
    expect(p.histogram).toBeNull();
    expect(p.facets).toEqual({});
    expect(p.next?.tieIds).toEqual(['e']);
  });

  it('carries a tie that spans a whole page into the next cursor', () => {
    const raw = [
      hit('c', '2026-11-20T00:00:02Z', 7),
      hit('c2', '2026-11-20T00:00:02Z', 7),
      hit('c3', '2026-11-20T00:00:02Z', 7),
      hit('c4', '2026-11-20T00:00:02Z', 7),
    ];
    const p = reshapeSearchResponse(response(raw), ctx({ after: previous }));
    expect(p.hits.map((h) => h.id)).toEqual(['c2', 'c3', 'c4']);
    expect(p.next?.tieIds).toEqual(['c', 'c2', 'c3', 'c4']);
  });

  it('never returns more than the page size, even when a tie already shown was deleted since', () => {
    // Asked for size + 1 (one tie to skip); 'c' is gone, so nothing is skipped and one is extra.
    const raw = [
      hit('c2', '2026-11-20T00:00:02Z', 7),
      hit('d', '2026-11-20T00:00:01Z', 6),
      hit('e', '2026-11-20T00:00:00Z', 5),
      hit('f', '2026-11-19T23:59:59Z', 4),
    ];
    const p = reshapeSearchResponse(response(raw), ctx({ after: previous }));
    expect(p.hits.map((h) => h.id)).toEqual(['c2', 'd', 'e']);
    expect(p.next).toEqual({
      after: ['2026-11-20T00:00:00Z', 'logstash-2026.11.20', 5],
      tieIds: ['e'],
      range: RANGE,
      total: previous.total,
    });
  });
});

describe('partial results', () => {
  it('reports shard failures and time-outs, never drops them', () => {
    const p = reshapeSearchResponse(
      response([], {
        timed_out: true,
        _shards: {
          total: 5,
          successful: 3,
          failed: 2,
          failures: [
            { index: 'logstash-a', shard: 0, reason: { type: 'query_shard_exception', reason: 'boom' } },
            { index: 'logstash-b', shard: 1, reason: { type: 'query_shard_exception', reason: 'boom' } },
          ],
        },
      }),
      ctx({ histogram: null }),
    );
    expect(p.partial).toEqual({
      failedShards: 2,
      totalShards: 5,
      timedOut: true,
      reasons: [
        'logstash-a: query_shard_exception: boom',
        'logstash-b: query_shard_exception: boom',
        'the search ran out of time; results are incomplete',
      ],
    });
  });
});

describe('highlightRanges', () => {
  it('finds [start, end) ranges in the untagged message', () => {
    expect(highlightRanges('\u0001GET\u0002 /api \u0001500\u0002', 'GET /api 500')).toEqual([
      [0, 3],
      [9, 12],
    ]);
  });

  it('counts UTF-16 units like JS string indices', () => {
    const message = 'déjà 🚀 error';
    expect(highlightRanges('déjà 🚀 \u0001error\u0002', message)).toEqual([[8, 13]]);
    expect(message.slice(8, 13)).toBe('error');
  });

  it('keeps ranges when only the head of a long message was analyzed', () => {
    expect(highlightRanges('\u0001err\u0002 and', 'err and much more')).toEqual([[0, 3]]);
  });

  it.each([
    ['a message that already holds a marker', '\u0001x\u0002', 'y'],
    ['unbalanced markers', '\u0001x', 'x'],
    ['nested markers', '\u0001\u0001x\u0002\u0002', 'x'],
  ])('gives up on %s', (_what, tagged, message) => {
    expect(highlightRanges(tagged, message)).toBeUndefined();
  });
});

describe('flattenSource', () => {
  it('does not let a hostile key reach a prototype', () => {
    const flat = flattenSource(JSON.parse('{"__proto__":{"polluted":1},"a":{"constructor":"x"}}'));
    expect(flat['__proto__.polluted']).toBe(1);
    expect(flat['a.constructor']).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reshapeSearchResponse, odd engine answers', () => {
  const previous: CursorState = {
    after: ['2026-11-20T00:00:02Z', 'logstash-2026.11.20', 7],
    tieIds: ['c'],
    range: RANGE,
    total: { value: 7, relation: 'eq' },
  };
  const withSort = (id: string, sort: unknown[]): estypes.SearchHit<unknown> => ({ ...hit(id, 't', 0), sort: sort as estypes.SortResults });

  it('skips a shown tie only when all three sort values match', () => {
    const raw = [
      withSort('c', ['2026-11-20T00:00:02Z', 'logstash-2026.11.20', 8]),
      withSort('c', ['2026-11-20T00:00:02Z', 'logstash-2026.11.21', 7]),
      withSort('c', ['2026-11-20T00:00:03Z', 'logstash-2026.11.20', 7]),
    ];
    expect(reshapeSearchResponse(response(raw), ctx({ after: previous })).hits).toHaveLength(3);
  });

  it('gives hits without usable sort values no timestamp, and ends paging on them', () => {
    const raw = [withSort('c', [123, 'logstash-2026.11.20', 7]), withSort('x', ['t', 5, 7]), withSort('y', ['t', 'i', '7'])];
    const p = reshapeSearchResponse(response(raw), ctx({ after: previous }));
    expect(p.hits.map((h) => [h.id, h.timestamp])).toEqual([
      ['c', ''],
      ['x', ''],
      ['y', ''],
    ]);
    expect(p.next).toBeNull();
    const bare: estypes.SearchHit<unknown> = { _index: 'i', _source: { log: 'x' } };
    expect(reshapeSearchResponse(response([bare]), ctx()).hits[0]).toMatchObject({ id: '', timestamp: '' });
  });

  it('ties for the next cursor only hits with the same three sort values as the last', () => {
    const raw = [hit('a', '2026-11-20T00:00:02Z', 9), hit('b', '2026-11-20T00:00:02Z', 8), hit('c', '2026-11-20T00:00:02Z', 8)];
    expect(reshapeSearchResponse(response(raw), ctx()).next?.tieIds).toEqual(['b', 'c']);
  });

  it('sets a highlight only when there are ranges in the message field', () => {
    const raw = [
      { ...hit('a', 't', 3), highlight: { other: ['\u0001x\u0002'] } },
      hit('b', 't', 2, 'no match', 'no match'),
      hit('c', 't', 1, 'line', 'lie\u0001n\u0002'),
    ];
    for (const h of reshapeSearchResponse(response(raw), ctx()).hits) expect(Object.keys(h)).not.toContain('highlight');
  });

  it('has empty facets when the engine sent no aggregation for them', () => {
    expect(reshapeSearchResponse(response([]), ctx({ histogram: null })).facets).toEqual({ namespace: [] });
  });

  it('takes a numeric total as exact, and counts the hits when there is none', () => {
    const numeric = response([], { hits: { hits: [], total: 42 } });
    expect(reshapeSearchResponse(numeric, ctx({ histogram: null })).total).toEqual({ value: 42, relation: 'eq' });
    expect(reshapeSearchResponse(response([hit('a', 't', 1)]), ctx({ histogram: null })).total).toEqual({ value: 1, relation: 'eq' });
  });
});

describe('reshapePartial', () => {
  const failure = (index: string | undefined, reason: string | undefined) => ({
    ...(index ? { index } : {}),
    shard: 0,
    reason: { type: 'query_shard_exception', ...(reason === undefined ? {} : { reason }) },
  });

  it('is null when nothing failed', () => {
    expect(reshapePartial(undefined, false)).toBeNull();
    expect(reshapePartial({ total: 2, successful: 2, failed: 0 }, false)).toBeNull();
  });

  it('reports a time-out without shard statistics', () => {
    expect(reshapePartial(undefined, true)).toEqual({
      failedShards: 0,
      totalShards: 0,
      timedOut: true,
      reasons: ['the search ran out of time; results are incomplete'],
    });
  });

  it('reports failed shards without a time-out, at most five distinct reasons, each at most 300 characters', () => {
    const failures = [
      failure(undefined, undefined),
      failure('a', 'x'.repeat(300 - 'a: query_shard_exception: '.length)),
      failure('b', 'y'.repeat(400)),
      ...['c', 'd', 'e', 'f'].map((i) => failure(i, 'boom')),
    ];
    const p = reshapePartial({ total: 9, successful: 2, failed: 7, failures }, false);
    expect(p?.failedShards).toBe(7);
    expect(p?.timedOut).toBe(false);
    expect(p?.reasons).toEqual([
      'unknown index: query_shard_exception:',
      `a: query_shard_exception: ${'x'.repeat(274)}`,
      `${`b: query_shard_exception: ${'y'.repeat(400)}`.slice(0, 300)}…`,
      'c: query_shard_exception: boom',
      'd: query_shard_exception: boom',
    ]);
  });
});

describe('highlightRanges, broken markers', () => {
  it.each([
    ['a marker opened twice at the start', '\u0001a\u0001b\u0002', 'ab'],
    ['a marker opened twice later on', 'x\u0001a\u0001b\u0002', 'xab'],
    ['a marker closed that was never opened', 'a\u0002b', 'ab'],
    ['a tail that differs from the message', 'x\u0001y\u0002z', 'xyq'],
  ])('gives up on %s', (_what, tagged, message) => {
    expect(highlightRanges(tagged, message)).toBeUndefined();
  });

  it('drops an empty range', () => {
    expect(highlightRanges('\u0001\u0002x', 'x')).toEqual([]);
  });
});
