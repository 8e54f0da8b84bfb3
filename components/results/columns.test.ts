import { describe, expect, it } from 'vitest';
import {
  COLUMN_MIN_WIDTH,
  columnWidth,
  compactTime,
  displayColumns,
  EXPAND_WIDTH,
  fitWidths,
  insertColumn,
  MESSAGE_MIN_WIDTH,
  tableLayout,
  TIME_COLUMN,
} from './columns';

const DEFAULTS = ['namespace', 'pod', 'container', 'level', 'message'];
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** What the message gets in grid mode: the table's width less every fixed track. */
const messageWidth = (columns: string[], width: number) =>
  width - EXPAND_WIDTH - columnWidth(TIME_COLUMN) - sum(tableLayout(columns, width).widths);

describe('displayColumns and insertColumn', () => {
  it('always ends with the message, wherever the URL put it or if it left it out', () => {
    expect(displayColumns(['message', 'pod'])).toEqual(['pod', 'message']);
    expect(displayColumns(['pod', 'namespace'])).toEqual(['pod', 'namespace', 'message']);
    expect(displayColumns(DEFAULTS)).toEqual(DEFAULTS);
  });

  it('puts an added column before the message', () => {
    expect(insertColumn(DEFAULTS, 'kubernetes.host')).toEqual(['namespace', 'pod', 'container', 'level', 'kubernetes.host', 'message']);
    expect(insertColumn(['message'], 'pod')).toEqual(['pod', 'message']);
    expect(insertColumn(['pod'], 'node')).toEqual(['pod', 'node']);
  });
});

describe('fitWidths', () => {
  it('keeps the ideal widths when they fit', () => {
    expect(fitWidths([120, 184], 1000, 64)).toEqual([120, 184]);
  });

  it('shrinks in proportion to fit the room, none below the minimum', () => {
    const widths = fitWidths([120, 184, 116, 72, 170], 389, 64);
    expect(sum(widths)).toBeLessThanOrEqual(389);
    expect(sum(widths)).toBeGreaterThan(389 - widths.length);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(64);
    // Wider columns stay wider.
    expect(widths[1]).toBeGreaterThan(widths[0]!);
  });

  it('columns held at the minimum leave the shrinking to the others', () => {
    expect(fitWidths([300, 70], 200, 64)).toEqual([136, 64]);
  });
});

describe('tableLayout', () => {
  it('at 1280 px (about 1020 px of table) the message keeps at least half of what the time column leaves', () => {
    for (const columns of [DEFAULTS, insertColumn(DEFAULTS, 'kubernetes.host')]) {
      const layout = tableLayout(columns, 1022);
      expect(layout.mode).toBe('grid');
      const rest = 1022 - EXPAND_WIDTH - columnWidth(TIME_COLUMN);
      expect(messageWidth(columns, 1022)).toBeGreaterThanOrEqual(Math.max(MESSAGE_MIN_WIDTH, rest / 2));
      expect(layout.template.endsWith('minmax(0, 1fr)')).toBe(true);
    }
  });

  it('on a wide screen the other columns keep their full width and the message takes the rest', () => {
    const layout = tableLayout(DEFAULTS, 1800);
    expect(layout.widths).toEqual(['namespace', 'pod', 'container', 'level'].map(columnWidth));
    expect(layout.template).toBe(`32px 212px ${layout.widths.map((w) => `${w}px`).join(' ')} minmax(0, 1fr)`);
  });

  it('too many columns to fit beside the message: two lines per row, never a hidden message', () => {
    const many = insertColumn(DEFAULTS, 'a');
    for (const c of ['b', 'c', 'd', 'e']) many.splice(-1, 0, c);
    const layout = tableLayout(many, 1022);
    expect(layout.mode).toBe('stacked');
    expect(tableLayout(DEFAULTS, 370).mode).toBe('stacked');
    // One track per column plus the expand button and the filler the message row spans.
    expect(tableLayout(DEFAULTS, 370).template.split(/ (?![^(]*\))/)).toHaveLength(2 + 4 + 1);
  });

  it('switches to two lines exactly where the other columns no longer fit at their minimum', () => {
    const columns = ['pod', 'message'];
    // rest − max(360, rest/2) ≥ 64 ⇔ rest ≥ 424.
    const edge = EXPAND_WIDTH + columnWidth(TIME_COLUMN) + MESSAGE_MIN_WIDTH + COLUMN_MIN_WIDTH;
    expect(tableLayout(columns, edge).mode).toBe('grid');
    expect(tableLayout(columns, edge - 1).mode).toBe('stacked');
  });
});

describe('compactTime', () => {
  it('drops the year, keeping date, time and milliseconds', () => {
    const text = compactTime('2026-11-20T11:59:59.123Z', 'UTC');
    expect(text).toBe('Nov 20 @ 11:59:59.123');
    expect(compactTime('2026-11-20T23:59:59.123Z', 'Asia/Kolkata')).toBe('Nov 21 @ 05:29:59.123');
  });
});
