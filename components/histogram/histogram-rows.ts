/** Histogram buckets → the rows and stacked series the chart draws, and the legend lists. */
import type { SearchResponse } from '@/lib/schema/search';
import { NO_LEVEL_KEY, sortLevels } from './level-colors';

export type Histogram = NonNullable<SearchResponse['histogram']>;
/** `end`: the next bar's start; `partial`: 1 when the range covers only part of the bar. */
export type Row = { key: number; end: number; total: number; partial: number } & Record<string, number>;

/** The one series when the source has no level field: bars in the accent colour, no legend. */
export const TOTAL_KEY = 'count';

export function chartRows(histogram: Histogram): { rows: Row[]; series: string[] } {
  const seen = new Set<string>();
  let anyLevels = false;
  const rows = histogram.buckets.map((b) => {
    const row: Row = { key: b.key, end: b.end, total: b.count, partial: b.partial ? 1 : 0 } as Row;
    if (b.levels) {
      anyLevels = true;
      let sum = 0;
      for (const [level, n] of Object.entries(b.levels)) {
        row[level] = n;
        sum += n;
        seen.add(level);
      }
      // Documents without a level still count towards the bar's height.
      if (b.count > sum) {
        row[NO_LEVEL_KEY] = b.count - sum;
        seen.add(NO_LEVEL_KEY);
      }
    } else {
      row[TOTAL_KEY] = b.count;
    }
    return row;
  });
  if (!anyLevels) return { rows, series: [TOTAL_KEY] };
  return { rows, series: sortLevels(seen) };
}

/** The levels the legend names, in stacking order; empty when the bars are not stacked by level. */
export function legendLevels(histogram: Histogram): string[] {
  const { series } = chartRows(histogram);
  return series.length === 1 && series[0] === TOTAL_KEY ? [] : series;
}
