import { describe, expect, it } from 'vitest';
import type { SearchPlan } from '@/lib/search/build-request';
import type { CursorState } from '@/lib/search/cursor';
import { HISTOGRAM_INTERVALS } from '@/lib/search/interval';
import { buildScreenSearches, msearchOptions, toMsearchLines, withShardConcurrency, type PartSearch } from '@/lib/search/screen-parts';

const FROM = Date.UTC(2026, 10, 20, 6, 0, 0);
const TO = Date.UTC(2026, 10, 20, 12, 0, 0) - 1;
const FIVE_MIN = HISTOGRAM_INTERVALS.find((i) => i.label === '5m')!;

function plan(overrides: Partial<SearchPlan> = {}): SearchPlan {
  return {
    index: 'logstash-*',
    timeField: '@timestamp',
    range: { from: FROM, to: TO },
    timeZone: 'Europe/Berlin',
    query: { match: { level: 'error' } },
    filters: { filter: [], must_not: [{ exists: { field: 'stream' } }] },
    sort: 'desc',
    size: 50,
    after: null,
    histogram: { interval: FIVE_MIN, levelField: 'level' },
    facets: [
      { name: 'namespace', field: 'kubernetes.namespace_name' },
      { name: 'pod', field: 'kubernetes.pod_name' },
    ],
    facetSize: 7,
    highlightFields: ['log'],
    engineTimeout: '10000ms',
    ...overrides,
  };
}

const QUERY = {
  bool: {
    filter: [{ range: { '@timestamp': { gte: FROM, lte: TO, format: 'epoch_millis' } } }, { match: { level: 'error' } }],
    must_not: [{ exists: { field: 'stream' } }],
  },
};

const AGGREGATION_SEARCH = {
  index: 'logstash-*',
  ignore_unavailable: true,
  allow_no_indices: true,
  allow_partial_search_results: true,
  pre_filter_shard_size: 1,
  timeout: '10000ms',
  size: 0,
  request_cache: true,
  track_total_hits: false,
  query: QUERY,
};

