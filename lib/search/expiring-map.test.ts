import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '@/lib/search/expiring-map';

describe('ExpiringMap', () => {
  it('answers within the TTL, forgets at it, and at once when the clock went back', () => {
    const map = new ExpiringMap<number>(1_000, 10);
    map.set('a', 1, 5_000);
    expect(map.get('a', 5_000)).toBe(1);
    expect(map.get('a', 5_999)).toBe(1);
    expect(map.get('a', 6_000)).toBeUndefined();
    map.set('b', 2, 5_000);
    expect(map.get('b', 4_999)).toBeUndefined();
    // Forgotten, not just hidden: the clock coming forward again does not bring it back.
    expect(map.get('b', 5_001)).toBeUndefined();
  });

  it('keeps the newest `max`: a key set again is the newest, a forgotten key gives up its place', () => {
    const map = new ExpiringMap<string>(60_000, 3);
    map.set('a', 'A', 0);
    map.set('b', 'B', 1);
    map.set('c', 'C', 2);
    map.set('a', 'A2', 3);
    map.set('d', 'D', 4);
    expect(['a', 'b', 'c', 'd'].map((k) => map.get(k, 10))).toEqual(['A2', undefined, 'C', 'D']);
    map.clear();
    expect(map.get('a', 10)).toBeUndefined();
  });

  it('answers as a list of (key, value, time) kept newest last and cut to `max` would (property)', () => {
    const op = fc.record({
      set: fc.boolean(),
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      value: fc.nat(),
      step: fc.integer({ min: -50, max: 400 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 1_000 }), fc.array(op, { maxLength: 60 }), (max, ttl, ops) => {
        const map = new ExpiringMap<number>(ttl, max);
        let model: { key: string; value: number; at: number }[] = [];
        let now = 10_000;
        for (const o of ops) {
          now += o.step;
          if (o.set) {
            model = [...model.filter((e) => e.key !== o.key), { key: o.key, value: o.value, at: now }].slice(-max);
            map.set(o.key, o.value, now);
          } else {
            const entry = model.find((e) => e.key === o.key);
            const live = entry && now - entry.at < ttl && now >= entry.at;
            if (entry && !live) model = model.filter((e) => e !== entry);
            expect(map.get(o.key, now)).toBe(live ? entry.value : undefined);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
