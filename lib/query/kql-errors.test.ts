/** Queries that must fail: where (offset), what was expected, and a message a person can act on. */
import { describe, expect, test } from 'vitest';
import { compileQuery, QUERY_LIMITS, QueryRejectedError, QuerySyntaxError, type QueryContext } from './index';
import { TYPED } from './kql-test-helpers';

interface SyntaxCase {
  text: string;
  offset: number;
  expected: string[];
  /** A fragment of the message, or the whole of it when it starts with '='. */
  message: string;
  language?: 'kql' | 'lucene';
}

const CLAUSE = ['field', 'value', '"', '(', 'not'];
const VALUE = ['value', '"', '('];
const AFTER_CLAUSE = ['and', 'or', 'end of query'];

const SYNTAX_ERRORS: SyntaxCase[] = [
  { text: 'level:', offset: 6, expected: VALUE, message: "=Expected a value after ':' but found end of query" },
  { text: 'level:   ', offset: 9, expected: VALUE, message: "after ':' but found end of query" },
  { text: '(a:b', offset: 4, expected: ['and', 'or', ')'], message: "Expected ')' to close the '(' at offset 0" },
  { text: 'x and (a:b or (c:d)', offset: 19, expected: ['and', 'or', ')'], message: "the '(' at offset 6" },
  { text: 'a:b)', offset: 3, expected: AFTER_CLAUSE, message: "found ')' with no matching '('" },
  { text: '"abc', offset: 0, expected: ['"'], message: "the '\"' at offset 0 is never closed" },
  { text: 'log:"abc \\" def', offset: 4, expected: ['"'], message: 'Unterminated quoted string' },
  { text: 'a and', offset: 5, expected: CLAUSE, message: "=Expected a query after 'and' but found end of query" },
  { text: 'a:1 or', offset: 6, expected: CLAUSE, message: "after 'or' but found end of query" },
  { text: 'a:1 or or b:2', offset: 7, expected: CLAUSE, message: "after 'or' but found 'or'" },
  { text: 'not', offset: 3, expected: ['field', 'value', '"', '('], message: "after 'not' but found end of query" },
  { text: 'not not a', offset: 4, expected: ['field', 'value', '"', '('], message: 'not (not' },
  { text: ':x', offset: 0, expected: ['field'], message: "=Expected a field name before ':'" },
  { text: '"":x', offset: 2, expected: ['field'], message: "Expected a field name before ':'" },
  { text: '>= 5', offset: 0, expected: ['field'], message: "Expected a field name before '>='" },
  { text: 'a:b c:d', offset: 5, expected: AFTER_CLAUSE, message: "found ':' (escape a literal colon" },
  { text: 'url:http://x', offset: 8, expected: AFTER_CLAUSE, message: '\\:' },
  { text: 'a:<3', offset: 2, expected: VALUE, message: "write ranges without ':'" },
  { text: 'bytes >', offset: 7, expected: ['value', '"'], message: "=Expected a value after '>' but found end of query" },
  { text: 'bytes <= (3)', offset: 9, expected: ['value', '"'], message: "after '<=' but found '('" },
  { text: 'a:not', offset: 2, expected: VALUE, message: 'quote it: "not"' },
  { text: '"x" y', offset: 4, expected: AFTER_CLAUSE, message: "join clauses with 'and' or 'or'" },
  { text: 'log:"x" y', offset: 8, expected: AFTER_CLAUSE, message: "found 'y'" },
  { text: 'foo (bar)', offset: 4, expected: AFTER_CLAUSE, message: "found '('" },
  { text: '()', offset: 1, expected: CLAUSE, message: "Expected a query after '(' but found ')'" },
  { text: 'a:()', offset: 3, expected: ['value', '"', '(', 'not'], message: "Expected a value after '('" },
  { text: 'a:(b or )', offset: 8, expected: VALUE, message: "=Expected a value after 'or' but found ')'" },
  { text: 'a:(b', offset: 4, expected: ['and', 'or', ')'], message: "close the '(' at offset 2" },
  { text: 'a:(b c:d)', offset: 6, expected: ['and', 'or', ')'], message: "found ':'" },
  { text: 'a:{b:c', offset: 6, expected: ['and', 'or', '}'], message: "Expected '}' to close the '{' at offset 2" },
  { text: 'a:{}', offset: 3, expected: CLAUSE, message: "after '{' but found '}'" },
  { text: 'a:b}', offset: 3, expected: AFTER_CLAUSE, message: "no matching '{'" },
  { text: 'a\\x', offset: 1, expected: ['escaped character'], message: "Unsupported escape '\\x'" },
  { text: 'pod:api\\-1', offset: 7, expected: ['escaped character'], message: "Unsupported escape '\\-'" },
  { text: 'a:b\\', offset: 4, expected: ['escaped character'], message: "after '\\' but found end of query" },
  { text: 'a:\\u12', offset: 2, expected: ['escaped character'], message: "'\\u'" },
  {
    text: 'a:or',
    offset: 2,
    expected: VALUE,
    message: `=Expected a value after ':' but found 'or' (to search for the word, quote it: "or")`,
  },
  {
    text: 'and a',
    offset: 0,
    expected: CLAUSE,
    message: `=Expected a field, a value, 'not' or '(' but found 'and' (to search for the word, quote it: "and")`,
  },
  {
    text: '(and)',
    offset: 1,
    expected: CLAUSE,
    message: `=Expected a query after '(' but found 'and' (to search for the word, quote it: "and")`,
  },
  {
    text: 'a:{or}',
    offset: 3,
    expected: CLAUSE,
    message: `=Expected a query after '{' but found 'or' (to search for the word, quote it: "or")`,
  },
  { text: 'a:(', offset: 3, expected: ['value', '"', '(', 'not'], message: "=Expected a value after '(' but found end of query" },
  { text: 'a:(}', offset: 3, expected: ['value', '"', '(', 'not'], message: "=Expected a value after '(' but found '}'" },
  { text: 'a:(<3)', offset: 3, expected: VALUE, message: "=Expected a value after '(' but found '<'" },
  {
    text: 'a:1 not b:2',
    offset: 4,
    expected: AFTER_CLAUSE,
    message: "=Expected 'and', 'or' or end of query but found 'not' (join clauses with 'and' or 'or')",
  },
  {
    text: 'a:1 (b:2)',
    offset: 4,
    expected: AFTER_CLAUSE,
    message: "=Expected 'and', 'or' or end of query but found '(' (join clauses with 'and' or 'or')",
  },
  { text: 'a:1 < 3', offset: 4, expected: AFTER_CLAUSE, message: "=Expected 'and', 'or' or end of query but found '<'" },
  { text: 'a\\x0041', offset: 1, expected: ['escaped character'], message: "Unsupported escape '\\x'" },
  {
    text: 'log:a"b"',
    offset: 5,
    expected: AFTER_CLAUSE,
    message: `=Expected 'and', 'or' or end of query but found '"b"' (join clauses with 'and' or 'or')`,
  },
  { text: 'log:a{b}', offset: 5, expected: AFTER_CLAUSE, message: "=Expected 'and', 'or' or end of query but found '{'" },
  { text: `log:"x" ${'y'.repeat(24)}`, offset: 8, expected: AFTER_CLAUSE, message: `found '${'y'.repeat(24)}' (join` },
  { text: `log:"x" ${'y'.repeat(25)}`, offset: 8, expected: AFTER_CLAUSE, message: `found '${'y'.repeat(21)}…' (join` },
  { text: '"error', offset: 0, expected: ['"'], message: 'never closed', language: 'lucene' },
  {
    text: 'level:"error',
    offset: 6,
    expected: ['"'],
    message: `=Unterminated quoted string: the '"' at offset 6 is never closed`,
    language: 'lucene',
  },
  { text: '(a OR b', offset: 7, expected: [')'], message: "close the '(' at offset 0", language: 'lucene' },
  { text: 'a OR b)', offset: 6, expected: ['end of query'], message: "')' with no matching '('", language: 'lucene' },
  {
    text: 'log:/err(or',
    offset: 4,
    expected: ['/'],
    message: "=Unterminated regular expression: the '/' at offset 4 is never closed",
    language: 'lucene',
  },
  // Inside a regular expression a quote or a parenthesis is text; an escaped slash does not close it.
  { text: 'log:/a")/ OR (b', offset: 15, expected: [')'], message: "close the '(' at offset 13", language: 'lucene' },
  { text: 'log:/a\\/b', offset: 4, expected: ['/'], message: 'never closed', language: 'lucene' },
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected the query to be refused');
}

