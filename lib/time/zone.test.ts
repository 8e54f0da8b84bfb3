import { describe, expect, it } from 'vitest';
import { isValidTimeZone, wallClockToEpoch } from '@/lib/time';

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC, again when asked twice', () => {
    for (let i = 0; i < 2; i++) {
      expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
      expect(isValidTimeZone('UTC')).toBe(true);
    }
  });

  // Node 24's Intl takes fixed offsets as zones; they have no DST, so they are refused here.
  it.each(['+05:30', '-03:30', '+05', '', 'Mars/Olympus', 'Europe/Berlin '])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('wallClockToEpoch', () => {
  // Expected instants from the zones' published rules (2026: Europe/Berlin to CEST on 29 March
  // at 02:00, back to CET on 25 October at 03:00; America/New_York to EDT on 8 March at 02:00,
  // back to EST on 1 November at 02:00), written by hand, as java.time resolves them.
  const at = (iso: string) => Date.parse(iso);
  const cases: [zone: string, wall: [number, number, number, number, number], expected: string, why: string][] = [
    ['Europe/Berlin', [2026, 2, 28, 2, 30], '2026-03-28T01:30:00Z', 'the day before the spring gap'],
    ['Europe/Berlin', [2026, 2, 29, 2, 30], '2026-03-29T01:30:00Z', 'in the gap: moved forward by its length (03:30 CEST)'],
    ['Europe/Berlin', [2026, 2, 30, 2, 30], '2026-03-30T00:30:00Z', 'the day after the gap: summer time'],
    ['Europe/Berlin', [2026, 9, 25, 2, 30], '2026-10-25T00:30:00Z', 'twice that night: the earlier (CEST)'],
    ['Europe/Berlin', [2026, 9, 26, 2, 30], '2026-10-26T01:30:00Z', 'the day after: winter time'],
    ['America/New_York', [2026, 2, 9, 1, 30], '2026-03-09T05:30:00Z', 'the day after the spring gap'],
    ['America/New_York', [2026, 10, 1, 1, 30], '2026-11-01T05:30:00Z', 'twice that night: the earlier (EDT)'],
    ['America/New_York', [2026, 10, 2, 1, 30], '2026-11-02T06:30:00Z', 'the day after: standard time'],
  ];
  it.each(cases)('%s %j is %s (%s)', (zone, [y, mo, d, h, mi], expected) => {
    expect(wallClockToEpoch(zone, y, mo, d, h, mi)).toBe(at(expected));
  });
});
