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

describe('cursor payload checks', () => {
  const base = { v: 1, q: identity, a: ['2026-11-20T11:59:59Z', 'logstash-2026.11.20', 5], t: ['a'], r: [0, 10], n: [3, 'eq'] };
  const withField = (key: string, value: unknown) => sealed({ ...base, [key]: value });

  it.each([
    ['the lowest sequence number', withField('a', ['2026-11-20T11:59:59Z', 'i', -1])],
    ['the longest time and index', withField('a', ['x'.repeat(40), 'i'.repeat(255), 0])],
    [
      '16 tied ids of 512 characters',
      withField(
        't',
        Array.from({ length: 16 }, (_, i) => `${i}`.padEnd(512, 'x')),
      ),
    ],
    ['no tied ids', withField('t', [])],
    ['a zero total, at least', withField('n', [0, 'gte'])],
  ])('accepts %s', (_what, cursor) => {
    expect(() => decodeCursor(cursor, identity)).not.toThrow();
  });

  it.each([
    ['null', sealed(null)],
    ['a string', sealed('text')],
    ['sort values of the wrong length', withField('a', ['t', 'i', 5, 6])],
    ['an empty time', withField('a', ['', 'i', 5])],
    ['a time of 41 characters', withField('a', ['x'.repeat(41), 'i', 5])],
    ['an index of 256 characters', withField('a', ['t', 'i'.repeat(256), 5])],
    ['a time that is not a string', withField('a', [['t'], 'i', 5])],
    ['a fractional sequence number', withField('a', ['t', 'i', 1.5])],
    ['a sequence number as text', withField('a', ['t', 'i', '5'])],
    ['a sequence number below -1', withField('a', ['t', 'i', -2])],
    ['ties that are not a list', withField('t', 'a')],
    [
      '17 tied ids',
      withField(
        't',
        Array.from({ length: 17 }, (_, i) => `${i}`),
      ),
    ],
    ['a tied id that is not a string', withField('t', ['a', 5])],
    ['an empty tied id', withField('t', [''])],
    ['a tied id of 513 characters', withField('t', ['x'.repeat(513)])],
    ['a range of three numbers', withField('r', [0, 1, 2])],
    ['a fractional range', withField('r', [0.5, 1])],
    ['a range that is not a list', withField('r', 5)],
    ['a total of three parts', withField('n', [1, 'eq', 'x'])],
    ['a negative total', withField('n', [-1, 'eq'])],
    ['a total with another relation', withField('n', [1, 'lt'])],
    ['a fractional total', withField('n', [1.5, 'eq'])],
    ['a total that is not a list', withField('n', 5)],
  ])('refuses %s as malformed', (_what, cursor) => {
    expect(() => decodeCursor(cursor, identity)).toThrow(
      expect.objectContaining({ name: 'CursorError', message: 'the cursor is malformed' }),
    );
  });

  it('refuses an identity of 65 characters, accepts one of 64', () => {
    const q64 = 'q'.repeat(64);
    expect(decodeCursor(sealed({ ...base, q: q64 }), q64).total).toEqual({ value: 3, relation: 'eq' });
    expect(() => decodeCursor(sealed({ ...base, q: `${q64}q` }), `${q64}q`)).toThrow(/malformed/);
  });

  it.each(['abc', 'a.b.c', '.abc', 'abc.'])('calls %j malformed, not damaged', (text) => {
    expect(() => decodeCursor(text, identity)).toThrow('the cursor is malformed');
  });

  it('keeps the newest 16 tied ids', () => {
    const tieIds = Array.from({ length: 17 }, (_, i) => `id${i}`);
    expect(decodeCursor(encodeCursor({ ...state, tieIds }, identity), identity).tieIds).toEqual(tieIds.slice(1));
  });

  it('keeps every tied id when the cursor is exactly at the limit', () => {
    // Grow one id until the cursor is exactly cursorLength characters long.
    for (let length = 1; length < 600; length++) {
      const tieIds = ['y'.repeat(length), ...Array.from({ length: 4 }, (_, i) => `${i}`.padEnd(300, 'x'))];
      const cursor = encodeCursor({ ...state, tieIds }, identity);
      if (cursor.length !== SEARCH_LIMITS.cursorLength) continue;
      expect(decodeCursor(cursor, identity).tieIds).toEqual(tieIds);
      return;
    }
    throw new Error('no id length gives a cursor of exactly the limit');
  });

  it('gives up dropping ids once there are none left', () => {
    const cursor = encodeCursor({ ...state, after: [state.after[0], 'i'.repeat(3_000), 1] }, identity);
    expect(cursor.length).toBeGreaterThan(SEARCH_LIMITS.cursorLength);
  });

  it('tells sources apart', () => {
    const a = requestIdentity(SearchRequest.parse({ ...request, source: 'a' }));
    expect(requestIdentity(SearchRequest.parse({ ...request, source: 'b' }))).not.toBe(a);
  });
});