describe('syntax errors: offset, expected tokens, message', () => {
  test.each(SYNTAX_ERRORS)('$text', ({ text, offset, expected, message, language }) => {
    const err = thrown(() => compileQuery({ language: language ?? 'kql', text }, {}));
    expect(err).toBeInstanceOf(QuerySyntaxError);
    const syntax = err as QuerySyntaxError;
    expect({ offset: syntax.offset, expected: syntax.expected }).toStrictEqual({ offset, expected });
    if (message.startsWith('=')) expect(syntax.message).toBe(message.slice(1));
    else expect(syntax.message).toContain(message);
  });
});

interface RejectCase {
  name: string;
  text: string;
  ctx?: QueryContext;
  offset: number;
  message: string;
}

const deep = (levels: number) => `${'('.repeat(levels)}a:1${')'.repeat(levels)}`;
const clauses = (count: number) => Array.from({ length: count }, (_, i) => `f:${i}`).join(' or ');
/** `count` clauses made by `make`, joined with ' or '. */
const joined = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(' or ');
const stars = (count: number) => Array.from({ length: count }, (_, i) => `f:v${i}*`).join(' or ');
const wide = (fields: number): QueryContext => ({
  fields: new Map(Array.from({ length: fields }, (_, i) => [`labels.l${i}`, { type: 'keyword' }] as const)),
});
const WIDE = wide(300);