describe('buildScreenSearches', () => {
  it('splits a first page into rows (no count, no aggregations), histogram and facets', () => {
    const [rows, interior, edges, facetsInterior, facetsEdges, ...rest] = buildScreenSearches(plan());
    expect(rest).toEqual([]);
    expect(rows?.part).toBe('rows');
    expect(rows?.request.aggs).toBeUndefined();
    expect(rows?.request.track_total_hits).toBe(false);
    // One row more than shown, sorted by time alone, so the engine stops early on a time-sorted
    // index; the full sort is kept for when the page's end falls inside equal times.
    expect(rows?.request.size).toBe(51);
    expect(rows?.request.sort).toEqual([{ '@timestamp': expect.objectContaining({ order: 'desc' }) }]);
    expect(rows?.request.seq_no_primary_term).toBe(true);
    expect(rows?.exact?.size).toBe(50);
    expect(rows?.exact?.order).toBe('desc');
    expect(rows?.exact?.request.size).toBe(50);
    expect(rows?.exact?.request.sort).toHaveLength(3);
    expect(rows?.request.query).toEqual(QUERY);
    // The bars in two pieces (lib/search/bars-pieces.ts): the interior, cut at whole bars so its
    // body stays the same while the range moves less than a bar, and the edge after it (FROM is
    // a bar's start, so there is none before). Their counts add up to the whole range's.
    const cut = Date.UTC(2026, 10, 20, 11, 55);
    const bars = (bounds: { min: number; max: number }) => ({
      histogram: {
        date_histogram: {
          field: '@timestamp',
          fixed_interval: '5m',
          time_zone: 'Europe/Berlin',
          min_doc_count: 0,
          extended_bounds: bounds,
        },
        aggs: { levels: { terms: { field: 'level', size: 12 } } },
      },
    });
    const within = (time: object) => ({ bool: { ...QUERY.bool, filter: [time, ...QUERY.bool.filter.slice(1)] } });
    expect(interior).toEqual({
      part: 'histogram',
      request: {
        ...AGGREGATION_SEARCH,
        query: within({ range: { '@timestamp': { gte: FROM, lt: cut, format: 'epoch_millis' } } }),
        aggs: bars({ min: FROM, max: cut }),
      },
    });
    expect(edges).toEqual({
      part: 'histogram',
      request: {
        ...AGGREGATION_SEARCH,
        query: within({ range: { '@timestamp': { gte: cut, lte: TO, format: 'epoch_millis' } } }),
        // Rounded out to whole 5-minute bars: TO is a bar's last millisecond.
        aggs: bars({ min: FROM, max: TO + 1 }),
      },
    });
    // The facets in the same two pieces, each with the whole-range search to ask instead when a
    // piece's top values were cut short (then the pieces' lists cannot be added up exactly).
    const facetAggs = {
      facet_0: { terms: { field: 'kubernetes.namespace_name', size: 7 } },
      facet_1: { terms: { field: 'kubernetes.pod_name', size: 7 } },
    };
    const whole = { ...AGGREGATION_SEARCH, aggs: facetAggs };
    expect(facetsInterior).toEqual({
      part: 'facets',
      request: {
        ...AGGREGATION_SEARCH,
        query: within({ range: { '@timestamp': { gte: FROM, lt: cut, format: 'epoch_millis' } } }),
        aggs: facetAggs,
      },
      whole,
    });
    expect(facetsEdges).toEqual({
      part: 'facets',
      request: {
        ...AGGREGATION_SEARCH,
        query: within({ range: { '@timestamp': { gte: cut, lte: TO, format: 'epoch_millis' } } }),
        aggs: facetAggs,
      },
      whole,
    });
  });

  it('counts the facets part from a random sample when given a probability, the other parts as they are', () => {
    const exact = buildScreenSearches(plan(), 'split');
    const sampled = buildScreenSearches(plan(), 'split', 0.25);
    const facetsOf = (parts: typeof exact) => parts.find((p) => p.part === 'facets')!.request.aggs!;
    const [wrapper, ...others] = Object.values(facetsOf(sampled));
    expect(others).toEqual([]);
    expect(wrapper).toMatchObject({ random_sampler: { probability: 0.25 }, aggs: facetsOf(exact) });
    expect(sampled.filter((p) => p.part !== 'facets')).toEqual(exact.filter((p) => p.part !== 'facets'));
  });

  it('asks facets over a range too long for bars in one search', () => {
    const parts = buildScreenSearches(plan({ size: 0, histogram: null, range: { from: 0, to: 1e13 } }));
    expect(parts.map((p) => p.part)).toEqual(['facets']);
    expect(parts[0]?.whole).toBeUndefined();
  });

  it('asks the facets over the whole range at once when told not to cut them in pieces', () => {
    const parts = buildScreenSearches(plan(), 'split', null, false);
    expect(parts.map((p) => p.part)).toEqual(['rows', 'histogram', 'histogram', 'facets']);
    expect(parts[3]).toEqual({
      part: 'facets',
      request: {
        ...AGGREGATION_SEARCH,
        aggs: {
          facet_0: { terms: { field: 'kubernetes.namespace_name', size: 7 } },
          facet_1: { terms: { field: 'kubernetes.pod_name', size: 7 } },
        },
      },
    });
  });

  it('lets the rows count when there is no histogram to count', () => {
    const parts = buildScreenSearches(plan({ histogram: null }));
    expect(parts.map((p) => p.part)).toEqual(['rows', 'facets', 'facets']);
    expect(parts[0]?.request.track_total_hits).toBe(10_000);
  });

  it('leaves out the facets part without facets, and the levels without a level field', () => {
    const parts = buildScreenSearches(plan({ facets: [], histogram: { interval: FIVE_MIN } }));
    expect(parts.map((p) => p.part)).toEqual(['rows', 'histogram', 'histogram']);
    expect(parts[1]?.request.aggs?.histogram?.aggs).toBeUndefined();
    expect(parts[2]?.request.aggs?.histogram?.aggs).toBeUndefined();
  });

  it('asks only for rows on a later page', () => {
    const after: CursorState = {
      after: ['2026-11-20T07:00:00Z', 'logstash-2026.11.20', 3],
      tieIds: ['x'],
      range: { from: FROM, to: TO },
      total: { value: 9, relation: 'eq' },
    };
    const parts = buildScreenSearches(plan({ after }));
    expect(parts.map((p) => p.part)).toEqual(['rows']);
    expect(parts[0]?.request.size).toBe(51);
    // The full sort: only a first page is asked for by time alone.
    expect(parts[0]?.exact).toBeUndefined();
    expect(parts[0]?.request.sort).toHaveLength(3);
  });
});

describe('toMsearchLines', () => {
  it('puts the index options in each header and the rest in the body', () => {
    // A range of under two seconds (the narrowest bars): one facets search, no pieces.
    const short = { from: FROM + 1, to: FROM + 1500 };
    const parts = buildScreenSearches(plan({ range: short, histogram: null, facets: [{ name: 'pod', field: 'kubernetes.pod_name' }] }));
    const lines = toMsearchLines(parts);
    expect(lines).toHaveLength(4);
    const header = { index: 'logstash-*', ignore_unavailable: true, allow_no_indices: true, allow_partial_search_results: true };
    expect(lines[0]).toEqual(header);
    // Only the size-0 parts ask for the shard request cache (it caches nothing else).
    expect(lines[2]).toEqual({ ...header, request_cache: true });
    expect(lines[3]).toEqual({
      timeout: '10000ms',
      size: 0,
      track_total_hits: false,
      query: {
        bool: {
          ...QUERY.bool,
          filter: [{ range: { '@timestamp': { gte: FROM + 1, lte: FROM + 1500, format: 'epoch_millis' } } }, ...QUERY.bool.filter.slice(1)],
        },
      },
      aggs: { facet_0: { terms: { field: 'kubernetes.pod_name', size: 7 } } },
    });
    // The shard pre-filter is an option of the whole call, never a key of a search's body.
    expect(parts[1]?.request.pre_filter_shard_size).toBe(1);
    expect(lines[3]).not.toHaveProperty('pre_filter_shard_size');
    expect(Object.keys(lines[1] ?? {}).sort()).toEqual([
      '_source',
      'highlight',
      'query',
      'seq_no_primary_term',
      'size',
      'sort',
      'timeout',
      'track_total_hits',
    ]);
  });
});

