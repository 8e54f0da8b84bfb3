/**
 * The time picker's boxes take the one time grammar of the API, the URL and saved views, plus
 * wall-clock times in the screen's zone; what none of them accept is refused where it was typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchRequest } from '@/lib/schema/search';
import { parseTimeInput, rangeProblem } from './time-format';

const apiAccepts = (expr: string) => SearchRequest.safeParse({ time: { from: expr, to: expr } }).success;
const LOCAL = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?$/;

describe('parseTimeInput', () => {
  it.each(['now', 'now-1d/d+6h', 'now-2H', '1763596800000', '2026-11-20T00:00:00Z||-1d', 'now/w', '2026-11-20T10:00:00+05:30'])(
    'keeps %s as typed',
    (expr) => {
      expect(parseTimeInput(` ${expr} `, 'Europe/Berlin')).toEqual({ expression: expr });
    },
  );

  it.each([
    // CET is UTC+1 in November, CEST UTC+2 in summer.
    ['2026-11-20 14:30', 'Europe/Berlin', '2026-11-20T13:30:00.000Z'],
    ['2026-07-01T00:00:05.25', 'Europe/Berlin', '2026-06-30T22:00:05.250Z'],
    ['2026-11-20', 'Asia/Kolkata', '2026-11-19T18:30:00.000Z'],
    ['2028-02-29 23:59:59', 'UTC', '2028-02-29T23:59:59.000Z'],
    // 02:30 happens twice on 25 October 2026 in Berlin: the first one, still summer time (as java.time).
    ['2026-10-25 02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
  ])('reads %s as wall-clock time in %s', (typed, zone, iso) => {
    expect(parseTimeInput(typed, zone)).toEqual({ expression: iso });
  });

  it.each([
    ['2026-11-29 25:00', /hours go to 23/],
    ['2026-11-29 24:00', /hours go to 23/],
    ['2026-11-29 23:60', /minutes and seconds to 59/],
    ['2026-02-29', /Feb 2026 has no day 29/],
    ['2026-11-31', /Nov 2026 has no day 31/],
    ['2026-13-01', /no month 13/],
    ['2026-00-10', /no month 0/],
    ['yesterday', /./],
    ['now-', /./],
    ['x'.repeat(65), /./],
  ])('refuses %j, saying why', (typed, why) => {
    const parsed = parseTimeInput(typed, 'UTC');
    expect(parsed).toEqual({ problem: expect.stringMatching(why) as string });
  });

  it('accepts what the API accepts, and only that besides wall-clock times', () => {
    const exprArb = fc
      .array(
        fc.constantFrom('now', '2026-11-20', 'T10:00', ' 10:00', ':00', 'Z', '||', '-', '+', '/', '1', '30', 'd', 'h', 'H', 'M', 'w', 'x'),
        {
          minLength: 1,
          maxLength: 6,
        },
      )
      .map((t) => t.join(''));
    fc.assert(
      fc.property(exprArb, (typed) => {
        const parsed = parseTimeInput(typed, 'America/St_Johns');
        if (apiAccepts(typed)) expect('expression' in parsed).toBe(true);
        if ('expression' in parsed) {
          expect(apiAccepts(parsed.expression)).toBe(true);
          expect(apiAccepts(typed) || LOCAL.test(typed)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('rangeProblem', () => {
  const NOW = Date.UTC(2026, 10, 30, 12, 0);
  it('refuses a range that ends before it starts, in the picker, not at the server', () => {
    expect(rangeProblem({ from: 'now', to: 'now-1h' }, 'UTC', NOW)).toBe('The start must be before the end.');
    expect(rangeProblem({ from: '2026-11-20T10:00:00Z', to: '2026-11-20T09:59:59Z' }, 'UTC', NOW)).toBe(
      'The start must be before the end.',
    );
  });

  it('accepts a range in order, and one instant long', () => {
    expect(rangeProblem({ from: 'now-1h', to: 'now' }, 'UTC', NOW)).toBeNull();
    expect(rangeProblem({ from: 'now/d', to: 'now/d' }, 'Asia/Kolkata', NOW)).toBeNull();
    expect(rangeProblem({ from: '2026-11-20T10:00:00Z', to: '2026-11-20T10:00:00Z' }, 'UTC', NOW)).toBeNull();
  });
});