const REJECTIONS: RejectCase[] = [
  { name: 'nested without mapping', text: 'a:{ b:c }', offset: 0, message: '=nested field queries need a nested mapping; a is not nested' },
  { name: 'nested on a non-nested field', text: 'x or level:{ x:y }', ctx: TYPED, offset: 5, message: 'level is not nested' },
  { name: 'nested inner path', text: 'spans:{ name:{ x:y } }', ctx: TYPED, offset: 8, message: 'spans.name is not nested' },
  {
    name: 'nested on an unknown field',
    text: 'nope:{ x:y }',
    ctx: TYPED,
    offset: 0,
    message: '=nested field queries need a nested mapping; nope is not nested',
  },
  {
    name: 'leading wildcard, two large text fields',
    text: '*rror',
    ctx: { largeTextFields: ['log', 'message'] },
    offset: 0,
    message: 'large text fields (log, message)',
  },
  { name: 'nested wildcard path', text: 'sp*:{ name:x }', ctx: TYPED, offset: 0, message: 'without wildcards' },
  {
    name: 'leading wildcard on large text',
    text: 'log:*error',
    ctx: TYPED,
    offset: 4,
    message: 'Leading wildcards are not allowed on large text fields (log)',
  },
  { name: 'leading wildcard in free text', text: 'x:1 and *error', ctx: TYPED, offset: 8, message: "'*error' would scan every term" },
  { name: 'leading wildcard via field pattern', text: 'l*:*rror', ctx: TYPED, offset: 3, message: '(log)' },
  { name: 'leading wildcard via unexpanded pattern', text: 'lo*:*rror', ctx: { largeTextFields: ['log'] }, offset: 4, message: '(log)' },
  { name: 'range on an unexpandable pattern', text: 'labels.* > 3', offset: 0, message: 'A range needs concrete field names' },
  { name: 'too long', text: 'a'.repeat(QUERY_LIMITS.maxLength + 1), offset: QUERY_LIMITS.maxLength, message: 'at most 4096' },
  { name: 'too deep', text: deep(QUERY_LIMITS.maxDepth + 1), offset: QUERY_LIMITS.maxDepth, message: 'deeper than 20' },
  { name: 'too deep with not', text: `${'not ('.repeat(11)}a:1${')'.repeat(11)}`, offset: 50, message: 'deeper than 20' },
  { name: 'too deep in values', text: `f:${deep(QUERY_LIMITS.maxDepth + 1)}`, offset: 22, message: 'deeper than 20' },
  {
    name: 'too many clauses',
    text: clauses(QUERY_LIMITS.maxClauses + 1),
    offset: clauses(257).lastIndexOf('f:256') + 2,
    message: 'more than 256 clauses',
  },
  { name: 'too many clauses after expansion', text: 'labels.*:x', ctx: WIDE, offset: 0, message: 'more than 256 clauses' },
  { name: 'one field too many after expansion', text: 'labels.*:x', ctx: wide(257), offset: 0, message: 'more than 256 clauses' },
  { name: 'too many wildcards', text: stars(17), offset: stars(17).lastIndexOf('v16'), message: 'more than 16 wildcards' },
  {
    name: 'too many wildcards in free text',
    text: joined(17, (i) => `v${i}*`),
    offset: joined(17, (i) => `v${i}*`).lastIndexOf('v16'),
    message: 'more than 16 wildcards',
  },
  {
    name: 'too many wildcards in field names',
    text: joined(17, (i) => `f${i}*:x`),
    offset: joined(17, (i) => `f${i}*:x`).lastIndexOf('f16'),
    message: 'more than 16 wildcards',
  },
  {
    name: 'too many wildcards in range fields',
    text: joined(17, (i) => `f${i}* > 1`),
    offset: joined(17, (i) => `f${i}* > 1`).lastIndexOf('f16'),
    message: 'more than 16 wildcards',
  },
  {
    name: 'too many wildcards in grouped fields',
    text: joined(17, (i) => `f${i}*:(x)`),
    offset: joined(17, (i) => `f${i}*:(x)`).lastIndexOf('f16'),
    message: 'more than 16 wildcards',
  },
  {
    name: 'too many ranges',
    text: joined(257, (i) => `b > ${i}`),
    offset: joined(256, (i) => `b > ${i}`).length + 4,
    message: 'more than 256 clauses',
  },
  { name: 'too deep in nested queries', text: `${'a:{'.repeat(21)}b:1${'}'.repeat(21)}`, offset: 62, message: 'deeper than 20' },
  { name: 'too deep with not in values', text: `f:${'(not '.repeat(11)}a${')'.repeat(11)}`, offset: 52, message: 'deeper than 20' },
];

