import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '@/lib/time';

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
