import { describe, expect, it } from 'vitest';
import { csvRow } from '@/lib/export/csv';
import { exportRowCounter } from '@/lib/export/row-count';
import { ndjsonEncoder, type ExportColumn } from '@/lib/export/rows';

const columns: ExportColumn[] = [
  { header: '@timestamp', field: '@timestamp' },
  { header: 'log', field: 'log' },
];
const docs = [
  { '@timestamp': '2026-11-20T10:00:00Z', log: 'plain' },
  { '@timestamp': '2026-11-20T10:00:01Z', log: 'line one\nline two\r\n  at "quoted", frame' },
  { '@timestamp': '2026-11-20T10:00:02Z', log: '=cmd|"/c calc"!A1 — ünïcødé ✓' },
  { '@timestamp': '2026-11-20T10:00:03Z', log: '""\n""' },
];

/** Feeds `text` in chunks of `size` bytes, splitting characters and quotes wherever they fall. */
function countInChunks(format: 'csv' | 'ndjson', text: string, size: number): number {
  const bytes = new TextEncoder().encode(text);
  const counter = exportRowCounter(format);
  for (let i = 0; i < bytes.length; i += size) counter.push(bytes.subarray(i, i + size));
  return counter.rows;
}

describe('export row counter', () => {
  const csv = csvRow(columns.map((c) => c.header)) + docs.map((d) => csvRow([d['@timestamp'], d.log])).join('');
  const ndjson = docs.map((d) => ndjsonEncoder(columns).encode(d)).join('');

  it.each([1, 2, 3, 7, 1024])('counts CSV records, not lines, in chunks of %i bytes', (size) => {
    expect(csv.split('\n').length - 1).toBeGreaterThan(docs.length + 1);
    expect(countInChunks('csv', csv, size)).toBe(docs.length);
  });

  it.each([1, 5, 1024])('counts NDJSON lines in chunks of %i bytes', (size) => {
    expect(countInChunks('ndjson', ndjson, size)).toBe(docs.length);
  });

  it('does not count the header or a half-received row', () => {
    expect(countInChunks('csv', csvRow(['a', 'b']), 4)).toBe(0);
    expect(countInChunks('csv', `${csvRow(['a'])}x,"y\r\n`, 4)).toBe(0);
    expect(countInChunks('ndjson', '{"a":1}\n{"a":', 3)).toBe(1);
  });
});

describe('exportRowCounter: NDJSON ignores quotes', () => {
  it('counts a line whose JSON holds an escaped quote', () => {
    const counter = exportRowCounter('ndjson');
    counter.push(new TextEncoder().encode(`${JSON.stringify({ log: 'say "hi' })}\n`));
    expect(counter.rows).toBe(1);
  });
});
