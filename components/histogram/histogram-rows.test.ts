import { describe, expect, it } from 'vitest';
import { chartRows, legendLevels, TOTAL_KEY, type Histogram } from './histogram-rows';
import { NO_LEVEL_KEY } from './level-colors';

const base = { interval: '1h', intervalMs: 3_600_000, timeZone: 'UTC', from: 0, to: 7_200_000 };

describe('chartRows', () => {
  it('stacks each bar by level, most severe first, with the unlevelled rest as its own series', () => {
    const histogram: Histogram = {
      ...base,
      buckets: [
        { key: 0, end: 3_600_000, count: 10, levels: { info: 6, error: 2 } },
        { key: 3_600_000, end: 7_200_000, count: 5, levels: { warn: 5 }, partial: true },
      ],
    };
    const { rows, series } = chartRows(histogram);
    expect(series).toEqual(['error', 'warn', 'info', NO_LEVEL_KEY]);
    expect(rows[0]).toMatchObject({ key: 0, total: 10, info: 6, error: 2, [NO_LEVEL_KEY]: 2 });
    expect(rows[1]).toMatchObject({ key: 3_600_000, end: 7_200_000, total: 5, warn: 5, partial: 1 });
    expect(rows[0]).toMatchObject({ end: 3_600_000, partial: 0 });
    expect(rows[1]![NO_LEVEL_KEY]).toBeUndefined();
    // Every bar's stack adds up to its count.
    for (const row of rows) expect(series.reduce((sum, s) => sum + (row[s] ?? 0), 0)).toBe(row.total);
  });

  it('without levels: one series, and no legend', () => {
    const histogram: Histogram = { ...base, buckets: [{ key: 0, end: 3_600_000, count: 3 }] };
    expect(chartRows(histogram).series).toEqual([TOTAL_KEY]);
    expect(chartRows(histogram).rows[0]).toMatchObject({ [TOTAL_KEY]: 3, total: 3 });
    expect(legendLevels(histogram)).toEqual([]);
  });

  it('the legend names the levels in stacking order', () => {
    const histogram: Histogram = { ...base, buckets: [{ key: 0, end: 3_600_000, count: 4, levels: { debug: 1, fatal: 1, info: 2 } }] };
    expect(legendLevels(histogram)).toEqual(['fatal', 'info', 'debug']);
  });
});
