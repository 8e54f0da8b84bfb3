import { describe, expect, it } from 'vitest';
import { SearchRequest } from '@/lib/schema/search';
import { DEFAULT_STATE } from '@/lib/url-state/codec';
import type { FirstRows } from './first-rows';
import { fitsFirstRows, screenParts, toSearchRequest } from './search-request';

const base = SearchRequest.parse({ time: { from: 'now/d', to: 'now', timeZone: 'Asia/Kolkata' }, facets: ['namespace', 'pod'] });
// Sunday 2026-11-29 23:30 UTC is Monday 05:00 in Kolkata.
const NOW = Date.UTC(2026, 10, 29, 23, 30);

describe('screenParts', () => {
  it('resolves a relative range once, in the screen’s zone, for all three parts', () => {
    const parts = screenParts(base, NOW);
    const time = { from: '2026-11-29T18:30:00.000Z', to: '2026-11-29T23:30:00.000Z', timeZone: 'Asia/Kolkata' };
    expect(parts.rows.time).toEqual(time);
    expect(parts.counts.time).toEqual(time);
    expect(parts.facets.time).toEqual(time);
  });

  it('splits the screen: rows alone, then the count with the bars, then the facets', () => {
    const { rows, counts, facets } = screenParts(base, NOW);
    expect([rows.size, rows.histogram, rows.facets, rows.total]).toEqual([100, false, [], false]);
    expect([counts.size, counts.histogram, counts.facets]).toEqual([0, true, []]);
    expect([facets.size, facets.histogram, facets.facets]).toEqual([0, false, ['namespace', 'pod']]);
  });

  it('leaves absolute and unreadable ranges as they are (the server answers the 400)', () => {
    const absolute = { ...base, time: { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' } };
    expect(screenParts(absolute, NOW).rows.time).toEqual(absolute.time);
    const inverted = { ...base, time: { from: 'now', to: 'now-1h' } };
    expect(screenParts(inverted, NOW).counts.time).toEqual(inverted.time);
  });

  it('repeats identical size-0 parts for an absolute range, so a refresh is answered from the engine’s request cache', () => {
    const absolute = { ...base, time: { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' } };
    const now = screenParts(absolute, NOW);
    const later = screenParts(absolute, NOW + 60_000);
    expect(JSON.stringify(later.counts)).toBe(JSON.stringify(now.counts));
    expect(JSON.stringify(later.facets)).toBe(JSON.stringify(now.facets));
    // A relative range moves with `now`: a new range, counted afresh.
    expect(screenParts(base, NOW + 60_000).counts.time).not.toEqual(screenParts(base, NOW).counts.time);
  });
});

describe('fitsFirstRows', () => {
  const state = { ...DEFAULT_STATE, time: { from: 'now-24h', to: 'now' } };
  const serverRows = (zone: string, guessed: boolean, at = NOW): FirstRows => ({
    now: at,
    zone,
    guessed,
    request: screenParts(toSearchRequest(state, zone), at).rows,
    page: { hits: [], total: { value: 0, relation: 'eq' }, histogram: null, facets: {}, cursor: null, partial: null } as never,
  });

  it('takes the server’s rows for the same screen in the same zone, resolved at the server’s now', () => {
    expect(fitsFirstRows(toSearchRequest(state, 'Europe/Berlin'), serverRows('Europe/Berlin', false))).toBe(true);
  });

  it('takes them in another zone only when the server guessed it for a range that reads alike in every zone', () => {
    expect(fitsFirstRows(toSearchRequest(state, 'Europe/Berlin'), serverRows('UTC', true))).toBe(true);
    expect(fitsFirstRows(toSearchRequest(state, 'Europe/Berlin'), serverRows('UTC', false))).toBe(false);
  });

  it('lets them go for another query, filter or range', () => {
    const first = serverRows('UTC', false);
    expect(fitsFirstRows(toSearchRequest({ ...state, query: { language: 'kql', text: 'error' } }, 'UTC'), first)).toBe(false);
    expect(fitsFirstRows(toSearchRequest({ ...state, time: { from: 'now-1h', to: 'now' } }, 'UTC'), first)).toBe(false);
    expect(fitsFirstRows(toSearchRequest({ ...state, sort: 'asc' }, 'UTC'), first)).toBe(false);
  });
});
