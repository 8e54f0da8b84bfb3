/**
 * One time grammar: the API schema, the URL codec and saved views accept exactly the same time
 * expressions, and what one keeps survives the others (view → link → view).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchRequest } from '@/lib/schema/search';
import { ScreenTimeRange } from '@/lib/schema/screen-state';
import { decodeState, encodeState, isTimeExpression } from '@/lib/url-state/codec';

const EXAMPLES = [
  'now-1d/d+6h',
  'now-2H',
  '1763596800000',
  '2026-11-20T00:00:00Z||-1d',
  'now/w',
  '2026-11-20',
  '2026-11-20T10:00:00+05:30',
];
const REFUSED = ['', 'yesterday', 'now-', 'now-15x', '2026-13-01', '2026-02-30', 'now 1h', 'x'.repeat(65), '2026-11-20||*2'];

const apiAccepts = (expr: string) => SearchRequest.safeParse({ time: { from: expr, to: expr } }).success;
const viewAccepts = (expr: string) => ScreenTimeRange.safeParse({ from: expr, to: expr }).success;
const urlKeeps = (expr: string) => decodeState(new URLSearchParams({ v: '1', from: expr, to: expr })).time.from === expr;

// Text shaped like time expressions, valid or almost.
const tokenArb = fc.constantFrom(
  'now',
  '2026-11-20',
  'T10:00:00',
  'Z',
  '||',
  '-',
  '+',
  '/',
  '1',
  '2',
  '30',
  'd',
  'h',
  'H',
  'M',
  'w',
  'y',
  's',
  'x',
  ' ',
  '.5',
);
const exprArb = fc.array(tokenArb, { minLength: 1, maxLength: 7 }).map((t) => t.join(''));

describe('one time grammar', () => {
  it.each(EXAMPLES)('%s is accepted by the API, a view and a URL alike', (expr) => {
    expect(apiAccepts(expr)).toBe(true);
    expect(viewAccepts(expr)).toBe(true);
    expect(isTimeExpression(expr)).toBe(true);
    expect(urlKeeps(expr)).toBe(true);
  });

  it.each(REFUSED)('%j is refused by all of them', (expr) => {
    expect(apiAccepts(expr)).toBe(false);
    expect(viewAccepts(expr)).toBe(false);
    expect(isTimeExpression(expr)).toBe(false);
  });

  it('agrees on random expression-like text', () => {
    fc.assert(
      fc.property(exprArb, (expr) => {
        const api = apiAccepts(expr);
        expect(viewAccepts(expr)).toBe(api);
        expect(isTimeExpression(expr)).toBe(api);
      }),
      { numRuns: 3_000 },
    );
  });

  it('keeps a zone through the URL, and drops an unknown one without losing the range', () => {
    const state = decodeState(new URLSearchParams({ v: '1', from: 'now/d', to: 'now/d', tz: 'Asia/Kolkata' }));
    expect(state.time).toEqual({ from: 'now/d', to: 'now/d', timeZone: 'Asia/Kolkata' });
    expect(encodeState(state).get('tz')).toBe('Asia/Kolkata');
    expect(decodeState(new URLSearchParams({ v: '1', from: 'now/d', to: 'now/d', tz: 'Mars/Olympus' })).time).toEqual({
      from: 'now/d',
      to: 'now/d',
    });
    expect(encodeState(decodeState(new URLSearchParams({ v: '1', from: 'now-1h', to: 'now' }))).has('tz')).toBe(false);
  });

  it('refuses an unknown zone in the API at time.timeZone', () => {
    const r = SearchRequest.safeParse({ time: { from: 'now-1h', to: 'now', timeZone: 'Mars/Olympus' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['time', 'timeZone']);
  });

  it('falls back to the default range for an inverted one, as the server would refuse it', () => {
    expect(decodeState(new URLSearchParams({ v: '1', from: 'now', to: 'now-1h' })).time).toEqual({ from: 'now-24h', to: 'now' });
  });
});
