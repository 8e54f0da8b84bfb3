import type { estypes } from '@elastic/elasticsearch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberAnswer, memberPrefix, mergedFailed, mergeSearches } from '@/lib/search/merge-parts';
import type { PartSearch, ScreenPart } from '@/lib/search/screen-parts';

type Item = estypes.MsearchResponseItem<unknown>;

const range = (gte: number, lt: number) => ({ range: { '@timestamp': { gte, lt, format: 'epoch_millis' } } });
const agg = (field: string) => ({ terms: { field, size: 5 } });
const search = (part: ScreenPart, request: estypes.SearchRequest): PartSearch => ({ part, request });
const sized0 = (query: estypes.QueryDslQueryContainer, aggs?: Record<string, estypes.AggregationsAggregationContainer>) => ({
  index: 'logs-*',
  size: 0,
  track_total_hits: false,
  request_cache: true,
  query,
  ...(aggs ? { aggs } : {}),
});
const withoutAggs = ({ aggs: _aggs, ...rest }: estypes.SearchRequest) => rest;

/** An engine answer to `request`: each aggregation answered by what it asks (so by the field it counts). */
const answerTo = (request: estypes.SearchRequest): Item =>
  ({
    took: 3,
    timed_out: false,
    _shards: { total: 2, successful: 2, skipped: 0, failed: 0 },
    hits: { hits: [] },
    aggregations: Object.fromEntries(Object.entries(request.aggs ?? {}).map(([name, asked]) => [name, { value: JSON.stringify(asked) }])),
    status: 200,
  }) as unknown as Item;

