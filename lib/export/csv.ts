/**
 * CSV as RFC 4180 describes it (CRLF line ends, fields quoted when they hold `"`, `,`, CR or LF,
 * quotes doubled), plus the spreadsheet formula guard: log lines are attacker-controlled, and a
 * cell starting with `=`, `+`, `-`, `@`, tab or CR is run as a formula by Excel, LibreOffice and
 * Sheets. Such a cell gets a leading `'`, which those programs show as text. The cost is that a
 * negative number exports as `'-5`; the safe reading wins.
 */

export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRow(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(cells[i] ?? '');
  }
  return line + CSV_LINE_END;
}
