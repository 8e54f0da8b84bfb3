import { describe, expect, it } from 'vitest';
import { decodeState } from '@/lib/url-state/codec';
import { frozenRange, isRelativeRange, sharePath } from '@/lib/url-state/share-link';

const NOW = Date.parse('2026-11-27T17:41:47.123Z');

describe('share links', () => {
  it('keeps relative time as it is', () => {
    const search = '?v=1&q=error&from=now-24h&to=now';
    expect(sharePath('/', search, { from: 'now-24h', to: 'now' }, 'relative', NOW)).toBe('/?v=1&q=error&from=now-24h&to=now');
  });

  it('freezes relative ends to the instants they mean at the click', () => {
    const path = sharePath('/views/abc', '?v=1&q=error&from=now-15m&to=now&sort=asc', { from: 'now-15m', to: 'now' }, 'exact', NOW);
    const params = new URL(path, 'https://x.invalid').searchParams;
    expect(path.startsWith('/views/abc?')).toBe(true);
    expect(params.get('from')).toBe('2026-11-27T17:26:47.123Z');
    expect(params.get('to')).toBe('2026-11-27T17:41:47.123Z');
    expect(params.get('q')).toBe('error');
    expect(params.get('sort')).toBe('asc');
    expect(decodeState(params).time).toEqual({ from: '2026-11-27T17:26:47.123Z', to: '2026-11-27T17:41:47.123Z' });
  });

  it('rounds as the search does (a rounded end rounds up)', () => {
    expect(frozenRange({ from: 'now/d', to: 'now/d' }, NOW)).toEqual({ from: '2026-11-27T00:00:00.000Z', to: '2026-11-27T23:59:59.999Z' });
  });

  it('leaves an absolute range alone', () => {
    const time = { from: '2026-11-20T10:00:00Z', to: '2026-11-20T11:00:00Z' };
    expect(isRelativeRange(time)).toBe(false);
    expect(frozenRange(time, NOW)).toBe(time);
  });

  it('counts a range with one relative end as relative', () => {
    expect(isRelativeRange({ from: 'now-1h', to: '2026-11-27T18:00:00Z' })).toBe(true);
    expect(isRelativeRange({ from: '2026-11-27T16:00:00Z', to: 'now' })).toBe(true);
  });

  it('writes a bare path when there is nothing to carry', () => {
    expect(sharePath('/', '', { from: 'now-1h', to: 'now' }, 'relative', NOW)).toBe('/');
  });
});
