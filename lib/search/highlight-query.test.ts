import { describe, expect, it } from 'vitest';
import { compileQuery } from '@/lib/query';
import { highlightQueryFor } from '@/lib/search/highlight-query';

const FIELDS = ['log', 'message'];
const kql = (text: string) => compileQuery({ language: 'kql', text }, { largeTextFields: FIELDS })!;

describe('highlightQueryFor', () => {
  it('narrows KQL free text to the highlighted fields, keeping its type and leniency', () => {
    expect(highlightQueryFor(kql('"connection refused"'), FIELDS)).toEqual({
      multi_match: { type: 'phrase', query: 'connection refused', lenient: true, fields: ['log', 'message'] },
    });
  });

  it('narrows a Lucene query_string that names no field, and leaves one with fields alone', () => {
    const lucene = compileQuery({ language: 'lucene', text: 'timeout AND level:error' }, {})!;
    expect(highlightQueryFor(lucene, FIELDS)).toEqual({ query_string: { ...lucene.query_string, fields: ['log', 'message'] } });
    const fielded = { query_string: { query: 'x', fields: ['stream'] } };
    expect(highlightQueryFor(fielded, FIELDS)).toBe(fielded);
    const byDefault = { query_string: { query: 'x', default_field: 'stream' } };
    expect(highlightQueryFor(byDefault, FIELDS)).toBe(byDefault);
  });

  it('reaches free text inside and, or, not and nested, and leaves fielded clauses as they are', () => {
    const narrowed = highlightQueryFor(kql('level:error and (timeout or not "connection refused")'), FIELDS);
    expect(JSON.stringify(narrowed)).not.toMatch(/"multi_match":\{[^}]*"lenient":true\}/);
    expect(narrowed).toEqual({
      bool: {
        filter: [
          { match: { level: 'error' } },
          {
            bool: {
              should: [
                { multi_match: { type: 'best_fields', query: 'timeout', lenient: true, fields: FIELDS } },
                { bool: { must_not: [{ multi_match: { type: 'phrase', query: 'connection refused', lenient: true, fields: FIELDS } }] } },
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    });
    const nested = { nested: { path: 'spans', query: { multi_match: { query: 'x' } }, score_mode: 'none' as const } };
    expect(highlightQueryFor(nested, FIELDS)).toEqual({
      nested: { path: 'spans', query: { multi_match: { query: 'x', fields: FIELDS } }, score_mode: 'none' },
    });
  });

  it('narrows each clause list of a bool, single clause or array, and adds no list it did not have', () => {
    const free = { multi_match: { query: 'x' } };
    const narrowed = { multi_match: { query: 'x', fields: FIELDS } };
    const fielded = { term: { stream: 'stderr' } };
    // Strict: a clause list the query did not have must not appear, not even as undefined.
    expect(highlightQueryFor({ bool: { must: free, should: [fielded, free], minimum_should_match: 1 } }, FIELDS)).toStrictEqual({
      bool: { must: narrowed, should: [fielded, narrowed], minimum_should_match: 1 },
    });
    expect(highlightQueryFor({ bool: { filter: [free], must_not: free } }, FIELDS)).toStrictEqual({
      bool: { filter: [narrowed], must_not: narrowed },
    });
    expect(highlightQueryFor({ bool: {} }, FIELDS)).toStrictEqual({ bool: {} });
  });

  it('passes an absent query through (a screen with no query highlights nothing)', () => {
    expect(highlightQueryFor(undefined as never, FIELDS)).toBeUndefined();
  });

  it('does not change the query it is given', () => {
    const query = kql('timeout');
    const copy = structuredClone(query);
    highlightQueryFor(query, FIELDS);
    expect(query).toEqual(copy);
  });
});
