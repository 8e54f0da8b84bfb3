import { describe, expect, it } from 'vitest';
import { buildSearchRequest, searchAfterFor, type SearchPlan } from '@/lib/search/build-request';
import { chooseHistogramInterval } from '@/lib/search/interval';

const FROM = Date.UTC(2026, 10, 20, 6, 0, 0);
const TO = Date.UTC(2026, 10, 20, 12, 0, 0);
const interval = chooseHistogramInterval(FROM, TO)!;

function plan(overrides: Partial<SearchPlan> = {}): SearchPlan {
  return {
    index: 'logstash-*',
    timeField: '@timestamp',
    range: { from: FROM, to: TO },
    timeZone: 'Europe/Berlin',
    query: { query_string: { query: 'error' } },
    filters: { filter: [{ exists: { field: 'stream' } }], must_not: [{ match_phrase: { level: 'debug' } }] },
    sort: 'desc',
    size: 100,
    after: null,
    histogram: { interval, levelField: 'level' },
    facets: [
      { name: 'namespace', field: 'kubernetes.namespace_name' },
      { name: 'pod', field: 'kubernetes.pod_name' },
    ],
    facetSize: 10,
    highlightFields: ['log', 'message'],
    engineTimeout: '10000ms',
    ...overrides,
  };
}

describe('buildSearchRequest, first page', () => {
  const request = buildSearchRequest(plan());

  it('is the whole screen in one body', () => {
    expect(request).toEqual({
      index: 'logstash-*',
      ignore_unavailable: true,
      allow_no_indices: true,
      allow_partial_search_results: true,
      timeout: '10000ms',
      size: 100,
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: FROM, lte: TO, format: 'epoch_millis' } } },
            { query_string: { query: 'error' } },
            { exists: { field: 'stream' } },
          ],
          must_not: [{ match_phrase: { level: 'debug' } }],
        },
      },
      sort: [
        { '@timestamp': { order: 'desc', format: 'strict_date_optional_time_nanos', unmapped_type: 'date' } },
        { _index: { order: 'desc' } },
        { _seq_no: { order: 'desc' } },
      ],
      track_total_hits: false,
      _source: true,
      aggs: {
        histogram: {
          date_histogram: {
            field: '@timestamp',
            fixed_interval: '5m',
            time_zone: 'Europe/Berlin',
            min_doc_count: 0,
            extended_bounds: { min: FROM, max: TO },
          },
          aggs: { levels: { terms: { field: 'level', size: 12 } } },
        },
        facet_0: { terms: { field: 'kubernetes.namespace_name', size: 10 } },
        facet_1: { terms: { field: 'kubernetes.pod_name', size: 10 } },
      },
      highlight: {
        pre_tags: ['\u0001'],
        post_tags: ['\u0002'],
        number_of_fragments: 0,
        max_analyzed_offset: 200_000,
        highlight_query: { query_string: { query: 'error', fields: ['log', 'message'] } },
        fields: { log: {}, message: {} },
      },
    });
  });

  it('counts hits itself (up to 10,000) only when there is no histogram to sum', () => {
    const r = buildSearchRequest(plan({ histogram: null }));
    expect(r.track_total_hits).toBe(10_000);
    expect(r.aggs && 'histogram' in r.aggs).toBe(false);
  });

  it('counts nothing when the caller counts elsewhere (`total: false`)', () => {
    expect(buildSearchRequest(plan({ histogram: null, total: false })).track_total_hits).toBe(false);
    expect(buildSearchRequest(plan({ histogram: null, total: true })).track_total_hits).toBe(10_000);
  });

  it('omits the level breakdown when the source has no level field', () => {
    const r = buildSearchRequest(plan({ histogram: { interval } }));
    expect(r.aggs?.histogram?.aggs).toBeUndefined();
  });

  it('matches everything and highlights nothing without a query', () => {
    const r = buildSearchRequest(plan({ query: null, filters: { filter: [], must_not: [] } }));
    expect(r.query).toEqual({ bool: { filter: [{ range: { '@timestamp': { gte: FROM, lte: TO, format: 'epoch_millis' } } }] } });
    expect(r.highlight).toBeUndefined();
  });

  it('asks plain bars and the levels beside them when nothing narrows the range, so the bars keep their fast path', () => {
    const r = buildSearchRequest(plan({ query: null, filters: { filter: [], must_not: [] } }));
    expect(Object.keys(r.aggs ?? {}).sort()).toEqual(['facet_0', 'facet_1', 'histogram', 'levels_by_bar']);
    expect(r.aggs?.histogram?.aggs).toBeUndefined();
    expect(r.aggs?.levels_by_bar).toMatchObject({ terms: { field: 'level' }, aggs: { bars: { date_histogram: { min_doc_count: 1 } } } });
  });

  it('sorts every key ascending for asc', () => {
    const r = buildSearchRequest(plan({ sort: 'asc' }));
    expect(r.sort).toEqual([
      { '@timestamp': { order: 'asc', format: 'strict_date_optional_time_nanos', unmapped_type: 'date' } },
      { _index: { order: 'asc' } },
      { _seq_no: { order: 'asc' } },
    ]);
  });

  it('converts the time to nanoseconds only for a source mixing date and date_nanos (it costs the early stop)', () => {
    const mixed = buildSearchRequest(plan({ mixedTimeTypes: true }));
    expect((mixed.sort as unknown[])[0]).toEqual({
      '@timestamp': { order: 'desc', format: 'strict_date_optional_time_nanos', numeric_type: 'date_nanos', unmapped_type: 'date' },
    });
  });

  it('sends no aggregations when neither histogram nor facets are asked for', () => {
    expect('aggs' in buildSearchRequest(plan({ histogram: null, facets: [] }))).toBe(false);
  });

  it('highlights nothing without message fields', () => {
    expect('highlight' in buildSearchRequest(plan({ highlightFields: [] }))).toBe(false);
  });
});

describe('buildSearchRequest, later pages', () => {
  const after = {
    after: ['2026-11-20T11:00:00.000Z', 'logstash-2026.11.20', 41] as [string, string, number],
    tieIds: ['x', 'y'],
    range: { from: FROM, to: TO },
    total: { value: 500, relation: 'eq' as const },
  };

  it('continues with search_after, no aggregations, no counting, and room for the tied hits', () => {
    const r = buildSearchRequest(plan({ after }));
    expect(r.search_after).toEqual(['2026-11-20T11:00:00.000Z', 'logstash-2026.11.20', 42]);
    expect(r.aggs).toBeUndefined();
    expect(r.track_total_hits).toBe(false);
    expect(r.size).toBe(102);
    expect('from' in r).toBe(false);
    expect('aggs' in r).toBe(false);
  });

  it('does not count on a later page even without a histogram', () => {
    expect(buildSearchRequest(plan({ after, histogram: null })).track_total_hits).toBe(false);
  });

  it('steps back the right way for each order', () => {
    expect(searchAfterFor(['t', 'i', 5], 'desc')).toEqual(['t', 'i', 6]);
    expect(searchAfterFor(['t', 'i', 5], 'asc')).toEqual(['t', 'i', 4]);
    expect(searchAfterFor(['t', 'i', 0], 'asc')).toEqual(['t', 'i', -1]);
  });
});
