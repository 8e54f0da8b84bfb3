// The request → engine-query steps shared by search and export, and the 400s they map failures to.
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { Filter } from '@/lib/schema/search';
import { compileUserQuery, resolveFilterClauses, resolveRequestRange, unknownField } from '@/lib/search/request-parts';
import type { SourceFields } from '@/lib/sources';

const field = (type: string) => ({ type, searchable: true, aggregatable: type === 'keyword' });
const fluentd: SourceFields = {
  profile: 'fluentd',
  meanings: { message: 'log', pod: 'kubernetes.pod_name', level: 'level' },
  fields: new Map(
    Object.entries({
      '@timestamp': field('date'),
      log: field('text'),
      message: field('text'),
      level: field('keyword'),
      'kubernetes.pod_name': field('keyword'),
    }),
  ),
};

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

function caught(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('resolveRequestRange', () => {
  it('resolves a valid range', () => {
    expect(resolveRequestRange({ from: 'now-1h', to: 'now' }, NOW)).toEqual({ from: NOW - 3_600_000, to: NOW });
  });

  it('is 400 invalid_time at the culprit', () => {
    const err = caught(() => resolveRequestRange({ from: 'now', to: 'now-1h' }, NOW));
    expect([err.status, err.code, err.detail]).toEqual([400, 'invalid_time', { path: 'time.from' }]);
    expect(err.message).toMatch(/ends before it starts/);
  });
});

describe('compileUserQuery', () => {
  it('compiles against the source, leading wildcards refused on both message fields', () => {
    expect(compileUserQuery({ language: 'kql', text: 'level:error' }, fluentd)).toEqual({ match: { level: 'error' } });
    expect(compileUserQuery({ language: 'kql', text: '' }, fluentd)).toBeNull();
    const err = caught(() => compileUserQuery({ language: 'kql', text: 'message:*oops' }, fluentd));
    expect([err.status, err.code, err.detail]).toEqual([400, 'bad_request', { path: 'query.text', offset: 8 }]);
    expect(err.message).toMatch(/large text fields \(message\)/);
  });

  it('is 400 query_syntax with the offset and what was expected', () => {
    const err = caught(() => compileUserQuery({ language: 'kql', text: 'level:(error' }, fluentd));
    expect([err.status, err.code]).toEqual([400, 'query_syntax']);
    expect(err.detail).toMatchObject({ path: 'query.text', offset: 12 });
    expect(err.detail.expected).toBeDefined();
  });
});

describe('resolveFilterClauses', () => {
  it('resolves meanings and names, and is 400 unknown_field at the filter', () => {
    const filters = [Filter.parse({ field: 'pod', op: 'is', value: 'a' }), Filter.parse({ field: 'level', op: 'exists', negate: true })];
    expect(resolveFilterClauses(filters, fluentd, 'logs')).toEqual({
      filter: [{ match_phrase: { 'kubernetes.pod_name': 'a' } }],
      must_not: [{ exists: { field: 'level' } }],
    });
    const err = caught(() => resolveFilterClauses([filters[0]!, Filter.parse({ field: 'ghost', op: 'exists' })], fluentd, 'logs'));
    expect([err.status, err.code, err.detail, err.message]).toEqual([
      400,
      'unknown_field',
      { path: 'filters.1.field' },
      'source "logs" has no field or meaning "ghost"',
    ]);
  });

  it('names the source and what was looked for', () => {
    expect(unknownField('x', 'columns.2', 'audit', 'column').message).toBe('source "audit" has no column "x"');
  });
});
