import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { DEFAULT_MAX_CONCURRENT_SEARCHES, maxConcurrentSearches, SearchGate } from '@/lib/api/search-gate';

describe('SearchGate', () => {
  it('admits up to the limit, sheds the next with 503 overloaded, and admits again after a release', () => {
    const gate = new SearchGate(() => 2);
    const shed: string[] = [];
    gate.onShed((route) => shed.push(route));
    const a = gate.acquire('/api/search');
    gate.acquire('/api/search');
    let refusal: unknown;
    try {
      gate.acquire('/api/values');
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 503, code: 'overloaded', detail: { retryAfter: 1 } });
    expect(shed).toEqual(['/api/values']);
    a();
    a(); // a second release of the same slot frees nothing more
    expect(gate.inFlight).toBe(1);
    expect(() => gate.acquire('/api/search')).not.toThrow();
    expect(() => gate.acquire('/api/search')).toThrow(ApiError);
  });

  it('counts searches, not requests: an `_msearch` of three takes three slots, an admitted request is never refused halfway, and a request larger than the bound runs alone', () => {
    const gate = new SearchGate(() => 4);
    const screen = gate.acquire('/api/search', 3);
    expect(() => gate.acquire('/api/search', 2)).toThrow(ApiError);
    const rows = gate.acquire('/api/search', 1);
    expect(gate.peak).toBe(4);
    expect(() => gate.acquire('/api/search', 1)).toThrow(ApiError);
    // An admitted request's further searches are counted, not refused.
    const more = gate.acquire('/api/search', 2, { admitted: true });
    expect(gate.inFlight).toBe(6);
    more();
    screen();
    rows();
    const huge = gate.acquire('/api/search', 9);
    expect(() => gate.acquire('/api/search', 1)).toThrow(ApiError);
    huge();
    expect(gate.inFlight).toBe(0);
    gate.resetPeak();
    expect(gate.peak).toBe(0);
  });

  it('reads MAX_CONCURRENT_SEARCHES, falling back on a bad value', () => {
    expect(maxConcurrentSearches({ MAX_CONCURRENT_SEARCHES: '5' })).toBe(5);
    expect(maxConcurrentSearches({ MAX_CONCURRENT_SEARCHES: '0' })).toBe(DEFAULT_MAX_CONCURRENT_SEARCHES);
    expect(maxConcurrentSearches({ MAX_CONCURRENT_SEARCHES: 'lots' })).toBe(DEFAULT_MAX_CONCURRENT_SEARCHES);
    expect(maxConcurrentSearches({})).toBe(DEFAULT_MAX_CONCURRENT_SEARCHES);
  });
});
