import { describe, expect, it } from 'vitest';
import { Rng, eventId } from './prng';
import { isoMs, klogTime, logstashDay, nginxTime, unixDate } from './time-format';

describe('time formats (locale- and zone-independent)', () => {
  it('isoMs matches Date#toISOString', () => {
    const rng = new Rng(1);
    const samples = [0, 1, 999, 86_399_999, 86_400_000, -1, 253_402_300_799_999];
    for (let i = 0; i < 2000; i++) samples.push(Math.floor(rng.next() * 4e12));
    for (const t of samples) expect(isoMs(t)).toBe(new Date(t).toISOString());
  });

  it('renders the line-level formats', () => {
    const t = Date.parse('2026-11-06T09:05:03.042Z');
    expect(klogTime(t)).toMatch(/^1106 09:05:03\.042\d{3}$/);
    expect(nginxTime(t)).toBe('06/Nov/2026:09:05:03 +0000');
    expect(unixDate(t)).toBe('Fri Nov  6 09:05:03 UTC 2026');
    expect(logstashDay(t)).toBe('2026.11.06');
  });
});

describe('event ids', () => {
  it('are 16 hex chars, stable, and differ by seed and sequence', () => {
    expect(eventId(1, 0)).toMatch(/^[0-9a-f]{16}$/);
    expect(eventId(1, 0)).toBe(eventId(1, 0));
    const ids = new Set<string>();
    for (let seed = 0; seed < 5; seed++) for (let i = 0; i < 20_000; i++) ids.add(eventId(seed, i));
    expect(ids.size).toBe(100_000);
  });
});
