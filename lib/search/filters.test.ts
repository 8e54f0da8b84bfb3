import { describe, expect, it } from 'vitest';
import { Filter } from '@/lib/schema/search';
import { buildFilterClauses, filterToQuery } from '@/lib/search/filters';

const f = (input: unknown) => Filter.parse(input);

describe('filterToQuery', () => {
  it('is → match_phrase', () => {
    expect(filterToQuery(f({ field: 'x', op: 'is', value: 'api-7d9c' }), 'kubernetes.pod_name')).toEqual({
      match_phrase: { 'kubernetes.pod_name': 'api-7d9c' },
    });
  });

  it('is_one_of → a should of match_phrase, at least one', () => {
    expect(filterToQuery(f({ field: 'x', op: 'is_one_of', value: ['a', 'b'] }), 'level')).toEqual({
      bool: { should: [{ match_phrase: { level: 'a' } }, { match_phrase: { level: 'b' } }], minimum_should_match: 1 },
    });
  });

  it('exists → exists', () => {
    expect(filterToQuery(f({ field: 'x', op: 'exists' }), 'stream')).toEqual({ exists: { field: 'stream' } });
  });

  it('between → range with only the given ends', () => {
    expect(filterToQuery(f({ field: 'x', op: 'between', value: { gte: '200', lt: '300' } }), 'status')).toEqual({
      range: { status: { gte: '200', lt: '300' } },
    });
    expect(filterToQuery(f({ field: 'x', op: 'between', value: { lt: '300' } }), 'status')).toStrictEqual({
      range: { status: { lt: '300' } },
    });
    expect(filterToQuery(f({ field: 'x', op: 'between', value: { gte: '200' } }), 'status')).toStrictEqual({
      range: { status: { gte: '200' } },
    });
  });
});

describe('buildFilterClauses', () => {
  const resolve = (name: string) => (name === 'pod' ? 'kubernetes.pod_name' : name);

  it('splits negated filters into must_not and skips disabled ones', () => {
    const filters = [
      f({ field: 'pod', op: 'is', value: 'p1' }),
      f({ field: 'level', op: 'is', value: 'debug', negate: true }),
      f({ field: 'stream', op: 'exists', disabled: true }),
    ];
    expect(buildFilterClauses(filters, resolve)).toEqual({
      filter: [{ match_phrase: { 'kubernetes.pod_name': 'p1' } }],
      must_not: [{ match_phrase: { level: 'debug' } }],
    });
  });

  it('puts a negated "is one of" under must_not, as a whole', () => {
    const filters = [f({ field: 'level', op: 'is_one_of', value: ['debug', 'trace'], negate: true })];
    expect(buildFilterClauses(filters, resolve)).toEqual({
      filter: [],
      must_not: [
        { bool: { should: [{ match_phrase: { level: 'debug' } }, { match_phrase: { level: 'trace' } }], minimum_should_match: 1 } },
      ],
    });
  });

  it('passes the request path of each field to the resolver, and never resolves disabled ones', () => {
    const seen: string[] = [];
    buildFilterClauses([f({ field: 'nope', op: 'exists', disabled: true }), f({ field: 'pod', op: 'exists' })], (name, path) => {
      seen.push(`${name}@${path}`);
      return name;
    });
    expect(seen).toEqual(['pod@filters.1.field']);
  });

  it('lets the resolver refuse a field', () => {
    expect(() =>
      buildFilterClauses([f({ field: 'ghost', op: 'exists' })], (_n, path) => {
        throw new Error(`unknown at ${path}`);
      }),
    ).toThrow('unknown at filters.0.field');
  });
});
