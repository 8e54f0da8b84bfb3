import { describe, expect, it } from 'vitest';
import {
  isRelativeExpression,
  parseIsoInstant,
  rangeNeedsZone,
  resolveDateMath,
  resolveTimeRange,
  InvalidTimeRangeError,
  TimeExpressionError,
  timeExpressionProblem,
} from '@/lib/time';

// Thursday 2026-11-19 14:37:21.500 UTC
const NOW = Date.UTC(2026, 10, 19, 14, 37, 21, 500);
const iso = (ms: number) => new Date(ms).toISOString();

describe('resolveDateMath', () => {
  it.each([
    ['now', '2026-11-19T14:37:21.500Z'],
    ['now-15m', '2026-11-19T14:22:21.500Z'],
    ['now-1h/h', '2026-11-19T13:00:00.000Z'],
    ['now/d', '2026-11-19T00:00:00.000Z'],
    ['now/w', '2026-11-16T00:00:00.000Z'],
    ['now/M', '2026-11-01T00:00:00.000Z'],
    ['now/y', '2026-01-01T00:00:00.000Z'],
    ['now-2H', '2026-11-19T12:37:21.500Z'],
    ['now+30s', '2026-11-19T14:37:51.500Z'],
    ['now-1w', '2026-11-12T14:37:21.500Z'],
    ['now-1y', '2025-11-19T14:37:21.500Z'],
    ['now-1d/d+6h', '2026-11-18T06:00:00.000Z'],
    ['now-h', '2026-11-19T13:37:21.500Z'],
    ['2026-01-31T00:00:00Z||+1M', '2026-02-28T00:00:00.000Z'],
    ['2024-02-29||+1y', '2025-02-28T00:00:00.000Z'],
    ['2026-11-20T12:00:00+02:00||/h', '2026-11-20T10:00:00.000Z'],
  ])('%s', (expr, expected) => {
    expect(iso(resolveDateMath(expr, NOW))).toBe(expected);
  });

  it('rounds up for the end of a range', () => {
    expect(iso(resolveDateMath('now/d', NOW, { roundUp: true }))).toBe('2026-11-19T23:59:59.999Z');
    expect(iso(resolveDateMath('now-1h/h', NOW, { roundUp: true }))).toBe('2026-11-19T13:59:59.999Z');
    expect(iso(resolveDateMath('now/M', NOW, { roundUp: true }))).toBe('2026-11-30T23:59:59.999Z');
  });

  it('reads ISO instants and epoch milliseconds', () => {
    expect(resolveDateMath('2026-11-20T12:00:00.123Z', NOW)).toBe(Date.UTC(2026, 10, 20, 12, 0, 0, 123));
    expect(resolveDateMath('1763640000000', NOW)).toBe(1763640000000);
  });

  it.each(['', 'yesterday', 'now-', 'now-15x', 'now-1h/', 'now 1h', 'nowish', '2026-13-01', 'now-9999999d', '2026-11-20||*2'])(
    'rejects %j',
    (expr) => {
      expect(() => resolveDateMath(expr, NOW)).toThrow(TimeExpressionError);
    },
  );
});

describe('parseIsoInstant', () => {
  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T12:00', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20T12:00:00Z', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20T12:00:00.123456789Z', '2026-11-20T12:00:00.123Z'],
    ['2026-11-20T12:00:00.5-05:30', '2026-11-20T17:30:00.500Z'],
    ['2026-11-20T12:00:00+0100', '2026-11-20T11:00:00.000Z'],
    ['2026-11-20 12:00:00Z', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20T12:00:00+01', '2026-11-20T11:00:00.000Z'],
  ])('%s', (text, expected) => {
    const ms = parseIsoInstant(text);
    expect(ms === null ? null : iso(ms)).toBe(expected);
  });

  it.each([
    '2026-02-30',
    '2026-11-20T24:00:00Z',
    '2026-11-20T12:60Z',
    '2026-11-20T12:00:00+19:00',
    '20261120',
    '2026-11-20T12:00:00ZZ',
    'x2026-11-20',
  ])('rejects %s', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});

describe('resolveTimeRange', () => {
  it('resolves both ends against one now, end inclusive and rounded up', () => {
    expect(resolveTimeRange({ from: 'now/d', to: 'now/d' }, NOW)).toEqual({
      from: Date.UTC(2026, 10, 19),
      to: Date.UTC(2026, 10, 20) - 1,
    });
  });

  it('names the bad end', () => {
    expect(() => resolveTimeRange({ from: 'soon', to: 'now' }, NOW)).toThrow(expect.objectContaining({ path: 'time.from' }));
    expect(() => resolveTimeRange({ from: 'now-1h', to: 'later' }, NOW)).toThrow(expect.objectContaining({ path: 'time.to' }));
  });

  it('rejects an inverted range on time.from', () => {
    const attempt = () => resolveTimeRange({ from: 'now', to: 'now-1h' }, NOW);
    expect(attempt).toThrow(InvalidTimeRangeError);
    expect(attempt).toThrow(/ends before it starts/);
    expect(attempt).toThrow(expect.objectContaining({ path: 'time.from' }));
  });
});

