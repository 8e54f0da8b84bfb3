import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { exportFilename, exportMaxRows } from '@/lib/export/handler';
import { resolveColumns } from '@/lib/export/query';
import type { SourceFields } from '@/lib/sources';
import { DEFAULT_COLUMNS } from '@/lib/url-state/codec';

const field = (type: string) => ({ type, searchable: true, aggregatable: type === 'keyword' });
const fluentd: SourceFields = {
  profile: 'fluentd',
  meanings: { message: 'log', namespace: 'kubernetes.namespace_name', pod: 'kubernetes.pod_name', level: 'level' },
  fields: new Map(
    Object.entries({
      '@timestamp': field('date'),
      log: field('text'),
      level: field('keyword'),
      'kubernetes.namespace_name': field('keyword'),
      'kubernetes.pod_name': field('keyword'),
      'custom.field': field('keyword'),
    }),
  ),
};
const source = { id: 'logs', timeField: '@timestamp' };

describe('resolveColumns', () => {
  it('puts the time field first, resolves meanings and drops repeats', () => {
    const columns = resolveColumns(['namespace', 'kubernetes.namespace_name', 'message', '@timestamp', 'custom.field'], fluentd, source);
    expect(columns).toEqual([
      { header: '@timestamp', field: '@timestamp' },
      { header: 'kubernetes.namespace_name', field: 'kubernetes.namespace_name' },
      { header: 'log', field: 'log' },
      { header: 'custom.field', field: 'custom.field' },
    ]);
  });

  it('refuses a column the source does not have, a meaning it lacks included, at its path', () => {
    for (const [names, path] of [
      [['namespace', 'no.such.field'], 'columns.1'],
      [['container'], 'columns.0'],
    ] as const) {
      let caught: unknown;
      try {
        resolveColumns(names, fluentd, source);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(ApiError);
      expect((caught as ApiError).status).toBe(400);
      expect((caught as ApiError).toBody().error).toMatchObject({ code: 'unknown_field', path });
    }
  });

  it("without columns: the explorer's default columns, less the meanings the source lacks", () => {
    expect(DEFAULT_COLUMNS).toEqual(['namespace', 'pod', 'container', 'level', 'message']);
    // This source has no container field: that column is left out, not an error.
    expect(resolveColumns(undefined, fluentd, source).map((c) => c.field)).toEqual([
      '@timestamp',
      'kubernetes.namespace_name',
      'kubernetes.pod_name',
      'level',
      'log',
    ]);
  });
});

describe('exportFilename', () => {
  it('names the source and the resolved range, in safe characters only', () => {
    const range = { from: Date.parse('2026-11-19T12:00:00.000Z'), to: Date.parse('2026-11-20T11:59:59.999Z') };
    expect(exportFilename('logs', range, 'csv')).toBe('logs-20261119T120000Z-20261120T115959Z.csv');
    expect(exportFilename('a"b;c/d', range, 'ndjson')).toMatch(/^a_b_c_d-[0-9TZ-]+\.ndjson$/);
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

describe('resolveColumns, a meaning whose field the source lacks', () => {
  it('is 400 at its path, naming what was looked for', () => {
    const lacking: SourceFields = { ...fluentd, meanings: { ...fluentd.meanings, container: 'kubernetes.container_name' } };
    try {
      resolveColumns(['container'], lacking, source);
      throw new Error('expected an ApiError');
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).detail).toEqual({ path: 'columns.0' });
      expect((err as ApiError).message).toBe('source "logs" has no field or meaning "container"');
    }
  });
});
