import { describe, expect, it } from 'vitest';
import { parseKql } from '@/lib/query';
import { applyKqlCompletion, escapeKqlField, quoteKqlValue, type KqlCompletion } from './kql-complete';
import { analyzeKqlCursor, type KqlCursorContext } from './kql-cursor';

/** `|` marks the cursor; the replaced range is given as the text it covers. */
function at(marked: string): { text: string; cursor: number } {
  const cursor = marked.indexOf('|');
  if (cursor < 0) throw new Error(`no cursor in ${marked}`);
  return { text: marked.slice(0, cursor) + marked.slice(cursor + 1), cursor };
}

type Expected =
  | { kind: 'none' }
  | { kind: 'field'; prefix: string; replaces: string; allowNot?: boolean }
  | { kind: 'value'; field: string; prefix: string; replaces: string; quoted?: boolean }
  | { kind: 'operator'; field: string; replaces: string }
  | { kind: 'boolean'; prefix: string; replaces: string; inGroup?: boolean };

function simplify(text: string, ctx: KqlCursorContext): Expected {
  if (ctx.kind === 'none') return ctx;
  const replaces = text.slice(ctx.from, ctx.to);
  switch (ctx.kind) {
    case 'field':
      return { kind: 'field', prefix: ctx.prefix, replaces, ...(ctx.allowNot ? {} : { allowNot: false }) };
    case 'value':
      return { kind: 'value', field: ctx.field, prefix: ctx.prefix, replaces, ...(ctx.quoted ? { quoted: true } : {}) };
    case 'operator':
      return { kind: 'operator', field: ctx.field, replaces };
    case 'boolean':
      return { kind: 'boolean', prefix: ctx.prefix, replaces, ...(ctx.inGroup ? { inGroup: true } : {}) };
  }
}

const field = (prefix: string, replaces = prefix, allowNot = true): Expected => ({
  kind: 'field',
  prefix,
  replaces,
  ...(allowNot ? {} : { allowNot }),
});
const value = (f: string, prefix: string, replaces = prefix, quoted = false): Expected => ({
  kind: 'value',
  field: f,
  prefix,
  replaces,
  ...(quoted ? { quoted } : {}),
});
const bool = (prefix = '', replaces = prefix, inGroup = false): Expected => ({
  kind: 'boolean',
  prefix,
  replaces,
  ...(inGroup ? { inGroup } : {}),
});
const none: Expected = { kind: 'none' };

describe('analyzeKqlCursor', () => {
  it.each<[string, Expected]>([
    // field names where a clause starts
    ['|', field('')],
    ['kubernetes.na|', field('kubernetes.na')],
    ['kube|rnetes.namespace_name:payments', field('kube', 'kubernetes.namespace_name')],
    ['level:error and kub|', field('kub')],
    ['level:error or |', field('')],
    ['not |', field('', '', false)],
    ['not lev|', field('lev', 'lev', false)],
    ['(lev|', field('lev')],
    ['a:b and (c:d or le|)', field('le')],
    ['  |  ', field('')],
    ['labels\\:x|', field('labels:x', 'labels\\:x')],
    // values after field:
    ['level:|', value('level', '')],
    ['level:er|', value('level', 'er')],
    ['level: er|', value('level', 'er')],
    ['level:er|ror and x', value('level', 'er', 'error')],
    ['level:"pay|', value('level', 'pay', '"pay', true)],
    ['level:"pay|ments" and x', value('level', 'pay', '"payments"', true)],
    ['level:"a \\"b|', value('level', 'a "b', '"a \\"b', true)],
    ['kubernetes.namespace_name:kube-|', value('kubernetes.namespace_name', 'kube-')],
    ['a:b and level:|', value('level', '')],
    ['not level:w|', value('level', 'w')],
    // values inside a group
    ['level:(|', value('level', '')],
    ['level:(error or wa|', value('level', 'wa')],
    ['level:(error and not |', value('level', '')],
    ['level:(error or (warn and fa|', value('level', 'fa')],
    ['level:("err|', value('level', 'err', '"err', true)],
    // operators after a bare word and a space
    ['level |', { kind: 'operator', field: 'level', replaces: ' ' }],
    ['a:b and level |', { kind: 'operator', field: 'level', replaces: ' ' }],
    ['(level |', { kind: 'operator', field: 'level', replaces: ' ' }],
    // conjunctions after a complete clause
    ['level:error |', bool()],
    ['level:error a|', bool('a')],
    ['level:error an|', bool('an')],
    ['level:error and|', bool('and')],
    ['level:error o|r x:y', bool('o', 'or')],
    ['level:"an error" |', bool()],
    ['(a:b or c:d) |', bool()],
    ['@timestamp >= now-1h |', bool()],
    ['level:(error |', bool('', '', true)],
    ['level:(error o|', bool('o', 'o', true)],
    ['"free text" |', bool()],
    ['level |x', { kind: 'operator', field: 'level', replaces: ' ' }],
    ['|level:error', field('')],
    // nothing to offer
    ['level:error|)', value('level', 'error')],
    ['level:error)|', none],
    ['level:"error"|', none],
    ['@timestamp >= |', none],
    ['@timestamp >= now-|', none],
    ['@timestamp < "2026|', none],
    ['level:err*|', none],
    ['kube*|', none],
    ['labels.*:|', none],
    ['"free te|', none],
    ['level:error \\|', none],
    ['level:\\q|', none],
    ['a:{ b:|', none],
    ['a:{ b:c } and x:|', value('x', '')],
    [':|', none],
    ['level:*|', none],
  ])('%s', (marked, expected) => {
    const { text, cursor } = at(marked);
    expect(simplify(text, analyzeKqlCursor(text, cursor))).toEqual(expected);
  });

  it('clamps a cursor outside the text', () => {
    expect(analyzeKqlCursor('lev', 99)).toMatchObject({ kind: 'field', prefix: 'lev', from: 0, to: 3 });
    expect(analyzeKqlCursor('lev', -5)).toMatchObject({ kind: 'field', prefix: '', from: 0, to: 0 });
  });
});