describe('mergeSearches', () => {
  it("merges the bars' and the facets' pieces of one screen piece by piece, each set under its own prefix", () => {
    const interior = range(10, 20);
    const edges = range(0, 10);
    const bars = [
      search('histogram', sized0(interior, { histogram: agg('a') })),
      search('histogram', sized0(edges, { histogram: agg('a') })),
    ];
    const facets = [search('facets', sized0(interior, { facet_0: agg('b') })), search('facets', sized0(edges, { facet_0: agg('b') }))];
    const { searches, routes } = mergeSearches([bars, facets]);
    expect(searches).toEqual([
      search('histogram', sized0(interior, { m0_histogram: agg('a'), m1_facet_0: agg('b') })),
      search('histogram', sized0(edges, { m0_histogram: agg('a'), m1_facet_0: agg('b') })),
    ]);
    expect(routes).toEqual([
      [
        { search: 0, prefix: 'm0_' },
        { search: 1, prefix: 'm0_' },
      ],
      [
        { search: 0, prefix: 'm1_' },
        { search: 1, prefix: 'm1_' },
      ],
    ]);
    // The asked searches are left as they were.
    expect(bars[0]!.request.aggs).toEqual({ histogram: agg('a') });
  });

  it('leaves alone what has nothing to share: rows, other queries, a search without aggregations', () => {
    const rows = search('rows', { ...sized0(range(0, 1), { x: agg('a') }), size: 10 });
    const rowsToo = search('rows', { ...sized0(range(0, 1), { x: agg('a') }), size: 10 });
    const other = search('facets', sized0(range(1, 2), { facet_0: agg('b') }));
    const bare = search('histogram', sized0(range(0, 1)));
    const bareToo = search('facets', sized0(range(0, 1)));
    const named = search('facets', { ...sized0(range(0, 1), { a: agg('a') }), aggregations: { b: agg('b') } });
    const namedToo = search('facets', { ...sized0(range(0, 1), { a: agg('a') }), aggregations: { b: agg('b') } });
    const calls = [[rows, other], [rowsToo, bare], [bareToo], [named], [namedToo]];
    const { searches, routes } = mergeSearches(calls);
    expect(searches).toEqual(calls.flat());
    expect(routes.flat().every((r) => r.prefix === null)).toBe(true);
    expect(routes.flat().map((r) => r.search)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('answers every asked search with exactly its own aggregations, whatever the calls (property)', () => {
    const queries = [range(0, 10), range(10, 20), { match_all: {} }];
    const arbSearch = fc.record({
      part: fc.constantFrom<ScreenPart>('rows', 'histogram', 'facets'),
      query: fc.nat({ max: queries.length - 1 }),
      size: fc.constantFrom(0, 0, 0, 5),
      names: fc.uniqueArray(fc.constantFrom('histogram', 'facet_0', 'facet_1', 'levels'), { minLength: 0, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(arbSearch, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (shapes) => {
        const calls = shapes.map((call) =>
          call.map((s) => {
            const aggs = s.names.length > 0 ? Object.fromEntries(s.names.map((n) => [n, agg(n)])) : undefined;
            return search(s.part, { ...sized0(queries[s.query]!, aggs), size: s.size });
          }),
        );
        const { searches, routes } = mergeSearches(calls);
        const answers = searches.map((s) => answerTo(s.request));
        calls.forEach((call, c) => {
          expect(routes[c]).toHaveLength(call.length);
          call.forEach((asked, i) => {
            const route = routes[c]![i]!;
            const sent = searches[route.search]!.request;
            // Only its aggregations may differ from what was asked…
            expect(withoutAggs(sent)).toEqual(withoutAggs(asked.request));
            if (route.prefix === null) expect(sent).toBe(asked.request);
            // …and the answer it gets is the one it would have had alone.
            expect(memberAnswer(answers[route.search]!, route.prefix)).toEqual(answerTo(asked.request));
          });
        });
        // Each merged search holds each member once, under prefixes of its own.
        const members = new Map<number, string[]>();
        for (const r of routes.flat()) if (r.prefix !== null) members.set(r.search, [...(members.get(r.search) ?? []), r.prefix]);
        for (const prefixes of members.values()) {
          expect(prefixes.length).toBeGreaterThan(1);
          expect(prefixes).toEqual(prefixes.map((_, j) => memberPrefix(j)));
        }
        // Nothing is sent twice: two sent searches never differ only in their aggregations.
        const shareable = searches.filter((s) => s.request.size === 0 && s.request.aggs).map((s) => JSON.stringify(withoutAggs(s.request)));
        expect(new Set(shareable).size).toBe(shareable.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('memberPrefix', () => {
  it('uses no character the engine refuses in an aggregation name, and no two members share one', () => {
    const prefixes = Array.from({ length: 12 }, (_, j) => memberPrefix(j));
    for (const p of prefixes) expect(p).not.toMatch(/[[\]>]/);
    expect(new Set(prefixes).size).toBe(12);
    // No prefix starts another (m1_ and m10_ included): a name is never read by two members.
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});

describe('mergedFailed', () => {
  const ok = answerTo(sized0(range(0, 1), { a: agg('a') }));
  it('is true for a missing answer, an error, or lost shards; false for a whole answer', () => {
    expect(mergedFailed(undefined)).toBe(true);
    expect(mergedFailed({ error: { type: 'x', reason: 'y' }, status: 400 } as Item)).toBe(true);
    expect(mergedFailed({ ...ok, _shards: { total: 2, successful: 1, skipped: 0, failed: 1 } } as Item)).toBe(true);
    expect(mergedFailed(ok)).toBe(false);
    expect(mergedFailed({ ...ok, _shards: undefined } as unknown as Item)).toBe(false);
  });
});

describe('memberAnswer', () => {
  it('keeps only the names under the prefix, without it, and everything else of the answer', () => {
    const merged = {
      ...answerTo(sized0(range(0, 1))),
      aggregations: { m0_histogram: { value: 1 }, m1_facet_0: { value: 2 }, m1_: { value: 3 } },
    } as unknown as Item;
    expect(memberAnswer(merged, 'm1_')).toEqual({ ...merged, aggregations: { facet_0: { value: 2 }, '': { value: 3 } } });
    expect(memberAnswer(merged, 'm0_')).toEqual({ ...merged, aggregations: { histogram: { value: 1 } } });
    expect(memberAnswer(merged, null)).toBe(merged);
    const error = { error: { type: 'x', reason: 'y' }, status: 500 } as Item;
    expect(memberAnswer(error, 'm0_')).toBe(error);
    const none = { ...answerTo(sized0(range(0, 1))), aggregations: undefined } as unknown as Item;
    expect(memberAnswer(none, 'm0_')).toEqual({ ...none, aggregations: {} });
  });
});
