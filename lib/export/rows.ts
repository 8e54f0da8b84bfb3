/**
 * Documents → export lines. Columns are read straight from `_source` (already filtered by the
 * engine to just these fields), whether it nests objects (`{kubernetes:{pod_name}}`) or uses
 * dotted keys (`{"kubernetes.pod_name"}`), as different shippers do.
 */
import { csvRow } from '@/lib/export/csv';
import type { ExportFormat } from '@/lib/schema/export';

/** `header` is what the file calls the column: the field's real name, so files are self-describing. */
export interface ExportColumn {
  header: string;
  field: string;
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The value at a dotted path, trying the whole remaining path as one key before descending. */
export function readField(source: unknown, path: string): unknown {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return undefined;
  const obj = source as Record<string, unknown>;
  const direct = own(obj, path);
  if (direct !== undefined) return direct;
  for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
    const head = own(obj, path.slice(0, dot));
    if (head === undefined) continue;
    const found = readField(head, path.slice(dot + 1));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A cell's text: strings as they are, other scalars printed, arrays and objects as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export interface RowEncoder {
  /** The file's first bytes: the CSV header row, nothing for NDJSON. */
  preamble(): string;
  encode(source: unknown): string;
}

export function csvEncoder(columns: readonly ExportColumn[]): RowEncoder {
  return {
    preamble: () => csvRow(columns.map((c) => c.header)),
    encode: (source) => csvRow(columns.map((c) => cellText(readField(source, c.field)))),
  };
}

/**
 * One JSON object per line, every column present (null when the document lacks it), in column
 * order. Built by hand: keys are field names, and `__proto__` is a valid one in a log.
 */
export function ndjsonEncoder(columns: readonly ExportColumn[]): RowEncoder {
  const keys = columns.map((c) => JSON.stringify(c.header));
  return {
    preamble: () => '',
    encode: (source) => {
      let line = '{';
      columns.forEach((c, i) => {
        const value = readField(source, c.field);
        line += `${i > 0 ? ',' : ''}${keys[i]}:${value === undefined ? 'null' : JSON.stringify(value)}`;
      });
      return `${line}}\n`;
    },
  };
}

export function rowEncoder(format: ExportFormat, columns: readonly ExportColumn[]): RowEncoder {
  return format === 'csv' ? csvEncoder(columns) : ndjsonEncoder(columns);
}
