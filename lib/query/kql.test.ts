/** KQL text → expected DSL, one row per construct, checked against Kibana's translation rules. */
import type { estypes } from '@elastic/elasticsearch';
import { describe, expect, test } from 'vitest';
import { compileQuery, parseKql, type QueryContext } from './index';
import { and, exists, freePhrase, freeText, match, nested, not, or, phrase, range, TYPED, wildcard } from './kql-test-helpers';

/** Map order deliberately unsorted: expanded fields come out sorted. */
const SHAPES: QueryContext = {
  fields: new Map([
    ['z', { type: 'keyword' }],
    ['o', { type: 'object' }],
    ['o.c', { type: 'keyword' }],
    ['a', { type: 'nested' }],
    ['a.b', { type: 'keyword' }],
    ['_id', { type: '_id' }],
  ]),
};

interface Case {
  text: string;
  dsl: estypes.QueryDslQueryContainer | null;
  ctx?: QueryContext;
}

const CASES: Case[] = [
  // blank
  { text: '', dsl: null },
  { text: '   \t\n', dsl: null },
  // field:value and phrases
  { text: 'level:error', dsl: match('level', 'error') },
  { text: 'level: error', dsl: match('level', 'error') },
  { text: 'level :error', dsl: match('level', 'error') },
  { text: 'kubernetes.namespace_name:payments', dsl: match('kubernetes.namespace_name', 'payments') },
  { text: 'status:200', dsl: match('status', '200') },
  { text: 'log:connection refused', dsl: match('log', 'connection refused') },
  { text: 'log:connection   refused  ', dsl: match('log', 'connection   refused') },
  { text: 'log:"connection refused"', dsl: phrase('log', 'connection refused') },
  { text: 'log:"a \\"quoted\\" word"', dsl: phrase('log', 'a "quoted" word') },
  { text: 'path:"C:\\\\temp"', dsl: phrase('path', 'C:\\temp') },
  { text: 'log:"a\\*b (c)"', dsl: phrase('log', 'a\\*b (c)') },
  { text: 'log:"line\\nbreak"', dsl: phrase('log', 'line\nbreak') },
  { text: '"kubernetes.pod_name":api-1', dsl: match('kubernetes.pod_name', 'api-1') },
  { text: 'user:caf\\u00e9', dsl: match('user', 'café') },
  { text: 'level:true', dsl: match('level', 'true') },
  // free text
  { text: 'timeout', dsl: freeText('timeout') },
  { text: 'connection refused', dsl: freeText('connection refused') },
  { text: '"connection refused"', dsl: freePhrase('connection refused') },
  { text: '  timeout  ', dsl: freeText('timeout') },
  { text: 'knot or nothing', dsl: or(freeText('knot'), freeText('nothing')) },
  { text: 'android:x', dsl: match('android', 'x') },
  // wildcards in values
  { text: 'kubernetes.pod_name:api-*', dsl: wildcard('kubernetes.pod_name', 'api\\-*') },
  { text: 'pod:a*b*c', dsl: wildcard('pod', 'a*b*c') },
  { text: 'path:/var/log/*.log', dsl: wildcard('path', '\\/var\\/log\\/*.log') },
  { text: 'pod:api-* and x:y', dsl: and(wildcard('pod', 'api\\-*'), match('x', 'y')) },
  { text: 'api-*', dsl: { query_string: { query: 'api\\-*' } } },
  { text: 'log:GET OR*', dsl: wildcard('log', 'GET OR*') },
  { text: 'log:\\OR x*', dsl: wildcard('log', '\\OR x*') },
  { text: 'pod:*-worker', dsl: wildcard('pod', '*\\-worker') },
  { text: 'pod:**x', dsl: wildcard('pod', '**x') },
  { text: 'log:*error', dsl: wildcard('log', '*error') },
  { text: 'kubernetes.pod_name:*-worker', dsl: wildcard('kubernetes.pod_name', '*\\-worker'), ctx: TYPED },
  { text: '*', dsl: { match_all: {} } },
  // exists and escaped/quoted stars
  { text: 'level:*', dsl: exists('level') },
  { text: 'level: * ', dsl: exists('level') },
  { text: '*:*', dsl: { match_all: {} } },
  { text: 'pod:\\*', dsl: match('pod', '*') },
  { text: 'pod:"api-*"', dsl: phrase('pod', 'api-*') },
  { text: 'pod:x\\*', dsl: match('pod', 'x*') },
  // wildcards in field names
  { text: 'kubernetes.labels.*:web', dsl: wildcard('kubernetes.labels.*', 'web') },
  { text: 'kubernetes.labels.*:"a b"', dsl: wildcard('kubernetes.labels.*', '"a b"') },
  { text: 'kubernetes.labels.*:*', dsl: exists('kubernetes.labels.*') },
  {
    text: 'kubernetes.labels.*:web',
    ctx: TYPED,
    dsl: or(match('kubernetes.labels.app', 'web'), match('kubernetes.labels.tier', 'web')),
  },
  {
    text: 'kubernetes.labels.*:*',
    ctx: TYPED,
    dsl: or(exists('kubernetes.labels.app'), exists('kubernetes.labels.tier')),
  },
  {
    text: 'kubernetes.labels.*:we*',
    ctx: TYPED,
    dsl: or(wildcard('kubernetes.labels.app', 'we*'), wildcard('kubernetes.labels.tier', 'we*')),
  },
  { text: 'kubernetes.labels.a*:web', ctx: TYPED, dsl: match('kubernetes.labels.app', 'web') },
  { text: 'kubernetes.*.app:web', ctx: TYPED, dsl: match('kubernetes.labels.app', 'web') },
  { text: 'nomatch.*:x', ctx: TYPED, dsl: { match_none: {} } },
  { text: '_*:abc', ctx: TYPED, dsl: match('_id', 'abc') },
  { text: '_i*:abc', ctx: TYPED, dsl: match('_id', 'abc') },
  // objects and nested fields are not searchable themselves; meta fields only when asked for; sorted
  { text: '*:x', ctx: SHAPES, dsl: or(match('a.b', 'x'), match('o.c', 'x'), match('z', 'x')) },
  {
    text: 'kubernetes.*:web',
    ctx: TYPED,
    dsl: or(match('kubernetes.labels.app', 'web'), match('kubernetes.labels.tier', 'web'), match('kubernetes.pod_name', 'web')),
  },
  // a leading wildcard is refused only on a known large text field
  { text: '*rror', dsl: { query_string: { query: '*rror' } } },
  { text: '*:*rror', dsl: { query_string: { fields: ['*'], query: '*rror' } } },
  { text: 'err*', ctx: TYPED, dsl: { query_string: { query: 'err*' } } },
  { text: 'log:err*', ctx: TYPED, dsl: wildcard('log', 'err*') },
  // ranges
  { text: 'bytes > 1000', dsl: range('bytes', { gt: '1000' }) },
  { text: 'bytes >= 1000', dsl: range('bytes', { gte: '1000' }) },
  { text: 'bytes < 10', dsl: range('bytes', { lt: '10' }) },
  { text: 'bytes <= 10', dsl: range('bytes', { lte: '10' }) },
  { text: 'bytes>=10 and bytes<20', dsl: and(range('bytes', { gte: '10' }), range('bytes', { lt: '20' })) },
  { text: '@timestamp >= now-1h', dsl: range('@timestamp', { gte: 'now-1h' }) },
  { text: '@timestamp<now/d', dsl: range('@timestamp', { lt: 'now/d' }) },
  { text: '@timestamp < "2026-11-27T16:00:00Z"', dsl: range('@timestamp', { lt: '2026-11-27T16:00:00Z' }) },
  { text: '@timestamp > 2026-11-27T16\\:00', dsl: range('@timestamp', { gt: '2026-11-27T16:00' }) },
  {
    text: 'kubernetes.labels.* > 3',
    ctx: TYPED,
    dsl: or(range('kubernetes.labels.app', { gt: '3' }), range('kubernetes.labels.tier', { gt: '3' })),
  },
  // exact dates become a closed range (Kibana: match cannot take a time zone)
  { text: '@timestamp:2026-11-27', ctx: TYPED, dsl: range('@timestamp', { gte: '2026-11-27', lte: '2026-11-27' }) },
  { text: '@timestamp:"2026-11-27"', ctx: TYPED, dsl: range('@timestamp', { gte: '2026-11-27', lte: '2026-11-27' }) },
  { text: '@timestamp:2026-11-27', dsl: match('@timestamp', '2026-11-27') },
  {
    text: 'ts:2026-11-27',
    ctx: { fields: new Map([['ts', { type: 'date_nanos' }]]) },
    dsl: range('ts', { gte: '2026-11-27', lte: '2026-11-27' }),
  },
  { text: 'level:error', ctx: TYPED, dsl: match('level', 'error') },
  // boolean operators and precedence: not > and > or
  { text: 'a:1 and b:2', dsl: and(match('a', '1'), match('b', '2')) },
  { text: 'a:1 AND b:2', dsl: and(match('a', '1'), match('b', '2')) },
  { text: 'a:1 or b:2', dsl: or(match('a', '1'), match('b', '2')) },
  { text: 'a:1 Or b:2', dsl: or(match('a', '1'), match('b', '2')) },
  { text: 'not a:1', dsl: not(match('a', '1')) },
  { text: 'NOT a:1', dsl: not(match('a', '1')) },
  { text: 'a:1 or b:2 and c:3', dsl: or(match('a', '1'), and(match('b', '2'), match('c', '3'))) },
  { text: 'a:1 and b:2 or c:3', dsl: or(and(match('a', '1'), match('b', '2')), match('c', '3')) },
  { text: '(a:1 or b:2) and c:3', dsl: and(or(match('a', '1'), match('b', '2')), match('c', '3')) },
  { text: 'a:1 and b:2 and c:3', dsl: and(match('a', '1'), match('b', '2'), match('c', '3')) },
  { text: 'a:1 or b:2 or c:3', dsl: or(match('a', '1'), match('b', '2'), match('c', '3')) },
  { text: 'not a:1 and b:2', dsl: and(not(match('a', '1')), match('b', '2')) },
  { text: 'not a:1 or b:2', dsl: or(not(match('a', '1')), match('b', '2')) },
  { text: 'not (a:1 or b:2)', dsl: not(or(match('a', '1'), match('b', '2'))) },
  { text: 'not(a:1)', dsl: not(match('a', '1')) },
  { text: 'a:1 and not b:2 or c:3', dsl: or(and(match('a', '1'), not(match('b', '2'))), match('c', '3')) },
  { text: '((a:1))', dsl: match('a', '1') },
  { text: '( a:1 or ( b:2 ) )', dsl: or(match('a', '1'), match('b', '2')) },
  { text: 'error or warn', dsl: or(freeText('error'), freeText('warn')) },
  { text: 'a:1\u00a0and\u00a0b:2', dsl: and(match('a', '1'), match('b', '2')) },
  { text: 'a:1\nor\tb:2', dsl: or(match('a', '1'), match('b', '2')) },
  // grouped values
  { text: 'level:(error or warn)', dsl: or(match('level', 'error'), match('level', 'warn')) },
  { text: 'level:(error and not warn)', dsl: and(match('level', 'error'), not(match('level', 'warn'))) },
  {
    text: 'level:(error or warn or info)',
    dsl: or(match('level', 'error'), match('level', 'warn'), match('level', 'info')),
  },
  { text: 'level:( error OR warn )', dsl: or(match('level', 'error'), match('level', 'warn')) },
  { text: 'level:(a or b and c)', dsl: or(match('level', 'a'), and(match('level', 'b'), match('level', 'c'))) },
  { text: 'level:(a or (b and c))', dsl: or(match('level', 'a'), and(match('level', 'b'), match('level', 'c'))) },
  { text: 'level:(not debug)', dsl: not(match('level', 'debug')) },
  { text: 'log:("timed out" or refused)', dsl: or(phrase('log', 'timed out'), match('log', 'refused')) },
  { text: 'pod:(api-* or web)', dsl: or(wildcard('pod', 'api\\-*'), match('pod', 'web')) },
  {
    text: 'level:(error or warn) and kubernetes.namespace_name:payments',
    dsl: and(or(match('level', 'error'), match('level', 'warn')), match('kubernetes.namespace_name', 'payments')),
  },
  {
    text: 'kubernetes.labels.*:(a or b)',
    ctx: TYPED,
    dsl: or(
      or(match('kubernetes.labels.app', 'a'), match('kubernetes.labels.tier', 'a')),
      or(match('kubernetes.labels.app', 'b'), match('kubernetes.labels.tier', 'b')),
    ),
  },
  // escaping
  { text: 'log:a\\:b', dsl: match('log', 'a:b') },
  { text: 'log:\\(x\\)', dsl: match('log', '(x)') },
  { text: 'log:\\"x\\"', dsl: match('log', '"x"') },
  { text: 'log:a\\\\b', dsl: match('log', 'a\\b') },
  { text: 'log:\\<x\\>', dsl: match('log', '<x>') },
  { text: 'log:\\{x\\}', dsl: match('log', '{x}') },
  { text: 'log:a\\tb', dsl: match('log', 'a\tb') },
  { text: 'log:\\and', dsl: match('log', 'and') },
  { text: 'log:\\OR', dsl: match('log', 'OR') },
  { text: 'log:\\not', dsl: match('log', 'not') },
  { text: 'log:"and"', dsl: phrase('log', 'and') },
  { text: 'log:cats \\and dogs', dsl: match('log', 'cats and dogs') },
  { text: '\\and', dsl: freeText('and') },
  { text: 'log:a\\rb', dsl: match('log', 'a\rb') },
  // Kibana trims a word's text after unescaping, so escaped blanks at its ends go
  { text: 'log:\\tx y\\n', dsl: match('log', 'x y') },
  { text: 'log:\\ta*b\\t', dsl: wildcard('log', 'a*b') },
  { text: 'log:a\\nothing', dsl: match('log', 'a\nothing') },
  { text: 'log:\\NOT', dsl: match('log', 'NOT') },
  { text: 'log:\\Or\\AND', dsl: match('log', 'OrAND') },
  { text: 'log:"caf\\u00e9 \\t\\r\\n"', dsl: phrase('log', 'café \t\r\n') },
  // inside quotes a backslash that starts no escape is kept as typed
  { text: 'path:"C:\\x00ff"', dsl: phrase('path', 'C:\\x00ff') },
  { text: 'path:"C:\\u12"', dsl: phrase('path', 'C:\\u12') },
  { text: 'a:1\r\nor\rb:2', dsl: or(match('a', '1'), match('b', '2')) },
  { text: 'my\\:field:x', dsl: match('my:field', 'x') },
  // nested (only with a nested mapping)
  { text: 'spans:{ name:db }', ctx: TYPED, dsl: nested('spans', match('spans.name', 'db')) },
  { text: 'spans:{ name:* }', ctx: TYPED, dsl: nested('spans', exists('spans.name')) },
  {
    text: 'spans:{ name:db and tags:{ key:env } }',
    ctx: TYPED,
    dsl: nested('spans', and(match('spans.name', 'db'), nested('spans.tags', match('spans.tags.key', 'env')))),
  },
  { text: 'not spans:{name:"a b"}', ctx: TYPED, dsl: not(nested('spans', phrase('spans.name', 'a b'))) },
  { text: 'spans:{ not name:db }', ctx: TYPED, dsl: nested('spans', not(match('spans.name', 'db'))) },
  {
    text: 'spans:{ name:db and not tags:{ key:env } }',
    ctx: TYPED,
    dsl: nested('spans', and(match('spans.name', 'db'), not(nested('spans.tags', match('spans.tags.key', 'env'))))),
  },
  // `?` is a wildcard to query_string but a plain character in KQL
  { text: 'pod:api?-*', dsl: wildcard('pod', 'api\\?\\-*') },
  { text: 'log:why?', dsl: match('log', 'why?') },
  { text: 'kubernetes.labels.*:a?b', dsl: wildcard('kubernetes.labels.*', 'a\\?b') },
];

