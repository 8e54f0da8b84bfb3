import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { parseValuesParams, VALUES_LIMITS } from './values-params';
import { buildValuesRequest, NON_STRING_FETCH, reshapeValues, type ValuesPlan } from './values-query';

function rejected(qs: string): { path?: string; code: string; message: string } {
  try {
    parseValuesParams(new URLSearchParams(qs));
  } catch (err) {
    if (err instanceof ApiError) return { ...err.toBody().error };
    throw err;
  }
  throw new Error(`expected ${qs} to be refused`);
}

describe('GET /api/values parameters', () => {
  it('reads a full request and fills defaults', () => {
    expect(parseValuesParams(new URLSearchParams('field=namespace'))).toEqual({
      field: 'namespace',
      prefix: '',
      from: 'now-24h',
      to: 'now',
      size: VALUES_LIMITS.defaultSize,
    });
    expect(parseValuesParams(new URLSearchParams('source=logs&field=level&prefix=Er&from=now-1h&to=now&size=50&_=123'))).toEqual({
      source: 'logs',
      field: 'level',
      prefix: 'Er',
      from: 'now-1h',
      to: 'now',
      size: 50,
    });
  });

  it.each([
    ['', 'field', /required/],
    ['field=', 'field', /required/],
    [`field=${'f'.repeat(257)}`, 'field', /at most 256/],
    [`field=level&prefix=${'p'.repeat(VALUES_LIMITS.maxPrefixLength + 1)}`, 'prefix', /at most 256/],
    ['field=level&size=0', 'size', /at least 1/],
    ['field=level&size=51', 'size', /at most 50/],
    ['field=level&size=2.5', 'size', /whole number/],
    ['field=level&size=-1', 'size', /whole number/],
    ['field=level&size=ten', 'size', /whole number/],
    ['field=level&size=', 'size', /whole number/],
    ['field=level&from=', 'from', /required/],
    [`field=level&to=${'now-1h'.repeat(20)}`, 'to', /./],
    ['field=level&prefix=a&prefix=b', 'prefix', /more than once/],
    ['field=a&field=b', 'field', /more than once/],
  ])('%s → 400 at %s', (qs, path, message) => {
    const error = rejected(qs);
    expect(error).toMatchObject({ code: 'validation_failed', path });
    expect(error.message).toMatch(message);
  });
});

const plan: ValuesPlan = {
  index: 'logstash-*',
  timeField: '@timestamp',
  range: { from: 1, to: 2 },
  field: 'kubernetes.namespace_name',
  fieldType: 'keyword',
  prefix: 'Pay',
  size: 10,
  engineTimeout: '2000ms',
};

describe('buildValuesRequest', () => {
  it('narrows keyword fields by a case-insensitive prefix query within the time range, the prefix as a value', () => {
    expect(buildValuesRequest(plan)).toEqual({
      index: 'logstash-*',
      ignore_unavailable: true,
      allow_no_indices: true,
      allow_partial_search_results: true,
      pre_filter_shard_size: 1,
      timeout: '2000ms',
      size: 0,
      request_cache: true,
      track_total_hits: false,
      query: {
        bool: {
          filter: [
            { range: { '@timestamp': { gte: 1, lte: 2, format: 'epoch_millis' } } },
            { prefix: { 'kubernetes.namespace_name': { value: 'Pay', case_insensitive: true } } },
          ],
        },
      },
      aggs: { values: { terms: { field: 'kubernetes.namespace_name', size: 20, shard_size: 100 } } },
    });
  });

  it('passes regex and wildcard characters through as part of the value', () => {
    const req = buildValuesRequest({ ...plan, prefix: '.*[a-z]|\\' });
    expect(JSON.stringify(req.query)).toContain(JSON.stringify({ value: '.*[a-z]|\\', case_insensitive: true }));
    expect(JSON.stringify(req.aggs)).not.toContain('include');
  });

  it('asks for the top values alone when there is no prefix', () => {
    const req = buildValuesRequest({ ...plan, prefix: '', size: 50 });
    expect(req.query).toEqual({ bool: { filter: [{ range: { '@timestamp': { gte: 1, lte: 2, format: 'epoch_millis' } } }] } });
    expect(req.aggs).toEqual({ values: { terms: { field: 'kubernetes.namespace_name', size: 50, shard_size: 100 } } });
  });

  it('leaves the prefix of a number field to the server', () => {
    const req = buildValuesRequest({ ...plan, fieldType: 'long', field: 'http.status', prefix: '50', size: 5 });
    expect(JSON.stringify(req.query)).not.toContain('prefix');
    expect(req.aggs).toEqual({ values: { terms: { field: 'http.status', size: NON_STRING_FETCH, shard_size: 100 } } });
  });
});

describe('reshapeValues', () => {
  const body = (buckets: unknown[]) => ({ aggregations: { values: { buckets } } }) as never;

  it('keeps the engine order and counts', () => {
    expect(
      reshapeValues(
        body([
          { key: 'payments', doc_count: 9 },
          { key: 'Payroll', doc_count: 2 },
        ]),
        plan,
      ),
    ).toEqual([
      { value: 'payments', count: 9 },
      { value: 'Payroll', count: 2 },
    ]);
  });

  it('drops the other values of multi-valued documents, and cuts at size', () => {
    const buckets = [
      { key: 'web', doc_count: 9 },
      { key: 'PAY-1', doc_count: 5 },
      { key: 'batch', doc_count: 5 },
      { key: 'pay-2', doc_count: 4 },
      { key: 'pay-3', doc_count: 1 },
    ];
    expect(reshapeValues(body(buckets), { prefix: 'pay', size: 2 })).toEqual([
      { value: 'PAY-1', count: 5 },
      { value: 'pay-2', count: 4 },
    ]);
  });

  it('filters non-string values by prefix, as text', () => {
    const buckets = [
      { key: 200, doc_count: 50 },
      { key: 503, doc_count: 7 },
      { key: 500, doc_count: 3 },
      { key: 1, key_as_string: 'true', doc_count: 1 },
    ];
    expect(reshapeValues(body(buckets), { prefix: '50', size: 1 })).toEqual([{ value: '503', count: 7 }]);
    expect(reshapeValues(body(buckets), { prefix: 'TR', size: 5 })).toEqual([{ value: 'true', count: 1 }]);
  });

  it('is empty when the indices are', () => {
    expect(reshapeValues({}, plan)).toEqual([]);
  });
});
