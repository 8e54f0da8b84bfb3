/**
 * Counts the rows of an export file as its bytes arrive, for the progress the UI shows. CSV
 * cells may hold line breaks (multi-line log messages, quoted as RFC 4180 says), so a record
 * ends only at a line feed outside quotes; NDJSON escapes line breaks inside values, so every
 * line feed ends a row. Works on bytes: `"` and LF are ASCII and never part of a multi-byte
 * UTF-8 character, so chunks may split anywhere, even inside a character.
 */
import type { ExportFormat } from '@/lib/schema/export';

const QUOTE = 0x22;
const LF = 0x0a;

export interface RowCounter {
  /** Feeds the next chunk; returns the data rows completed so far (the CSV header is not a row). */
  push(chunk: Uint8Array): number;
  readonly rows: number;
}

export function exportRowCounter(format: ExportFormat): RowCounter {
  let records = 0;
  let inQuotes = false;
  const headerRows = format === 'csv' ? 1 : 0;
  const counter: RowCounter = {
    push(chunk) {
      if (format === 'ndjson') {
        for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) records++;
      } else {
        for (const byte of chunk) {
          // A doubled quote inside a quoted cell toggles twice: still inside.
          if (byte === QUOTE) inQuotes = !inQuotes;
          else if (byte === LF && !inQuotes) records++;
        }
      }
      return counter.rows;
    },
    get rows() {
      return Math.max(0, records - headerRows);
    },
  };
  return counter;
}