describe('compileQuery: KQL → DSL', () => {
  test.each(CASES)('$text', ({ text, dsl, ctx }) => {
    expect(compileQuery({ language: 'kql', text }, ctx ?? {})).toStrictEqual(dsl);
  });

  test('the table is large enough to cover the language', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(70);
  });

  test('output is deterministic plain JSON', () => {
    for (const { text, ctx } of CASES.filter((c) => c.dsl !== null)) {
      const first = JSON.stringify(compileQuery({ language: 'kql', text }, ctx ?? {}));
      const second = JSON.stringify(compileQuery({ language: 'kql', text }, ctx ?? {}));
      expect(second).toBe(first);
      expect(JSON.parse(first)).toStrictEqual(compileQuery({ language: 'kql', text }, ctx ?? {}));
    }
  });
});

describe('parseKql', () => {
  test('gives no tree for a blank query (callers other than compileQuery parse too)', () => {
    expect(parseKql('')).toBeNull();
    expect(parseKql(' \t\n\u00a0')).toBeNull();
  });
});

describe('compileQuery: Lucene', () => {
  test('goes to query_string as typed, the way Kibana sends it', () => {
    expect(compileQuery({ language: 'lucene', text: 'level:error AND pod:api*' }, {})).toStrictEqual({
      query_string: { query: 'level:error AND pod:api*', analyze_wildcard: true, allow_leading_wildcard: false },
    });
  });
  test('blank is match-everything', () => {
    expect(compileQuery({ language: 'lucene', text: '  ' }, {})).toBeNull();
  });
  test('balanced quotes and escaped characters pass', () => {
    const text = 'log:"a ( \\" b" AND x:\\(';
    expect(compileQuery({ language: 'lucene', text }, {})).toStrictEqual({
      query_string: { query: text, analyze_wildcard: true, allow_leading_wildcard: false },
    });
  });
});
