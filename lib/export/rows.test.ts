import { describe, expect, it } from 'vitest';
import { cellText, csvEncoder, ndjsonEncoder, readField, rowEncoder, type ExportColumn } from '@/lib/export/rows';

describe('readField', () => {
  const nested = { kubernetes: { pod_name: 'api-1', labels: { app: 'api' } }, log: 'hello' };
  const dotted = { 'kubernetes.pod_name': 'api-2', 'kubernetes.labels': { app: 'web' } };
  const mixed = { kubernetes: { 'pod.name': 'api-3' } };

  it.each([
    [nested, 'kubernetes.pod_name', 'api-1'],
    [nested, 'kubernetes.labels.app', 'api'],
    [nested, 'log', 'hello'],
    [dotted, 'kubernetes.pod_name', 'api-2'],
    [dotted, 'kubernetes.labels.app', 'web'],
    [mixed, 'kubernetes.pod.name', 'api-3'],
    [nested, 'missing', undefined],
    [nested, 'kubernetes.missing', undefined],
    [nested, 'toString', undefined],
    [nested, '__proto__', undefined],
    [null, 'a', undefined],
    [['a'], '0', undefined],
  ])('%j . %s', (source, path, expected) => {
    expect(readField(source, path)).toEqual(expected);
  });
});

describe('cellText', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['text', 'text'],
    [42, '42'],
    [-1.5, '-1.5'],
    [true, 'true'],
    [['a', 'b'], '["a","b"]'],
    [{ a: 1 }, '{"a":1}'],
  ])('%j → %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

const columns: ExportColumn[] = [
  { header: '@timestamp', field: '@timestamp' },
  { header: 'log', field: 'log' },
  { header: 'n', field: 'n' },
];

describe('csvEncoder', () => {
  it('writes a guarded header row and guarded, quoted cells', () => {
    const enc = csvEncoder([...columns, { header: '=evil', field: 'x' }]);
    // Field names are hostile input too, and Excel reads a leading @ as a formula: even @timestamp is guarded.
    expect(enc.preamble()).toBe(`'@timestamp,log,n,'=evil\r\n`);
    expect(enc.encode({ '@timestamp': '2026-11-20T00:00:00Z', log: '=cmd|"/c calc"', n: -3 })).toBe(
      `2026-11-20T00:00:00Z,"'=cmd|""/c calc""",'-3,\r\n`,
    );
  });
});

describe('ndjsonEncoder', () => {
  it('writes one object per line with every column, null when absent', () => {
    const enc = ndjsonEncoder(columns);
    expect(enc.preamble()).toBe('');
    const line = enc.encode({ '@timestamp': 't', log: 'a\nb "q"', extra: 'dropped' });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1).includes('\n')).toBe(false);
    expect(JSON.parse(line)).toEqual({ '@timestamp': 't', log: 'a\nb "q"', n: null });
  });

  it('treats __proto__ as an ordinary key', () => {
    const enc = ndjsonEncoder([{ header: '__proto__', field: '__proto__' }]);
    const source = JSON.parse('{"__proto__":"x"}') as unknown;
    const line = enc.encode(source);
    expect(line).toBe('{"__proto__":"x"}\n');
  });
});

describe('readField, more shapes', () => {
  it('never reads properties of a string', () => {
    expect(readField('abc', 'length')).toBeUndefined();
    expect(readField({ a: 'xyz' }, 'a.length')).toBeUndefined();
  });

  it('never descends for a name without dots', () => {
    expect(readField({ '': { '': 5 } }, 'x')).toBeUndefined();
  });

  it('tries a longer dotted key when the shorter one leads nowhere', () => {
    expect(readField({ a: { x: 1 }, 'a.b': { c: 2 } }, 'a.b.c')).toBe(2);
  });
});

describe('cellText, more scalars', () => {
  it('prints big integers and non-finite numbers as themselves', () => {
    expect(cellText(10n)).toBe('10');
    expect(cellText(Number.NaN)).toBe('NaN');
    expect(cellText(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('rowEncoder', () => {
  it('picks the format', () => {
    const columns: ExportColumn[] = [{ header: 'log', field: 'log' }];
    expect(rowEncoder('csv', columns).preamble()).toBe(csvEncoder(columns).preamble());
    expect(rowEncoder('csv', columns).preamble()).not.toBe('');
    expect(rowEncoder('ndjson', columns).preamble()).toBe('');
    expect(rowEncoder('ndjson', columns).encode({ log: 'x' })).toBe(ndjsonEncoder(columns).encode({ log: 'x' }));
  });
});
