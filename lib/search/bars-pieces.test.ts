/**
 * The bars' interior and edges: the cuts are whole steps that stay put while the range moves
 * less than a step, the two pieces' time clauses take every instant of the range exactly once and
 * nothing outside it, and the pieces' bars add up to the bars of all the lines (expected values
 * from generated lines, not from the code under test). The engine-backed check is
 * tests/integration/counts-oracle.test.ts and request-cache.test.ts.
 */
import type { estypes } from '@elastic/elasticsearch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAggregates, addAggregations, edgesClause, interiorClause, listsCutShort, splitBarsRange, type BarsSplit } from './bars-pieces';

const STEP = 30 * 60_000;
const T = Date.UTC(2026, 10, 29, 0, 0); // a Sunday, on a step

describe('splitBarsRange', () => {
  it.each([
    ['unaligned both ends', { from: T + 1, to: T + 5 * STEP - 1 }, { from: T + STEP, to: T + 4 * STEP }],
    ['aligned start', { from: T, to: T + 3 * STEP + 7 }, { from: T, to: T + 3 * STEP }],
    ['exactly two steps apart', { from: T + 5, to: T + 3 * STEP - 5 }, { from: T + STEP, to: T + 2 * STEP }],
  ])('%s', (_name, range, interior) => {
    expect(splitBarsRange(range, STEP)).toEqual({ interior, edges: range });
  });

  it('gives no split for less than one whole step inside the range, or a step that is not positive', () => {
    expect(splitBarsRange({ from: T + 1, to: T + 2 * STEP - 1 }, STEP)).toBeNull();
    expect(splitBarsRange({ from: T, to: T + STEP - 1 }, STEP)).toBeNull();
    expect(splitBarsRange({ from: T, to: T + 10 * STEP }, 0)).toBeNull();
    expect(splitBarsRange({ from: T, to: T + 10 * STEP }, Number.NaN)).toBeNull();
  });

  it('rounds a fractional step (a calendar interval’s nominal width) to whole milliseconds', () => {
    expect(splitBarsRange({ from: 1, to: 100 }, 9.6)).toEqual({ interior: { from: 10, to: 100 }, edges: { from: 1, to: 100 } });
  });

  it('cuts at whole steps inside the range, less than a step from each end; the same cuts for a range moved within a step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 400 * STEP }),
        fc.integer({ min: 1, max: 24 * 3_600_000 }),
        (from, span, step) => {
          const to = from + span;
          const split = splitBarsRange({ from, to }, step);
          const first = Math.ceil(from / step) * step;
          const last = Math.floor(to / step) * step;
          if (last - first < step) {
            expect(split).toBeNull();
            return;
          }
          expect(split).not.toBeNull();
          const { interior } = split!;
          expect(interior.from % step).toBe(0);
          expect(interior.to % step).toBe(0);
          expect(interior.from).toBeGreaterThanOrEqual(from);
          expect(interior.from - from).toBeLessThan(step);
          expect(interior.to).toBeLessThanOrEqual(to);
          expect(to - interior.to).toBeLessThan(step);
          // A reload moves both ends later; by less than the way to the next cut, the cuts stay.
          const room = Math.min(interior.from - from, interior.to + step - 1 - to);
          if (room > 0) expect(splitBarsRange({ from: from + room, to: to + room }, step)?.interior).toEqual(interior);
        },
      ),
      { numRuns: 500, seed: 20261130 },
    );
  });
});

type Query = estypes.QueryDslQueryContainer;

/** The clauses as the engine reads them: `gte`, `lt`, `lte` on the time field, `should` with one needed. */
function holds(query: Query | undefined, t: number): boolean {
  if (!query) return false;
  if (query.range) {
    const b = query.range['@timestamp'] as { gte?: number; lt?: number; lte?: number };
    return (b.gte === undefined || t >= b.gte) && (b.lt === undefined || t < b.lt) && (b.lte === undefined || t <= b.lte);
  }
  const should = (query.bool?.should ?? []) as Query[];
  expect(query.bool?.minimum_should_match).toBe(1);
  return should.some((q) => holds(q, t));
}

