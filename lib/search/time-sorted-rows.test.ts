import type { estypes } from '@elastic/elasticsearch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageFromTimeSortedHits, timeSortedRowsRequest } from '@/lib/search/time-sorted-rows';

type Hit = estypes.SearchHit<unknown>;

const T1 = '2026-11-20T10:00:00.002Z';
const T2 = '2026-11-20T10:00:00.001Z';
const T3 = '2026-11-20T10:00:00.000Z';

const hit = (id: string, time: string, index: string, seqNo: number): Hit => ({ _id: id, _index: index, _seq_no: seqNo, sort: [time] });
const ids = (hits: Hit[] | null) => hits?.map((h) => h._id) ?? null;

describe('timeSortedRowsRequest', () => {
  it('keeps the time sort only, asks one row more and each hit’s _seq_no', () => {
    const exact: estypes.SearchRequest = {
      index: 'logs-*',
      size: 100,
      sort: [{ '@timestamp': { order: 'desc' } }, { _index: { order: 'desc' } }, { _seq_no: { order: 'desc' } }],
      track_total_hits: 10_000,
    };
    expect(timeSortedRowsRequest(exact)).toEqual({
      index: 'logs-*',
      size: 101,
      sort: [{ '@timestamp': { order: 'desc' } }],
      track_total_hits: 10_000,
      seq_no_primary_term: true,
    });
    expect(exact.sort).toHaveLength(3);
  });
});

describe('pageFromTimeSortedHits', () => {
  it('orders equal times by index then seq_no, in the direction asked, and gives each hit the full sort values', () => {
    const hits = [
      hit('a', T1, 'logs-1', 4),
      hit('b', T2, 'logs-1', 9),
      hit('c', T2, 'logs-2', 1),
      hit('d', T2, 'logs-1', 12),
      hit('e', T3, 'logs-1', 1),
    ];
    const desc = pageFromTimeSortedHits(hits, 4, 'desc');
    expect(ids(desc)).toEqual(['a', 'c', 'd', 'b']);
    expect(desc?.map((h) => h.sort)).toEqual([
      [T1, 'logs-1', 4],
      [T2, 'logs-2', 1],
      [T2, 'logs-1', 12],
      [T2, 'logs-1', 9],
    ]);
    // The same rows in time order ascending, equal times in yet another order.
    const asc = [...hits].reverse();
    expect(ids(pageFromTimeSortedHits(asc, 4, 'asc'))).toEqual(['e', 'b', 'd', 'c']);
  });

  it('gives up when the row after the page has the same time as its last (the full sort decides which belong)', () => {
    const hits = [hit('a', T1, 'logs-1', 1), hit('b', T2, 'logs-1', 2), hit('c', T2, 'logs-1', 3)];
    expect(pageFromTimeSortedHits(hits, 2, 'desc')).toBeNull();
    expect(ids(pageFromTimeSortedHits(hits, 1, 'desc'))).toEqual(['a']);
    // No row after the page: every row of the range is in it.
    expect(ids(pageFromTimeSortedHits(hits, 3, 'desc'))).toEqual(['a', 'c', 'b']);
  });

  it('gives up on a hit without its time or _seq_no', () => {
    expect(pageFromTimeSortedHits([{ _id: 'a', _index: 'i', sort: [T1] }], 1, 'desc')).toBeNull();
    expect(pageFromTimeSortedHits([{ _id: 'a', _index: 'i', _seq_no: 1, sort: [] }], 1, 'desc')).toBeNull();
    expect(pageFromTimeSortedHits([{ _id: 'a', _index: 'i', _seq_no: 1 }], 1, 'desc')).toBeNull();
  });

  it('compares index names by their UTF-8 bytes, as the engine does', () => {
    // JavaScript's `<` compares UTF-16 code units (U+FF5E's 0xFF5E > U+1F600's 0xD83D); the
    // engine compares bytes (EF BD 9E < F0 9F 98 80).
    const hits = [hit('wide', T1, 'logs-\u{FF5E}', 1), hit('emoji', T1, 'logs-\u{1F600}', 1)];
    expect(ids(pageFromTimeSortedHits(hits, 2, 'asc'))).toEqual(['wide', 'emoji']);
  });

  it('gives the full sort’s first page whenever it gives one (any times, indices, sizes)', () => {
    const arbitraryHits = fc
      .array(
        fc.record({ t: fc.integer({ min: 0, max: 5 }), index: fc.constantFrom('a', 'b', 'c'), seq: fc.integer({ min: 0, max: 1000 }) }),
        {
          maxLength: 30,
        },
      )
      .map((rows) => {
        // Unique (index, seq) as in the engine; ids name them.
        const seen = new Set<string>();
        return rows.filter((r) => !seen.has(`${r.index}/${r.seq}`) && seen.add(`${r.index}/${r.seq}`));
      });
    fc.assert(
      fc.property(arbitraryHits, fc.integer({ min: 1, max: 31 }), fc.constantFrom('asc' as const, 'desc' as const), (rows, size, order) => {
        const dir = order === 'desc' ? -1 : 1;
        const time = (t: number) => `2026-11-20T10:00:00.00${t}Z`;
        const full = [...rows].sort((x, y) => dir * (x.t - y.t || (x.index < y.index ? -1 : x.index > y.index ? 1 : 0) || x.seq - y.seq));
        // The engine's time-only order breaks ties any way it likes: here, shuffled by seq parity.
        const byTime = [...rows].sort((x, y) => dir * (x.t - y.t) || (x.seq % 2) - (y.seq % 2));
        const hits = byTime.slice(0, size + 1).map((r) => hit(`${r.index}/${r.seq}`, time(r.t), r.index, r.seq));
        const page = pageFromTimeSortedHits(hits, size, order);
        const boundaryTie = byTime.length > size && byTime[size - 1]!.t === byTime[size]!.t;
        expect(page === null).toBe(boundaryTie);
        if (page) expect(ids(page)).toEqual(full.slice(0, size).map((r) => `${r.index}/${r.seq}`));
      }),
    );
  });
});