describe('resolveDateMath in a time zone', () => {
  // Sunday 2026-11-29 23:30 UTC: still Sunday in New York, already Monday in Kolkata.
  const SUNDAY_NIGHT = Date.UTC(2026, 10, 29, 23, 30);

  it.each([
    ['UTC', 'now/w', '2026-11-23T00:00:00.000Z'],
    ['America/New_York', 'now/w', '2026-11-23T05:00:00.000Z'],
    ['Asia/Kolkata', 'now/w', '2026-11-29T18:30:00.000Z'],
    ['Asia/Kolkata', 'now/d', '2026-11-29T18:30:00.000Z'],
    ['America/St_Johns', 'now/d', '2026-11-29T03:30:00.000Z'],
    ['Asia/Kathmandu', 'now/h', '2026-11-29T23:15:00.000Z'],
    ['America/New_York', 'now/M', '2026-11-01T04:00:00.000Z'],
    ['America/New_York', 'now/y', '2026-01-01T05:00:00.000Z'],
  ])('in %s, %s on a Sunday night is %s', (zone, expr, expected) => {
    expect(iso(resolveDateMath(expr, SUNDAY_NIGHT, { timeZone: zone }))).toBe(expected);
  });

  it('rounds a Sunday to the Monday before it, never after', () => {
    for (let day = 0; day < 14; day++) {
      const at = Date.UTC(2026, 10, 16 + day, 12);
      const monday = resolveDateMath('now/w', at, { timeZone: 'UTC' });
      expect(new Date(monday).getUTCDay()).toBe(1);
      expect(monday).toBeLessThanOrEqual(at);
      expect(at - monday).toBeLessThan(7 * 86_400_000);
    }
  });

  it('has days of 23 and 25 hours where the clocks change', () => {
    const spring = Date.UTC(2026, 2, 29, 12); // Europe: clocks go forward on Sunday 29 March
    const autumn = Date.UTC(2026, 9, 25, 12);
    const dayLength = (at: number) =>
      resolveDateMath('now/d', at, { timeZone: 'Europe/Berlin', roundUp: true }) +
      1 -
      resolveDateMath('now/d', at, { timeZone: 'Europe/Berlin' });
    expect(dayLength(spring)).toBe(23 * 3_600_000);
    expect(dayLength(autumn)).toBe(25 * 3_600_000);
    // A day back is the same wall-clock time, 23 hours earlier across the change.
    expect(spring - resolveDateMath('now-1d', spring, { timeZone: 'Europe/Berlin' })).toBe(23 * 3_600_000);
    expect(spring - resolveDateMath('now-24h', spring, { timeZone: 'Europe/Berlin' })).toBe(24 * 3_600_000);
  });

  it('reads a zone-less ISO time as wall-clock time in the zone', () => {
    expect(iso(resolveDateMath('2026-11-20T10:00:00', 0, { timeZone: 'Asia/Kolkata' }))).toBe('2026-11-20T04:30:00.000Z');
    expect(iso(resolveDateMath('2026-11-20', 0, { timeZone: 'America/New_York' }))).toBe('2026-11-20T05:00:00.000Z');
    expect(iso(resolveDateMath('2026-11-20T10:00:00Z', 0, { timeZone: 'Asia/Kolkata' }))).toBe('2026-11-20T10:00:00.000Z');
    // Twice on the night the clocks go back: the first one; never on the night they go forward: an hour on.
    expect(iso(resolveDateMath('2026-10-25T02:30:00', 0, { timeZone: 'Europe/Berlin' }))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(resolveDateMath('2026-03-29T02:30:00', 0, { timeZone: 'Europe/Berlin' }))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('keeps a month end when adding months in a zone', () => {
    expect(iso(resolveDateMath('2026-01-31T12:00:00||+1M', 0, { timeZone: 'Asia/Tokyo' }))).toBe('2026-02-28T03:00:00.000Z');
    expect(iso(resolveDateMath('2024-02-29T00:00:00||+1y', 0, { timeZone: 'Europe/Berlin' }))).toBe('2025-02-27T23:00:00.000Z');
  });
});

describe('resolveDateMath: below the hour, and what its errors say', () => {
  it.each([
    ['now/s', false, '2026-11-19T14:37:21.000Z'],
    ['now/s', true, '2026-11-19T14:37:21.999Z'],
    ['now/m', false, '2026-11-19T14:37:00.000Z'],
    ['now/m', true, '2026-11-19T14:37:59.999Z'],
    ['now/H', false, '2026-11-19T14:00:00.000Z'],
    [' now-15m ', false, '2026-11-19T14:22:21.500Z'],
  ])('%j (round up: %s) is %s', (expr, roundUp, expected) => {
    expect(iso(resolveDateMath(expr, NOW, { roundUp }))).toBe(expected);
  });

  it.each([
    ['', 'the time is empty'],
    ['   ', 'the time is empty'],
    ['yesterday', '"yesterday" is neither "now", an ISO-8601 date-time nor epoch milliseconds'],
    ['||+1d', '"" is neither "now"'],
    ['now-1h*2', 'cannot read "*2" in "now-1h*2"'],
  ])('%j: %s', (expr, message) => {
    expect(() => resolveDateMath(expr, NOW)).toThrow(
      expect.objectContaining({ name: 'TimeExpressionError', message: expect.stringContaining(message) }),
    );
  });

  // 8.64e15 ms is the last instant a Date holds: 8.64e14 + 2160 × (999,999 + 1) hours.
  const FAR_END = 8.64e15;
  const toFarEnd = '864000000000000||' + '+999999h'.repeat(2160) + '+2160h';

  it('reaches the far end of what a Date holds, and steps back from it', () => {
    expect(resolveDateMath(toFarEnd, NOW)).toBe(FAR_END);
    expect(resolveDateMath(`${toFarEnd}-1h`, NOW)).toBe(FAR_END - 3_600_000);
  });

  it('refuses a detour beyond the far end, even when a later step comes back', () => {
    expect(() => resolveDateMath(`${toFarEnd}+1h`, NOW)).toThrow(/outside the range of dates/);
    expect(() => resolveDateMath(`${toFarEnd}+1h-1h`, NOW)).toThrow(/outside the range of dates/);
  });
});

describe('timeExpressionProblem and isRelativeExpression', () => {
  it('says what is wrong, or null', () => {
    expect(timeExpressionProblem('', 64)).toBe('a time is required');
    expect(timeExpressionProblem('now-1h', 6)).toBeNull();
    expect(timeExpressionProblem('now-1h', 5)).toBe('times are at most 5 characters');
    expect(timeExpressionProblem('soon', 64)).toMatch(/"soon" is neither/);
  });

  it('calls an expression relative when it starts with now', () => {
    expect(isRelativeExpression('now-1h')).toBe(true);
    expect(isRelativeExpression(' now/d')).toBe(true);
    expect(isRelativeExpression('2026-11-20T00:00:00Z||-1d')).toBe(false);
    expect(isRelativeExpression('1763640000000')).toBe(false);
  });
});

describe('resolveTimeRange in a zone', () => {
  it('rounds both ends in the range zone', () => {
    // 14:37 UTC is 20:07 in Kolkata (UTC+5:30): its day began at 18:30 UTC the day before.
    expect(resolveTimeRange({ from: 'now/d', to: 'now/d', timeZone: 'Asia/Kolkata' }, NOW)).toEqual({
      from: Date.UTC(2026, 10, 18, 18, 30),
      to: Date.UTC(2026, 10, 19, 18, 30) - 1,
    });
  });

  it('refuses an unknown zone at <prefix>.timeZone', () => {
    const attempt = () => resolveTimeRange({ from: 'now-1h', to: 'now', timeZone: 'Mars/Olympus' }, NOW, 'view.time');
    expect(attempt).toThrow(
      expect.objectContaining({
        name: 'InvalidTimeRangeError',
        path: 'view.time.timeZone',
        message: '"Mars/Olympus" is not a known IANA time zone (e.g. Europe/Berlin, UTC)',
      }),
    );
  });
});

describe('rangeNeedsZone', () => {
  it('is false for ranges that mean the same instants in every zone', () => {
    expect(rangeNeedsZone({ from: 'now-24h', to: 'now' }, NOW)).toBe(false);
    expect(rangeNeedsZone({ from: 'now-15m', to: 'now' }, NOW)).toBe(false);
    expect(rangeNeedsZone({ from: '2026-11-18T10:00:00Z', to: '2026-11-19T10:00:00+02:00' }, NOW)).toBe(false);
  });

  it('is true for roundings, wall-clock times and ranges that do not resolve', () => {
    expect(rangeNeedsZone({ from: 'now/d', to: 'now/d' }, NOW)).toBe(true);
    expect(rangeNeedsZone({ from: 'now-1h/h', to: 'now' }, NOW)).toBe(true);
    expect(rangeNeedsZone({ from: '2026-11-18T10:00:00', to: 'now' }, NOW)).toBe(true);
    expect(rangeNeedsZone({ from: 'now', to: 'now-1h' }, NOW)).toBe(true);
    // Only the end is rounded: the start means the same everywhere, the end does not.
    expect(rangeNeedsZone({ from: 'now-24h', to: 'now/d' }, NOW)).toBe(true);
  });
});
