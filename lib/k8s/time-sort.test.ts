import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { buildDocSearch } from '@/lib/documents/get-document';
import { buildAnchorRequest, buildContextRequest } from '@/lib/k8s/context-query';
import { buildLinesRequest } from '@/lib/k8s/pod-query';
import { buildTailPoll } from '@/lib/k8s/tail-query';

/** The time key of a request's sort: what decides how `date` and `date_nanos` indices sort together. */
function timeSort(request: estypes.SearchRequest): Record<string, unknown> {
  const [first] = request.sort as Record<string, Record<string, unknown>>[];
  return first?.['@timestamp'] ?? {};
}

const lines = (mixedTimeTypes?: boolean) =>
  buildLinesRequest({
    index: 'logs-*',
    timeField: '@timestamp',
    ...(mixedTimeTypes === undefined ? {} : { mixedTimeTypes }),
    filters: [],
    range: { from: 0, to: 1 },
    size: 10,
    sourceFields: [],
    engineTimeout: '1s',
  });
const tail = (mixedTimeTypes?: boolean) =>
  buildTailPoll({
    index: 'logs-*',
    timeField: '@timestamp',
    ...(mixedTimeTypes === undefined ? {} : { mixedTimeTypes }),
    filters: [],
    from: 0,
    sourceFields: [],
    engineTimeout: '1s',
  });
const context = (mixedTimeTypes?: boolean) =>
  buildContextRequest({
    index: 'logs-*',
    timeField: '@timestamp',
    ...(mixedTimeTypes === undefined ? {} : { mixedTimeTypes }),
    terms: {},
    direction: 'before',
    searchAfter: ['t', 'i', 1, 2],
    size: 5,
    sourceFields: [],
    engineTimeout: '1s',
  });
const anchor = (mixedTimeTypes?: boolean) =>
  buildAnchorRequest('logs-*', '@timestamp', 'i', 'id', mixedTimeTypes === undefined ? undefined : { mixedTimeTypes });
const doc = (mixedTimeTypes?: boolean) =>
  buildDocSearch('logs-*', '@timestamp', { index: 'i', id: 'id' }, mixedTimeTypes === undefined ? undefined : { mixedTimeTypes });

describe.each([
  ['pod and workload lines', lines, 'desc'],
  ['live tail polls', tail, 'asc'],
  ['surrounding lines', context, 'desc'],
  ['the context anchor', anchor, 'asc'],
  ['document lookups', doc, 'desc'],
] as const)('the time sort of %s', (_name, build, order) => {
  it('converts to nanoseconds for a source mixing date and date_nanos', () => {
    expect(timeSort(build(true))).toEqual({
      order,
      format: 'strict_date_optional_time_nanos',
      numeric_type: 'date_nanos',
      unmapped_type: 'date',
    });
  });

  it('does not otherwise (the conversion costs the early stop on a time-sorted index)', () => {
    for (const request of [build(false), build(undefined)]) {
      expect(timeSort(request)).toEqual({ order, format: 'strict_date_optional_time_nanos', unmapped_type: 'date' });
    }
  });
});

describe('surrounding lines', () => {
  it('sort by time, index, sequence number, with no point in time', () => {
    expect((context(false).sort as Record<string, unknown>[]).map((s) => Object.keys(s)[0])).toEqual(['@timestamp', '_index', '_seq_no']);
    expect(context(false).pit).toBeUndefined();
    expect(context(false).index).toBe('logs-*');
  });
});