describe('msearchOptions', () => {
  const part = (pre?: number): PartSearch => ({
    part: 'facets',
    request: { size: 0, ...(pre === undefined ? {} : { pre_filter_shard_size: pre }) },
  });
  it('pre-filters the shards of the whole call when a part asks for it, at its smallest threshold', () => {
    expect(msearchOptions([part(), part(1)])).toEqual({ pre_filter_shard_size: 1 });
    expect(msearchOptions([part(64), part(3)])).toEqual({ pre_filter_shard_size: 3 });
    expect(msearchOptions([part(), part()])).toEqual({});
    expect(msearchOptions([])).toEqual({});
  });
  it('is asked for by every part of a split screen that aggregates, and left to the engine for the rows', () => {
    const parts = buildScreenSearches(plan({}));
    for (const p of parts) expect(p.request.pre_filter_shard_size).toBe(p.part === 'rows' ? undefined : 1);
    expect(msearchOptions(parts)).toEqual({ pre_filter_shard_size: 1 });
  });
});

describe('buildScreenSearches: rows sorted by time alone', () => {
  const rowsOf = (p: Partial<SearchPlan>) => buildScreenSearches(plan(p)).find((s) => s.part === 'rows');

  it('not where the time field mixes date and date_nanos (that sort cannot stop early)', () => {
    const mixed = rowsOf({ mixedTimeTypes: true });
    expect(mixed?.exact).toBeUndefined();
    expect(mixed?.request.sort).toHaveLength(3);
  });

  it('keeps the order asked for', () => {
    const asc = rowsOf({ sort: 'asc' });
    expect(asc?.exact?.order).toBe('asc');
    expect(asc?.request.sort).toEqual([{ '@timestamp': expect.objectContaining({ order: 'asc' }) }]);
  });
});

describe('buildScreenSearches with size 0 (a screen part asked for on its own)', () => {
  const parts = (p: Partial<SearchPlan>) => buildScreenSearches(plan(p)).map((s) => s.part);

  it('leaves the rows out when the bars or the facets are asked for', () => {
    expect(parts({ size: 0 })).toEqual(['histogram', 'histogram', 'facets', 'facets']);
    expect(parts({ size: 0, facets: [] })).toEqual(['histogram', 'histogram']);
    // A range of less than two bars: the bars in one search.
    expect(parts({ size: 0, facets: [], range: { from: FROM + 1, to: FROM + 9 * 60_000 } })).toEqual(['histogram']);
    expect(parts({ size: 0, histogram: null })).toEqual(['facets', 'facets']);
  });

  it('keeps a rows part to count when nothing else is asked for', () => {
    const searches = buildScreenSearches(plan({ size: 0, histogram: null, facets: [] }));
    expect(searches.map((s) => s.part)).toEqual(['rows']);
    expect(searches[0]?.request.size).toBe(0);
    expect(searches[0]?.request.track_total_hits).toBe(10_000);
  });

  it('asks a later page for rows only, even with the bars and facets in the plan', () => {
    const after: CursorState = {
      after: ['2026-11-20T11:00:00.000Z', 'logstash-2026.11.20', 5],
      tieIds: [],
      range: { from: 0, to: 1 },
      total: { value: 9, relation: 'eq' },
    };
    expect(parts({ after })).toEqual(['rows']);
  });
});

describe('withShardConcurrency', () => {
  const rows = { index: 'logs-*', size: 101, track_total_hits: false, sort: [{ '@timestamp': { order: 'desc' as const } }] };
  it('asks the rows of a search that neither counts nor aggregates for as many shards at once as a node has processors', () => {
    expect(withShardConcurrency(rows, 2)).toEqual({ ...rows, max_concurrent_shard_requests: 2 });
    expect(withShardConcurrency({ ...rows, size: undefined }, 16)).toEqual({ ...rows, size: undefined, max_concurrent_shard_requests: 16 });
    // The streamed screen's rows part, as built.
    const part = buildScreenSearches(plan({ histogram: null, facets: [], total: false })).find((p) => p.part === 'rows')!;
    expect(part.request.track_total_hits).toBe(false);
    expect(withShardConcurrency(part.request, 3).max_concurrent_shard_requests).toBe(3);
  });
  it('leaves alone a search that counts its hits, aggregates or has no rows, and any when the processors are not known', () => {
    expect(withShardConcurrency(rows, null)).toBe(rows);
    for (const other of [
      { ...rows, track_total_hits: true },
      { ...rows, track_total_hits: 10_000 },
      { ...rows, track_total_hits: undefined },
      { ...rows, size: 0 },
      { ...rows, aggs: { a: { terms: { field: 'level' } } } },
      { ...rows, aggregations: { a: { terms: { field: 'level' } } } },
    ]) {
      expect(withShardConcurrency(other, 2)).toBe(other);
    }
  });
});
