import type { SearchHit } from '@/lib/schema/search';
import { formatTimestamp } from '@/components/time-picker/time-format';
import { formatFieldValue, isMeaning, MESSAGE_COLUMN, type FieldResolver } from './field-meanings';

export const TIME_COLUMN = '@time';

/** Widths a column gets when there is room; they give way before the message does. */
const WIDTHS: Record<string, number> = {
  [TIME_COLUMN]: 212,
  namespace: 120,
  pod: 184,
  container: 116,
  level: 72,
  node: 150,
  stream: 80,
};
const FIELD_WIDTH = 170;
/** Narrower than this a column says nothing: the row takes two lines instead. */
export const COLUMN_MIN_WIDTH = 64;
/** The message never gets less than this, nor less than half of what the time column leaves. */
export const MESSAGE_MIN_WIDTH = 360;
export const MESSAGE_MIN_SHARE = 0.5;
export const EXPAND_WIDTH = 32;

export function columnWidth(column: string): number {
  return WIDTHS[column] ?? FIELD_WIDTH;
}

/**
 * The columns as drawn: the message is always there and always last, whatever order the URL
 * names them in (and even if an old link left it out), so added columns land before it.
 */
export function displayColumns(columns: readonly string[]): string[] {
  return [...columns.filter((c) => c !== MESSAGE_COLUMN), MESSAGE_COLUMN];
}

/** Where a newly added column goes in the URL's list: before the message. */
export function insertColumn(columns: readonly string[], column: string): string[] {
  const at = columns.indexOf(MESSAGE_COLUMN);
  return at < 0 ? [...columns, column] : [...columns.slice(0, at), column, ...columns.slice(at)];
}

export interface TableLayout {
  /**
   * `grid`: one line per row, the message in the last column with the remaining width.
   * `stacked`: two lines per row, time and the other columns above, the message below across the row.
   */
  mode: 'grid' | 'stacked';
  /** The grid template shared by the header and every row, so columns line up without measuring. */
  template: string;
  /** Pixel width of each non-message column, in display order (grid mode; empty when stacked). */
  widths: number[];
}

/**
 * Lays the columns out in `width` pixels (the table's inner width). The message keeps at least
 * half of what is left after the time column and at least MESSAGE_MIN_WIDTH; the other columns
 * shrink in proportion to make room, down to COLUMN_MIN_WIDTH. When even that does not fit, a
 * row takes two lines (time and the other columns above, the message below) rather than pushing
 * the message out of sight.
 */
export function tableLayout(columns: readonly string[], width: number): TableLayout {
  const others = displayColumns(columns).slice(0, -1);
  const ideal = others.map(columnWidth);
  const timeWidth = columnWidth(TIME_COLUMN);
  const lead = `${EXPAND_WIDTH}px ${timeWidth}px`;
  const rest = width - EXPAND_WIDTH - timeWidth;
  const messageTarget = Math.max(MESSAGE_MIN_WIDTH, rest * MESSAGE_MIN_SHARE);
  const room = rest - messageTarget;
  if (room >= others.length * COLUMN_MIN_WIDTH) {
    const widths = fitWidths(ideal, room, COLUMN_MIN_WIDTH);
    return { mode: 'grid', template: [lead, ...widths.map(px), 'minmax(0, 1fr)'].join(' '), widths };
  }
  // Two lines: the first holds the expand button, the time and the other columns, each as wide
  // as its text while there is room (short values whole, long ones cut), the message below.
  const stackedColumns = others.map(() => 'minmax(0, max-content)');
  return { mode: 'stacked', template: [`${EXPAND_WIDTH}px max-content`, ...stackedColumns, 'minmax(0, 1fr)'].join(' '), widths: [] };
}

/**
 * Shrinks widths in proportion until they add up to at most `room`, none below `min`: a column
 * that would go below it stays at it, and the others give up the difference.
 */
export function fitWidths(ideal: readonly number[], room: number, min: number): number[] {
  const atMin = new Set<number>();
  for (;;) {
    const flexible = ideal.reduce((sum, w, i) => (atMin.has(i) ? sum : sum + w), 0);
    const scale = Math.min(1, (room - atMin.size * min) / flexible);
    const newlyAtMin = ideal.findIndex((w, i) => !atMin.has(i) && w * scale < min);
    if (newlyAtMin < 0) return ideal.map((w, i) => (atMin.has(i) ? min : Math.floor(w * scale)));
    atMin.add(newlyAtMin);
  }
}

function px(n: number): string {
  return `${n}px`;
}

export function columnLabel(column: string): string {
  return column === TIME_COLUMN ? 'Time' : column;
}

export function cellText(hit: SearchHit, column: string, resolve: FieldResolver, zone: string, compact = false): string {
  if (column === TIME_COLUMN) return compact ? compactTime(hit.timestamp, zone) : formatTimestamp(hit.timestamp, zone);
  if (column === MESSAGE_COLUMN) return hit.message;
  return formatFieldValue(hit.fields[isMeaning(column) ? resolve(column) : column]);
}

/** `Nov 20 @ 11:59:59.123`: the row's time on a narrow screen, without the year the range rarely needs. */
export function compactTime(value: string | number, zone: string): string {
  return formatTimestamp(value, zone).replace(/, \d{4} @/, ' @');
}