describe('applyKqlCompletion', () => {
  function apply(marked: string, completion: KqlCompletion): string | null {
    const { text, cursor } = at(marked);
    const result = applyKqlCompletion(text, analyzeKqlCursor(text, cursor), completion);
    return result ? `${result.text.slice(0, result.cursor)}|${result.text.slice(result.cursor)}` : null;
  }

  it.each<[string, KqlCompletion, string | null]>([
    ['kubernetes.na|', { kind: 'field', field: 'kubernetes.namespace_name' }, 'kubernetes.namespace_name:|'],
    ['kube|rnetes.pod_name:x', { kind: 'field', field: 'kubernetes.namespace_name' }, 'kubernetes.namespace_name:|x'],
    ['a:b and le|', { kind: 'field', field: 'level' }, 'a:b and level:|'],
    ['|', { kind: 'field', field: 'weird:name(1)' }, 'weird\\:name\\(1\\):|'],
    ['level:|', { kind: 'value', value: 'error' }, 'level:error |'],
    ['kubernetes.namespace_name:kube-|', { kind: 'value', value: 'kube-system' }, 'kubernetes.namespace_name:kube-system |'],
    ['level:er|ror and x', { kind: 'value', value: 'warn' }, 'level:warn| and x'],
    ['log:|', { kind: 'value', value: 'connection refused' }, 'log:"connection refused" |'],
    ['level:"pay|', { kind: 'value', value: 'payments' }, 'level:"payments" |'],
    ['level:"pay|ments" and x', { kind: 'value', value: 'pay"ments' }, 'level:"pay\\"ments"| and x'],
    ['level:(error or wa|)', { kind: 'value', value: 'warn' }, 'level:(error or warn|)'],
    ['x:|', { kind: 'value', value: 'and' }, 'x:"and" |'],
    ['level |', { kind: 'operator', operator: ':' }, 'level:|'],
    ['level |', { kind: 'operator', operator: ':*' }, 'level:* |'],
    ['@timestamp |', { kind: 'operator', operator: '>=' }, '@timestamp >= |'],
    ['level:error |', { kind: 'boolean', keyword: 'and' }, 'level:error and |'],
    ['level:error o|', { kind: 'boolean', keyword: 'or' }, 'level:error or |'],
    ['level:error |', { kind: 'boolean', keyword: 'and not' }, 'level:error and not |'],
    ['|', { kind: 'boolean', keyword: 'not' }, 'not |'],
    ['a:b and (|', { kind: 'boolean', keyword: 'not' }, 'a:b and (not |'],
    ['level:|', { kind: 'field', field: 'level' }, null],
    ['level:error)|', { kind: 'value', value: 'x' }, null],
  ])('%s + %j → %s', (marked, completion, expected) => {
    expect(apply(marked, completion)).toBe(expected);
  });

  it.each(['payments', 'kube-system', 'a b', 'with "quotes"', 'back\\slash', 'star*', 'x:y', '(p)', 'not', 'OR', '{}', '<>', '日本'])(
    'a picked value %j reads back as itself',
    (picked) => {
      const { text, cursor } = at('f:|');
      const result = applyKqlCompletion(text, analyzeKqlCursor(text, cursor), { kind: 'value', value: picked });
      const ast = parseKql(result!.text);
      expect(ast).toMatchObject({ type: 'is', field: { parts: ['f'] }, value: { parts: [picked] } });
    },
  );

  it('escapes field names so they read back as one literal', () => {
    for (const name of ['kubernetes.labels.app', 'a:b', 'x(y)', 'and', 'with*star']) {
      const ast = parseKql(`${escapeKqlField(name)}:v`);
      expect(ast).toMatchObject({ type: 'is', field: { parts: [name] } });
    }
    expect(quoteKqlValue('plain')).toBe('plain');
    expect(quoteKqlValue('plain', true)).toBe('"plain"');
  });
});
