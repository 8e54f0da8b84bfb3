/** Field-name globs and query_string escaping, with expectations written from the glob and Lucene rules. */
import { describe, expect, it } from 'vitest';
import { QueryRejectedError, QuerySyntaxError } from './errors';
import { escapeQueryString, matchesFieldPattern } from './query-string';

describe('matchesFieldPattern: `*` spans any characters, dots included', () => {
  it.each<[string[], string, boolean]>([
    [['level'], 'level', true],
    [['level'], 'levels', false],
    [['a'], 'aa', false],
    [['kubernetes.', ''], 'kubernetes.labels.app', true],
    [['kubernetes.', ''], 'kubernetes', false],
    [['', '.app'], 'kubernetes.labels.app', true],
    [['', 'b', 'c'], 'bc', true],
    // start and end may not overlap: ab*ba needs four characters
    [['ab', 'ba'], 'abba', true],
    [['ab', 'ba'], 'aba', false],
    // middle parts in order, between the start and the end
    [['a', 'b', 'c'], 'abc', true],
    [['a', 'b', 'c'], 'a-b-c', true],
    [['a', 'b', 'c'], 'ac', false],
    [['a', 'b', 'c'], 'acbc', true],
    [['a', 'b', 'b'], 'ab', false],
    [['a', 'b', 'b'], 'abb', true],
    [['x', 'ab', 'ab', 'y'], 'xaby', false],
    [['x', 'ab', 'ab', 'y'], 'xababy', true],
    [['a', 'c', 'b', 'd'], 'a-b-c-d', false],
  ])('%j matches %s: %s', (parts, field, expected) => {
    expect(matchesFieldPattern(parts, field)).toBe(expected);
  });
});

describe('escapeQueryString', () => {
  it('escapes upper-case operator words only when they stand alone', () => {
    expect(escapeQueryString('BRAND NEW')).toBe('BRAND NEW');
    expect(escapeQueryString('this AND')).toBe('this \\AND');
    expect(escapeQueryString('NOT this OR that')).toBe('\\NOT this \\OR that');
  });
});

describe('query errors', () => {
  it('carry their name, offset and what was expected', () => {
    const syntax = new QuerySyntaxError('x', 3);
    expect([syntax.name, syntax.offset, syntax.expected]).toEqual(['QuerySyntaxError', 3, []]);
    const rejected = new QueryRejectedError('y');
    expect([rejected.name, rejected.offset]).toEqual(['QueryRejectedError', undefined]);
  });
});
