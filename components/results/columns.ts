import type { SearchHit } from '@/lib/schema/search';
import { formatTimestamp } from '@/components/time-picker/time-format';
import { formatFieldValue, isMeaning, MESSAGE_COLUMN, type FieldResolver } from './field-meanings';

export const TIME_COLUMN = '@time';

// Tight enough that the message, the column people read, keeps most of a 1280 px screen.
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
const MESSAGE_MIN_WIDTH = 320;
export const EXPAND_WIDTH = 32;

export function columnWidth(column: string): number {
  return WIDTHS[column] ?? FIELD_WIDTH;
}

/** One grid template for header and rows, so their columns line up without measuring. */
export function gridTemplate(columns: readonly string[]): { template: string; minWidth: number } {
  let fixed = EXPAND_WIDTH + columnWidth(TIME_COLUMN);
  const parts = [`${EXPAND_WIDTH}px`, `${columnWidth(TIME_COLUMN)}px`];
  for (const column of columns) {
    if (column === MESSAGE_COLUMN) {
      parts.push(`minmax(${MESSAGE_MIN_WIDTH}px, 1fr)`);
      fixed += MESSAGE_MIN_WIDTH;
    } else {
      parts.push(`${columnWidth(column)}px`);
      fixed += columnWidth(column);
    }
  }
  // Without a message column the last column takes the rest of the width.
  if (!columns.includes(MESSAGE_COLUMN)) parts.push('1fr');
  return { template: parts.join(' '), minWidth: fixed };
}

export function columnLabel(column: string): string {
  return column === TIME_COLUMN ? 'Time' : column;
}

export function cellText(hit: SearchHit, column: string, resolve: FieldResolver): string {
  if (column === TIME_COLUMN) return formatTimestamp(hit.timestamp);
  if (column === MESSAGE_COLUMN) return hit.message;
  return formatFieldValue(hit.fields[isMeaning(column) ? resolve(column) : column]);
}
