import { describe, expect, it } from 'vitest';
import { MAX_JSON_KEYS, MAX_JSON_MESSAGE_CHARS, parseJsonMessage } from '@/lib/documents/json-message';

describe('parseJsonMessage', () => {
  it('pretty-prints a JSON line and lists its keys as dotted names', () => {
    const line = '{"level":"error","ts":1764261600.5,"msg":"payment failed","http":{"status":502,"ok":false},"tags":["a","b"],"n":null}';
    const parsed = parseJsonMessage(line);
    expect(parsed?.pretty).toBe(JSON.stringify(JSON.parse(line), null, 2));
    expect(parsed?.keys).toEqual([
      { name: 'level', text: 'error', scalar: true },
      { name: 'ts', text: '1764261600.5', scalar: true },
      { name: 'msg', text: 'payment failed', scalar: true },
      { name: 'http.status', text: '502', scalar: true },
      { name: 'http.ok', text: 'false', scalar: true },
      { name: 'tags', text: '["a","b"]', scalar: false },
      { name: 'n', text: 'null', scalar: false },
    ]);
    expect(parsed?.keysCut).toBe(false);
  });

  it.each([
    ['plain text', 'GET /health 200'],
    ['an array', '[1,2]'],
    ['a string', '"x"'],
    ['broken JSON', '{"a":'],
    ['text around an object', 'msg {"a":1}'],
    ['too long', `{"a":"${'x'.repeat(MAX_JSON_MESSAGE_CHARS)}"}`],
  ])('is null for %s', (_name, line) => {
    expect(parseJsonMessage(line)).toBeNull();
  });

  it('accepts surrounding white space', () => {
    expect(parseJsonMessage('  {"a":1}\n')?.keys).toEqual([{ name: 'a', text: '1', scalar: true }]);
  });

  it('takes __proto__ as an ordinary key and pollutes nothing', () => {
    const parsed = parseJsonMessage('{"__proto__":{"polluted":true},"constructor":"x"}');
    expect(parsed?.keys.map((k) => k.name)).toEqual(['__proto__.polluted', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`lists at most ${MAX_JSON_KEYS} keys and says so`, () => {
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: MAX_JSON_KEYS + 5 }, (_, i) => [`k${i}`, i])));
    const parsed = parseJsonMessage(wide);
    expect(parsed?.keys).toHaveLength(MAX_JSON_KEYS);
    expect(parsed?.keysCut).toBe(true);
  });
});
