import { describe, expect, it } from 'vitest';
import { axisLabel, formatCount, niceStep, yTicks } from './axis';

const ROUND = /^(1|2|25|5)0*$/;

describe('yTicks', () => {
  it('is linear: from 0 in equal steps of 1, 2, 2.5 or 5 × 10ⁿ, up to the first step at or above the maximum', () => {
    for (const max of [1, 3, 7, 9, 10, 11, 99, 101, 2400, 3500, 13_999, 14_000, 14_001, 123_456, 9_999_999]) {
      const ticks = yTicks(max);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks[0]).toBe(0);
      expect(String(step)).toMatch(ROUND);
      expect(ticks.every((t, i) => t === i * step)).toBe(true);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-2)!).toBeLessThan(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(4);
      expect(ticks.length - 1).toBeGreaterThanOrEqual(max >= 2 ? 2 : 1);
    }
  });

  it('the reported case: bars up to 14,000 get 0 / 5,000 / 10,000 / 15,000, not 0 / 3,500 / 7,000 / 14,000', () => {
    expect(yTicks(14_000)).toEqual([0, 5_000, 10_000, 15_000]);
  });

  it('never a fractional step for whole counts, and something to draw for an empty chart', () => {
    expect(yTicks(3)).toEqual([0, 1, 2, 3]);
    expect(yTicks(0)).toEqual([0, 1]);
    expect(niceStep(5)).toBe(2);
    expect(niceStep(10)).toBe(5);
  });
});

describe('formatCount', () => {
  it('keeps small numbers exact and shortens wide ones', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(2_500)).toBe('2,500');
    expect(formatCount(15_000)).toBe('15k');
    expect(formatCount(2_500_000)).toBe('2.5M');
  });
});

describe('axisLabel', () => {
  const day = 86_400_000;
  const at = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

  it('within one year, no year in the labels', () => {
    const range = { from: at(2026, 11, 19, 12), to: at(2026, 11, 20, 12) };
    expect(axisLabel(at(2026, 11, 20, 3), range, 30 * 60_000, 'UTC')).toBe('03:00');
    const week = { from: at(2026, 3, 1), to: at(2026, 3, 8) };
    expect(axisLabel(at(2026, 3, 4), week, 3 * 3_600_000, 'UTC')).not.toMatch(/2026/);
  });

  it('over two or more years, every label says its year, as short as the bars allow', () => {
    const years = { from: at(2020, 1, 1), to: at(2026, 11, 20) };
    expect(axisLabel(at(2023, 1, 1), years, 365 * day, 'UTC')).toBe('2023');
    expect(axisLabel(at(2023, 5, 1), years, 30 * day, 'UTC')).toBe('May 2023');
    const months = { from: at(2025, 10, 1), to: at(2026, 2, 1) };
    expect(axisLabel(at(2025, 12, 24), months, day, 'UTC')).toBe('Dec 24, 2025');
    const newYear = { from: at(2025, 12, 31, 20), to: at(2026, 1, 1, 4) };
    expect(axisLabel(at(2026, 1, 1, 2), newYear, 10 * 60_000, 'UTC')).toBe('Jan 1, 2026 02:00');
  });

  it('reads the year, the date and the hour in the screen’s zone', () => {
    // 20:00–04:00 UTC crosses New Year in UTC; in Kolkata (01:30–09:30 on 1 January) it does not.
    const newYear = { from: at(2025, 12, 31, 20), to: at(2026, 1, 1, 4) };
    expect(axisLabel(at(2025, 12, 31, 22), newYear, 10 * 60_000, 'UTC')).toBe('Dec 31, 2025 22:00');
    expect(axisLabel(at(2025, 12, 31, 22), newYear, 10 * 60_000, 'Asia/Kolkata')).toBe('03:30');
    const day = { from: at(2026, 11, 19, 12), to: at(2026, 11, 20, 12) };
    expect(axisLabel(at(2026, 11, 20, 3), day, 30 * 60_000, 'America/New_York')).toBe('22:00');
  });
});
