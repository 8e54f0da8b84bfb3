import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { maxConcurrentSearches, SearchGate } from '@/lib/api/search-gate';

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

  it('reads MAX_CONCURRENT_SEARCHES, falling back on a bad value', () => {
    expect(maxConcurrentSearches({ MAX_CONCURRENT_SEARCHES: '5' })).toBe(5);
    expect(maxConcurrentSearches({ MAX_CONCURRENT_SEARCHES: '0' })).toBe(24);
    expect(maxConcurrentSearches({ MAX_CONCURRENT_SEARCHES: 'lots' })).toBe(24);
    expect(maxConcurrentSearches({})).toBe(24);
  });
});
