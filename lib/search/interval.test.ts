import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_LIMITS } from '@/lib/schema/search';
import {
  chooseHistogramInterval,
  engineBucketCount,
  HISTOGRAM_INTERVALS,
  MAX_BARS,
  maxBarCount,
  MIN_BARS,
  type HistogramInterval,
} from '@/lib/search/interval';

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const YEAR = 365.2425 * DAY;

const nominalBars = (span: number, ms: number) => span / ms;

describe('chooseHistogramInterval', () => {
  it.each([
    [30 * S, '1s'],
    [MIN, '1s'],
    [5 * MIN, '5s'],
    [15 * MIN, '10s'],
    [HOUR, '1m'],
    [4 * HOUR, '5m'],
    [24 * HOUR, '30m'],
    [3 * DAY, '1h'],
    [7 * DAY, '3h'],
    [14 * DAY, '6h'],
    [30 * DAY, '12h'],
    [90 * DAY, '1d'],
    [180 * DAY, '3d'],
    [365 * DAY, '1w'],
    [2 * 365 * DAY, '2w'],
    [5 * 365 * DAY, '1M'],
    [10 * 365 * DAY, '1q'],
    [27 * 365 * DAY, '6M'],
    [60 * 365 * DAY, '1y'],
  ])('a span of %d ms gets %s', (span, label) => {
    expect(chooseHistogramInterval(T0 - span, T0 - 1)?.label).toBe(label);
  });

  it('draws 30 to 100 bars for every span from a minute to 30 years, at any offset', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Math.log(MIN), max: Math.log(30 * YEAR), noNaN: true }),
        fc.integer({ min: 0, max: 10 * YEAR }),
        (logSpan, offset) => {
          const span = Math.round(Math.exp(logSpan));
          const from = T0 - offset;
          const interval = chooseHistogramInterval(from, from + span - 1)!;
          // Nominal bars inside [55/√3, 55·√3]; calendar months vary by 3 %, ends add a partial bar each.
          expect(nominalBars(span, interval.ms)).toBeGreaterThanOrEqual(MIN_BARS / 0.97);
          expect(maxBarCount(from, from + span - 1, interval)).toBeLessThanOrEqual(MAX_BARS);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps 1 s bars below a minute', () => {
    for (const span of [1, 999, S, 10 * S, 45 * S]) expect(chooseHistogramInterval(T0, T0 + span - 1)?.label).toBe('1s');
  });

  it('never exceeds the bar or engine-bucket caps, for any span on the ladder and beyond', () => {
    for (let span = 1; span < 200 * YEAR; span = Math.ceil(span * 1.37)) {
      const from = T0 - span + 12_345;
      const interval = chooseHistogramInterval(from, T0);
      if (!interval) continue;
      expect(maxBarCount(from, T0, interval)).toBeLessThanOrEqual(SEARCH_LIMITS.maxHistogramBuckets);
      expect(engineBucketCount(from, T0, interval)).toBeLessThanOrEqual(SEARCH_LIMITS.maxEngineHistogramBuckets);
    }
  });

  it('counts at the cap itself as allowed (the cap is inclusive)', () => {
    const span = 40 * MIN;
    const interval = chooseHistogramInterval(T0, T0 + span - 1)!;
    const bars = maxBarCount(T0, T0 + span - 1, interval);
    expect(chooseHistogramInterval(T0, T0 + span - 1, { maxBars: bars, maxEngineBuckets: 10_000 })?.label).toBe(interval.label);
    expect(chooseHistogramInterval(T0, T0 + span - 1, { maxBars: bars - 1, maxEngineBuckets: 10_000 })?.label).not.toBe(interval.label);
  });

  it('steps up the ladder when a tight cap would be exceeded', () => {
    expect(chooseHistogramInterval(T0 - HOUR, T0 - 1, { maxBars: 30, maxEngineBuckets: 1_000 })?.label).toBe('5m');
    expect(chooseHistogramInterval(T0 - 180 * DAY, T0 - 1, { maxBars: 200, maxEngineBuckets: 100 })?.label).toBe('1w');
  });

  it('gives up on a range no step can draw under the cap', () => {
    expect(chooseHistogramInterval(0, 1000 * 365 * DAY)).toBeNull();
  });

  it('is a ladder of increasing round intervals, at most 3× apart, calendar units from a day', () => {
    const ms = HISTOGRAM_INTERVALS.map((i) => i.ms);
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
    for (let i = 1; i < ms.length; i++) expect(ms[i]! / ms[i - 1]!).toBeLessThanOrEqual(3.01);
    expect(HISTOGRAM_INTERVALS.map((i) => i.label)).toEqual(
      ['1s', '2s', '5s', '10s', '30s', '1m', '2m', '5m', '10m', '30m', '1h', '3h', '6h', '12h'].concat([
        '1d',
        '3d',
        '1w',
        '2w',
        '1M',
        '1q',
        '6M',
        '1y',
      ]),
    );
    for (const step of HISTOGRAM_INTERVALS) expect('calendar' in step.engine).toBe(step.ms >= DAY);
  });
});

describe('interval arithmetic', () => {
  const step = (label: string): HistogramInterval => HISTOGRAM_INTERVALS.find((i) => i.label === label)!;

  it('asks the engine for the calendar unit of each step from a day up', () => {
    expect(HISTOGRAM_INTERVALS.filter((i) => i.ms >= DAY).map((i) => [i.label, i.engine, i.merge])).toEqual([
      ['1d', { calendar: 'd' }, undefined],
      ['3d', { calendar: 'd' }, 3],
      ['1w', { calendar: 'w' }, undefined],
      ['2w', { calendar: 'w' }, 2],
      ['1M', { calendar: 'M' }, undefined],
      ['1q', { calendar: 'q' }, undefined],
      ['6M', { calendar: 'q' }, 2],
      ['1y', { calendar: 'y' }, undefined],
    ]);
  });

  it('counts bars for an inclusive range: one more millisecond past a bar is one more bar', () => {
    expect(maxBarCount(0, 59_999, step('1m'))).toBe(2);
    expect(maxBarCount(0, 60_000, step('1m'))).toBe(3);
  });

  it('counts engine buckets with 4 % slack for calendar units and the merge factor', () => {
    expect(engineBucketCount(0, 60_000, step('1m'))).toBe(4);
    expect(engineBucketCount(0, 30 * DAY - 1, step('1d'))).toBe(34); // ⌈30 × 1.04⌉ + 2
    expect(engineBucketCount(0, 3 * DAY - 1, step('3d'))).toBe(6); // ⌈1 × 1.04 × 3⌉ + 2
  });

  it('picks the step nearest 55 bars on a log scale, to the millisecond (1s and 2s meet at 55·√2 s)', () => {
    expect(chooseHistogramInterval(0, 77_779)?.label).toBe('1s');
    expect(chooseHistogramInterval(0, 77_781)?.label).toBe('2s');
  });

  it('counts at the engine-bucket cap itself as allowed', () => {
    const span = 40 * MIN;
    const interval = chooseHistogramInterval(T0, T0 + span - 1)!;
    const buckets = engineBucketCount(T0, T0 + span - 1, interval);
    expect(chooseHistogramInterval(T0, T0 + span - 1, { maxBars: 1_000, maxEngineBuckets: buckets })?.label).toBe(interval.label);
    expect(chooseHistogramInterval(T0, T0 + span - 1, { maxBars: 1_000, maxEngineBuckets: buckets - 1 })?.label).not.toBe(interval.label);
  });
});
