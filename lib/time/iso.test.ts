// Edges of the strict ISO-8601 reader (calendar, clock and offset limits), found by mutation testing.
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '@/lib/time';

const read = (text: string) => {
  const ms = parseIsoInstant(text);
  return ms === null ? null : new Date(ms).toISOString();
};

describe('parseIsoInstant at the edges', () => {
  it.each([
    // the last valid value of every field
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-30', '2026-11-30T00:00:00.000Z'],
    // offsets: up to ±18 hours, minutes up to 59, with or without the colon, hours alone
    ['2026-11-20T12:00:00+18:00', '2026-11-19T18:00:00.000Z'],
    ['2026-11-20T12:00:00+05:59', '2026-11-20T06:01:00.000Z'],
    ['2026-11-20T12:00:00-03:30', '2026-11-20T15:30:00.000Z'],
    ['2026-11-20T12:00:00+0530', '2026-11-20T06:30:00.000Z'],
    ['2026-11-20T12:00:00+05', '2026-11-20T07:00:00.000Z'],
    ['2026-11-20T12:00:00,5Z', '2026-11-20T12:00:00.500Z'],
    // 29 February only in leap years: every 4th, not every 100th, but every 400th
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
  ])('%s is %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    'x2026-11-20',
    '2026-11-20x',
    '2026-11-20T12:00:00Zjunk',
    '2026-00-10',
    '2026-13-01',
    '2026-11-00',
    '2026-11-31',
    '2026-11-20T12:00:60Z',
    '2026-11-20T12:00:00+05:60',
    '2026-02-29',
    '1900-02-29',
  ])('rejects %s', (text) => {
    expect(read(text)).toBeNull();
  });
});
