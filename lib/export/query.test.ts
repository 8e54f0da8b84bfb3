import { describe, expect, it } from 'vitest';
import { exportFilename, exportMaxRows } from '@/lib/export/handler';
import { resolveColumns } from '@/lib/export/query';
import type { SourceFields } from '@/lib/sources';

const fluentd: SourceFields = {
  profile: 'fluentd',
  meanings: { message: 'log', namespace: 'kubernetes.namespace_name', pod: 'kubernetes.pod_name', level: 'level' },
  fields: new Map(),
};

describe('resolveColumns', () => {
  it('puts the time field first, resolves meanings and drops repeats', () => {
    const columns = resolveColumns(
      ['namespace', 'kubernetes.namespace_name', 'message', '@timestamp', 'custom.field'],
      fluentd,
      '@timestamp',
    );
    expect(columns).toEqual([
      { header: '@timestamp', field: '@timestamp' },
      { header: 'kubernetes.namespace_name', field: 'kubernetes.namespace_name' },
      { header: 'log', field: 'log' },
      { header: 'custom.field', field: 'custom.field' },
    ]);
  });

  it('reads a meaning the source lacks as a field name (an empty column, as on screen)', () => {
    expect(resolveColumns(['container'], fluentd, 't')).toEqual([
      { header: 't', field: 't' },
      { header: 'container', field: 'container' },
    ]);
  });
});

describe('exportFilename', () => {
  it('names the source and the resolved range, in safe characters only', () => {
    const range = { from: Date.parse('2026-11-19T12:00:00.000Z'), to: Date.parse('2026-11-20T11:59:59.999Z') };
    expect(exportFilename('logs', range, 'csv')).toBe('logs-logs-20261119T120000Z-20261120T115959Z.csv');
    expect(exportFilename('a"b;c/d', range, 'ndjson')).toMatch(/^logs-a_b_c_d-[0-9TZ-]+\.ndjson$/);
  });
});

describe('exportMaxRows', () => {
  it('defaults to 1,000,000 and reads EXPORT_MAX_ROWS', () => {
    expect(exportMaxRows({})).toBe(1_000_000);
    expect(exportMaxRows({ EXPORT_MAX_ROWS: '5000' })).toBe(5_000);
  });

  it.each(['0', '-1', '1.5', 'lots'])('refuses %j as a configuration error', (raw) => {
    expect(() => exportMaxRows({ EXPORT_MAX_ROWS: raw })).toThrow(/EXPORT_MAX_ROWS/);
  });
});