describe('rejected before reaching the engine', () => {
  test.each(REJECTIONS)('$name', ({ text, ctx, offset, message }) => {
    const err = thrown(() => compileQuery({ language: 'kql', text }, ctx ?? {}));
    expect(err).toBeInstanceOf(QueryRejectedError);
    const rejected = err as QueryRejectedError;
    if (message.startsWith('=')) expect(rejected.message).toBe(message.slice(1));
    else expect(rejected.message).toContain(message);
    expect(rejected.offset).toBe(offset);
  });

  test('depth counts what is open, not what was opened: siblings do not add up', () => {
    for (const text of [joined(25, (i) => `not a:${i}`), joined(25, (i) => `(a:${i})`), `f:(${joined(25, (i) => `not v${i}`)})`]) {
      expect(compileQuery({ language: 'kql', text }, {})).not.toBeNull();
    }
  });

  test('field wildcards are counted once per clause, values once each, and exists is free', () => {
    // One field wildcard and 17 values: 1 wildcard.
    expect(compileQuery({ language: 'kql', text: `l*:(${joined(17, (i) => `v${i}`)})` }, {})).not.toBeNull();
    // 17 ranges or groups on plain fields: no wildcard at all.
    expect(compileQuery({ language: 'kql', text: joined(17, (i) => `b > ${i}`) }, {})).not.toBeNull();
    expect(compileQuery({ language: 'kql', text: joined(17, (i) => `f${i}:(x)`) }, {})).not.toBeNull();
    // 17 exists clauses: `field:*` makes the engine scan no terms.
    expect(compileQuery({ language: 'kql', text: joined(17, (i) => `f${i}:*`) }, {})).not.toBeNull();
  });

  test('limits are inclusive: exactly at each limit still compiles', () => {
    expect(compileQuery({ language: 'kql', text: deep(QUERY_LIMITS.maxDepth) }, {})).not.toBeNull();
    expect(compileQuery({ language: 'kql', text: clauses(QUERY_LIMITS.maxClauses) }, {})).not.toBeNull();
    expect(compileQuery({ language: 'kql', text: stars(QUERY_LIMITS.maxWildcards) }, {})).not.toBeNull();
    expect(compileQuery({ language: 'kql', text: 'labels.*:x' }, wide(QUERY_LIMITS.maxClauses))).not.toBeNull();
    const long = `log:${'x'.repeat(QUERY_LIMITS.maxLength - 4)}`;
    expect(compileQuery({ language: 'kql', text: long }, {})).not.toBeNull();
  });

  test('the Lucene length limit is the same', () => {
    const text = 'a'.repeat(QUERY_LIMITS.maxLength + 1);
    expect(thrown(() => compileQuery({ language: 'lucene', text }, {}))).toBeInstanceOf(QueryRejectedError);
  });

  test('leading wildcards on keyword fields, and exists, stay allowed', () => {
    expect(() => compileQuery({ language: 'kql', text: 'kubernetes.pod_name:*-x and log:*' }, TYPED)).not.toThrow();
  });
});
