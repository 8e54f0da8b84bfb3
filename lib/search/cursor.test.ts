import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEARCH_LIMITS, SearchRequest } from '@/lib/schema/search';
import { CursorError, decodeCursor, encodeCursor, requestIdentity, type CursorState } from '@/lib/search/cursor';

const request = SearchRequest.parse({ query: { language: 'kql', text: 'level:error' }, time: { from: 'now-1h', to: 'now' } });
const identity = requestIdentity(request);
const state: CursorState = {
  after: ['2026-11-20T11:59:59.123456789Z', 'lxtest-logstash-2026.11.20', 4711],
  tieIds: ['a1', 'b2'],
  range: { from: 1_763_636_400_000, to: 1_763_640_000_000 },
  total: { value: 12_345, relation: 'eq' },
};

/** A cursor with a valid checksum around any payload, to reach the checks behind it. */
function sealed(payload: unknown): string {
  const json = JSON.stringify(payload);
  return `${Buffer.from(json).toString('base64url')}.${createHash('sha256').update(json).digest('base64url').slice(0, 11)}`;
}

describe('cursor codec', () => {
  it('round-trips', () => {
    const cursor = encodeCursor(state, identity);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, identity)).toEqual(state);
  });

  it('ignores what does not define the search (size, histogram, facets)', () => {
    const other = SearchRequest.parse({ ...request, size: 7, histogram: false, facets: ['pod'] });
    expect(requestIdentity(other)).toBe(identity);
  });

  it.each([
    ['query', { query: { language: 'kql', text: 'level:warn' } }],
    ['language', { query: { language: 'lucene', text: 'level:error' } }],
    ['time', { time: { from: 'now-2h', to: 'now' } }],
    ['sort', { sort: 'asc' }],
    ['filters', { filters: [{ field: 'pod', op: 'exists' }] }],
    ['source', { source: 'other' }],
  ])('refuses a cursor from a search with another %s', (_what, change) => {
    const cursor = encodeCursor(state, identity);
    const other = SearchRequest.parse({ ...request, ...change });
    expect(() => decodeCursor(cursor, requestIdentity(other))).toThrow(/different search/);
  });

  it('refuses a tampered cursor', () => {
    const cursor = encodeCursor(state, identity);
    const [body, sum] = cursor.split('.') as [string, string];
    const json = Buffer.from(body, 'base64url').toString('utf8').replace('4711', '4712');
    const forged = `${Buffer.from(json).toString('base64url')}.${sum}`;
    expect(() => decodeCursor(forged, identity)).toThrow(CursorError);
    expect(() => decodeCursor(forged, identity)).toThrow(/damaged/);
  });

  it.each(['', 'abc', 'abc.def', 'a.b.c', '!!!.???'])('refuses garbage %j', (text) => {
    expect(() => decodeCursor(text, identity)).toThrow(CursorError);
  });

  it('refuses a well-formed cursor whose values have the wrong shape', () => {
    const cursor = sealed({ v: 1, q: identity, a: [1, 2, 3], t: [], r: [0, 1], n: [0, 'eq'] });
    expect(() => decodeCursor(cursor, identity)).toThrow(/malformed/);
  });

  it('refuses another version', () => {
    expect(() => decodeCursor(sealed({ v: 99, q: identity }), identity)).toThrow(/another version/);
  });

  it('stays within the request limit even with absurd ids', () => {
    const cursor = encodeCursor({ ...state, tieIds: Array.from({ length: 16 }, (_, i) => `${i}`.padEnd(300, 'x')) }, identity);
    expect(cursor.length).toBeLessThanOrEqual(SEARCH_LIMITS.cursorLength);
    expect(decodeCursor(cursor, identity).tieIds.length).toBeGreaterThan(0);
  });
});
