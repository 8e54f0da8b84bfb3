import { describe, expect, it } from 'vitest';
import { Rng } from '@/lib/demo-cluster/prng';
import { TAIL_OVERLAP_MS, TailWindow, type TailDoc } from '@/lib/k8s/tail-dedup';

const T = Date.UTC(2026, 10, 30, 12);
const doc = (id: string, at: number): TailDoc => ({ index: 'i', id, at });

describe('TailWindow', () => {
  it('sends each document once across overlapping polls', () => {
    const w = new TailWindow(T);
    expect(w.accept([doc('a', T + 1), doc('b', T + 2)]).map((d) => d.id)).toEqual(['a', 'b']);
    expect(w.accept([doc('a', T + 1), doc('b', T + 2), doc('c', T + 3)]).map((d) => d.id)).toEqual(['c']);
    expect(w.windowStart()).toBe(T + 3 - TAIL_OVERLAP_MS);
  });

  it('takes a document that arrives up to a minute late, and forgets what fell out of the window', () => {
    const w = new TailWindow(T);
    w.accept([doc('new', T + 100_000)]);
    expect(w.accept([doc('late', T + 100_000 - TAIL_OVERLAP_MS)]).map((d) => d.id)).toEqual(['late']);
    expect(w.accept([doc('too-late', T + 100_000 - TAIL_OVERLAP_MS - 1)])).toEqual([]);
    w.accept([doc('later', T + 300_000)]);
    expect(w.remembered).toBe(1);
  });

  it('never sends a document twice, and sends every one that arrives within the minute (random polls)', () => {
    const rng = new Rng(42);
    for (let run = 0; run < 200; run++) {
      const w = new TailWindow(T);
      const written: TailDoc[] = [];
      const seen = new Map<string, number>();
      let clock = T;
      for (let poll = 0; poll < 30; poll++) {
        clock += 1_000;
        // Some documents arrive on time, some up to 59 s late.
        for (let k = rng.int(4); k > 0; k--)
          written.push(doc(`${run}-${written.length}`, clock - (rng.next() < 0.3 ? rng.int(59_000) : 0)));
        const visible = written.filter((d) => d.at >= w.windowStart()).sort((a, b) => a.at - b.at);
        for (const d of w.accept(visible)) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
      }
      for (const n of seen.values()) expect(n).toBe(1);
      expect(seen.size).toBe(written.length);
    }
  });
});