describe('interiorClause and edgesClause', () => {
  it('take every instant of the range in exactly one piece, and none outside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 0, max: 50 * STEP }),
        fc.integer({ min: 1, max: 6 * STEP }),
        fc.array(fc.integer({ min: -2 * STEP, max: 52 * STEP }), { maxLength: 60 }),
        (from, span, step, offsets) => {
          const to = from + span;
          const split = splitBarsRange({ from, to }, step);
          if (!split) return;
          const interior = interiorClause('@timestamp', split);
          const edges = edgesClause('@timestamp', split);
          // The instants that decide: the range's ends and the cuts, a millisecond either side, and random ones.
          const cuts = [from, to, split.interior.from, split.interior.to].flatMap((c) => [c - 1, c, c + 1]);
          for (const t of [...cuts, ...offsets.map((o) => from + o)]) {
            const inRange = t >= from && t <= to;
            expect(Number(holds(interior, t)) + Number(holds(edges, t))).toBe(inRange ? 1 : 0);
          }
        },
      ),
      { numRuns: 500, seed: 20261130 },
    );
  });

  it('asks only for the edge after the interior when the range starts on a cut', () => {
    const split: BarsSplit = { interior: { from: T, to: T + 2 * STEP }, edges: { from: T, to: T + 2 * STEP + 9 } };
    expect(edgesClause('ts', split)).toEqual({ range: { ts: { gte: T + 2 * STEP, lte: T + 2 * STEP + 9, format: 'epoch_millis' } } });
    expect(interiorClause('ts', split)).toEqual({ range: { ts: { gte: T, lt: T + 2 * STEP, format: 'epoch_millis' } } });
  });
});

/** Generated lines: which bar (a key) and which level. */
interface Line {
  bar: number;
  level: string;
}

/** The date histogram with levels under each bar, as the engine answers it for `lines` (keys in order, levels by count). */
function barsOf(lines: Line[]) {
  const bars = new Map<number, Map<string, number>>();
  for (const l of lines) {
    const levels = bars.get(l.bar) ?? new Map<string, number>();
    levels.set(l.level, (levels.get(l.level) ?? 0) + 1);
    bars.set(l.bar, levels);
  }
  return {
    buckets: [...bars.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, levels]) => ({
        key,
        key_as_string: new Date(key).toISOString(),
        doc_count: [...levels.values()].reduce((a, b) => a + b, 0),
        levels: {
          doc_count_error_upper_bound: 0,
          sum_other_doc_count: 0,
          buckets: [...levels.entries()].map(([level, n]) => ({ key: level, doc_count: n })),
        },
      })),
  };
}

/** Levels first, each with its bars (only bars with lines), as `buildLevelsByBarAgg` asks. */
function levelsByBarOf(lines: Line[]) {
  const byLevel = new Map<string, Line[]>();
  for (const l of lines) byLevel.set(l.level, [...(byLevel.get(l.level) ?? []), l]);
  return {
    doc_count_error_upper_bound: 0,
    sum_other_doc_count: 0,
    buckets: [...byLevel.entries()].map(([level, own]) => ({
      key: level,
      doc_count: own.length,
      bars: { buckets: barsOf(own).buckets.map(({ key, key_as_string, doc_count }) => ({ key, key_as_string, doc_count })) },
    })),
  };
}

/** Counts per bar and per (bar, level), whatever the order of the buckets. */
function countsOfBars(agg: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of (agg as ReturnType<typeof barsOf>).buckets) {
    out[b.key] = b.doc_count;
    for (const l of b.levels?.buckets ?? []) out[`${b.key}/${l.key}`] = l.doc_count;
  }
  return out;
}
function countsOfLevels(agg: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of (agg as ReturnType<typeof levelsByBarOf>).buckets) {
    out[l.key] = l.doc_count;
    for (const b of l.bars.buckets) out[`${l.key}/${b.key}`] = b.doc_count;
  }
  return out;
}

const lineArb = fc.record({
  bar: fc.integer({ min: 0, max: 12 }).map((i) => T + i * STEP),
  level: fc.constantFrom('error', 'warn', 'info', 'debug'),
});

