import { describe, expect, it } from 'vitest';
import {
  isMsearchPath,
  isSearchPath,
  openSearchMsearch,
  openSearchMsearchResponse,
  openSearchPit,
  openSearchPitResponse,
  openSearchSearchBody,
  openSearchSearchResponse,
} from '@/lib/es/dialect';

const timeSort = {
  '@timestamp': { order: 'desc', format: 'strict_date_optional_time_nanos', numeric_type: 'date_nanos', unmapped_type: 'date' },
};

describe('openSearchSearchBody', () => {
  it('counts the hits of a search whose date histogram has sub-aggregations on OpenSearch 3, and only there', () => {
    const levels = { l: { terms: { field: 'level' } } };
    const bars = { size: 0, track_total_hits: false, aggs: { h: { date_histogram: { field: 't' }, aggs: levels } } };
    expect(openSearchSearchBody(bars, 3)).toEqual({ body: { ...bars, track_total_hits: true }, formatted: [] });
    // Also below another aggregation, and spelled `aggregations`.
    const nested = {
      size: 0,
      track_total_hits: false,
      aggs: { f: { filter: {}, aggregations: { h: { date_histogram: {}, aggregations: levels } } } },
    };
    expect(openSearchSearchBody(nested, 3)?.body.track_total_hits).toBe(true);
    expect(openSearchSearchBody(bars, 2)).toBeNull();
    // A combined screen (rows and bars in one search) went wrong too.
    expect(openSearchSearchBody({ ...bars, size: 5 }, 3)?.body.track_total_hits).toBe(true);
    expect(openSearchSearchBody({ ...bars, track_total_hits: 10_000 }, 3)).toBeNull();
    expect(openSearchSearchBody({ size: 0, track_total_hits: false }, 3)).toBeNull();
    // Bars alone, and facets (terms only), keep track_total_hits false.
    expect(openSearchSearchBody({ ...bars, aggs: { h: { date_histogram: { field: 't' } } } }, 3)).toBeNull();
    expect(openSearchSearchBody({ ...bars, aggs: { h: { date_histogram: { field: 't' }, aggs: {} } } }, 3)).toBeNull();
    expect(openSearchSearchBody({ ...bars, aggs: levels }, 3)).toBeNull();
  });

  it('sorts time as epoch ms without format, and turns an ISO search_after back into ms', () => {
    const rewrite = openSearchSearchBody(
      { size: 1, sort: [timeSort, { _index: { order: 'desc' } }], search_after: ['2026-11-20T11:59:59.123Z', 'lx-1'] },
      2,
    );
    expect(rewrite).toEqual({
      body: {
        size: 1,
        sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }, { _index: { order: 'desc' } }],
        search_after: [Date.parse('2026-11-20T11:59:59.123Z'), 'lx-1'],
      },
      formatted: [0],
    });
  });

  it('replaces _shard_doc by _index and _id on OpenSearch 2 only', () => {
    const body = { sort: [timeSort, { _shard_doc: { order: 'asc' } }] };
    expect(openSearchSearchBody(body, 2)?.body.sort).toEqual([
      { '@timestamp': { order: 'desc', unmapped_type: 'date' } },
      { _index: { order: 'asc' } },
      { _id: { order: 'asc' } },
    ]);
    expect(openSearchSearchBody(body, 3)?.body.sort).toEqual([
      { '@timestamp': { order: 'desc', unmapped_type: 'date' } },
      { _shard_doc: { order: 'asc' } },
    ]);
  });

  it('leaves bodies without a formatted sort alone', () => {
    expect(openSearchSearchBody({ sort: [{ _index: 'asc' }] }, 2)).toBeNull();
    expect(openSearchSearchBody({ query: { match_all: {} } }, 3)).toBeNull();
    expect(openSearchSearchBody(undefined, 3)).toBeNull();
  });
});

describe('openSearchSearchResponse', () => {
  it('formats the rewritten positions of every hit as ISO text', () => {
    const ms = Date.parse('2026-11-20T11:59:59.123Z');
    const res = { hits: { hits: [{ sort: [ms, 'i', 3] }, { sort: [ms - 1, 'i', 2] }, {}] } };
    openSearchSearchResponse(res, [0]);
    expect(res.hits.hits.map((h) => ('sort' in h ? (h.sort?.[0] ?? null) : null))).toEqual([
      '2026-11-20T11:59:59.123Z',
      '2026-11-20T11:59:59.122Z',
      null,
    ]);
  });
});

describe('isSearchPath', () => {
  it('matches index and index-less searches only', () => {
    expect(isSearchPath('/_search')).toBe(true);
    expect(isSearchPath('/lx-*/_search')).toBe(true);
    expect(isSearchPath('/lx/_search/point_in_time')).toBe(false);
    expect(isSearchPath('/lx/_msearch')).toBe(false);
  });
});

describe('openSearchMsearch', () => {
  it('rewrites each body, keeps the headers, and formats each answer by its own search', () => {
    const lines = [{ index: 'a' }, { sort: [timeSort] }, { index: 'b' }, { size: 0 }];
    const rewrite = openSearchMsearch(lines, 3);
    expect(rewrite?.lines).toEqual([
      { index: 'a' },
      { sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'date' } }] },
      { index: 'b' },
      { size: 0 },
    ]);
    expect(rewrite?.formatted).toEqual([[0], []]);
    const res = { responses: [{ hits: { hits: [{ sort: [0] }] } }, { hits: { hits: [] } }] };
    openSearchMsearchResponse(res, rewrite?.formatted ?? []);
    expect(res.responses[0]?.hits.hits[0]?.sort).toEqual(['1970-01-01T00:00:00.000Z']);
    expect(isMsearchPath('/_msearch')).toBe(true);
    expect(openSearchMsearch([{}, { size: 0 }], 2)).toBeNull();
  });
});

describe('openSearchPit', () => {
  it('opens and closes a point in time on OpenSearch paths, and answers with id as well', () => {
    expect(
      openSearchPit({
        method: 'POST',
        path: '/lx-*/_pit',
        querystring: { keep_alive: '1m', ignore_unavailable: true, allow_partial_search_results: false },
      }),
    ).toEqual({
      method: 'POST',
      path: '/lx-*/_search/point_in_time',
      querystring: { keep_alive: '1m', allow_partial_pit_creation: false },
    });
    expect(openSearchPit({ method: 'DELETE', path: '/_pit', body: { id: 'abc' } })).toEqual({
      method: 'DELETE',
      path: '/_search/point_in_time',
      body: { pit_id: ['abc'] },
    });
    expect(openSearchPit({ method: 'POST', path: '/lx/_search' })).toBeNull();
    const res: Record<string, unknown> = { pit_id: 'abc', creation_time: 1 };
    openSearchPitResponse(res);
    expect(res.id).toBe('abc');
  });
});