describe('addAggregates', () => {
  it('adds two pieces’ bars into the bars of all their lines, levels included, both ways of asking for levels', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 80 }), fc.array(lineArb, { maxLength: 80 }), (a, b) => {
        const all = [...a, ...b];
        const bars = addAggregates(barsOf(a), barsOf(b));
        expect(countsOfBars(bars)).toEqual(countsOfBars(barsOf(all)));
        const keys = (bars?.buckets as { key: number }[]).map((x) => x.key);
        expect(keys).toEqual([...keys].sort((x, y) => x - y));
        expect(countsOfLevels(addAggregates(levelsByBarOf(a), levelsByBarOf(b)))).toEqual(countsOfLevels(levelsByBarOf(all)));
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it('orders terms buckets by count, then by key, and adds what they left out', () => {
    const a = { sum_other_doc_count: 2, doc_count_error_upper_bound: 1, buckets: [{ key: 'info', doc_count: 5 }] };
    const b = {
      sum_other_doc_count: 3,
      doc_count_error_upper_bound: 2,
      buckets: [
        { key: 'error', doc_count: 4 },
        { key: 'debug', doc_count: 4 },
        { key: 'info', doc_count: 1 },
      ],
    };
    expect(addAggregates(a, b)).toEqual({
      sum_other_doc_count: 5,
      doc_count_error_upper_bound: 3,
      buckets: [
        { key: 'info', doc_count: 6 },
        { key: 'debug', doc_count: 4 },
        { key: 'error', doc_count: 4 },
      ],
    });
  });

  it('knows a terms answer by either side (a piece whose list came back without the counts left out)', () => {
    const listed = { sum_other_doc_count: 0, buckets: [{ key: 'b', doc_count: 1 }] };
    const bare = { buckets: [{ key: 'a', doc_count: 1 }] };
    // Terms: by count, then by key, not by key as numbers (which would be NaN for both).
    expect(addAggregates(listed, bare)?.buckets).toEqual([
      { key: 'a', doc_count: 1 },
      { key: 'b', doc_count: 1 },
    ]);
    expect(addAggregates(bare, listed)?.sum_other_doc_count).toBe(0);
    expect(
      addAggregates({ buckets: [{ key: 'x', doc_count: 1 }] }, { sum_other_doc_count: 4, buckets: [{ key: 'y', doc_count: 2 }] }),
    ).toEqual({
      sum_other_doc_count: 4,
      doc_count_error_upper_bound: 0,
      buckets: [
        { key: 'y', doc_count: 2 },
        { key: 'x', doc_count: 1 },
      ],
    });
  });

  it('reads buckets given as an object (keyed buckets) and keeps a piece with no answer out', () => {
    const keyed = { buckets: { x: { key: T, doc_count: 2 } } };
    expect(addAggregates(keyed, { buckets: [{ key: T, doc_count: 3 }] })).toEqual({ buckets: [{ key: T, doc_count: 5 }] });
    expect(addAggregates(undefined, keyed)).toBe(keyed);
    expect(addAggregates(keyed, undefined)).toBe(keyed);
    expect(addAggregates({}, { buckets: [{ key: T, doc_count: 1 }] })).toEqual({ buckets: [{ key: T, doc_count: 1 }] });
  });
});

describe('addAggregations', () => {
  it('adds aggregations of the same name and keeps the others as they are', () => {
    const bars = (n: number) => ({ buckets: [{ key: T, doc_count: n }] }) as unknown as estypes.AggregationsAggregate;
    const facet = { buckets: [{ key: 'payments', doc_count: 9 }] } as unknown as estypes.AggregationsAggregate;
    expect(addAggregations({ histogram: bars(1), facet_0: facet }, { histogram: bars(2) })).toEqual({
      histogram: { buckets: [{ key: T, doc_count: 3 }] },
      facet_0: facet,
    });
    expect(addAggregations(undefined, { histogram: bars(2) })).toEqual({ histogram: bars(2) });
    expect(addAggregations({ histogram: bars(2) }, undefined)).toEqual({ histogram: bars(2) });
  });
});

describe('listsCutShort', () => {
  it('is true when a top-value list left values out, false when every value was listed or there is no list', () => {
    const terms = (other: number) => ({ sum_other_doc_count: other, buckets: [] }) as unknown as estypes.AggregationsAggregate;
    expect(listsCutShort({ facet_0: terms(0), facet_1: terms(3) })).toBe(true);
    expect(listsCutShort({ facet_0: terms(0), facet_1: terms(0) })).toBe(false);
    expect(listsCutShort({ histogram: { buckets: [] } as unknown as estypes.AggregationsAggregate })).toBe(false);
    expect(listsCutShort(undefined)).toBe(false);
  });
});
