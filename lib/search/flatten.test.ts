import { describe, expect, it } from 'vitest';
import { flattenSource, messageText } from '@/lib/search/flatten';

describe('flattenSource', () => {
  it('dots nested keys, keeps arrays and nulls as values', () => {
    expect({ ...flattenSource({ a: { b: 1, c: null }, d: [1, { e: 2 }], f: 'x' }) }).toEqual({
      'a.b': 1,
      'a.c': null,
      d: [1, { e: 2 }],
      f: 'x',
    });
  });

  it.each([null, undefined, 'text', 5])('has no fields for a source that is not an object (%j)', (source) => {
    expect(Object.keys(flattenSource(source))).toEqual([]);
  });
});

describe('messageText', () => {
  it.each([
    ['text', 'text'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [['a', null, 'b'], 'a\n\nb'],
    [{ a: 1 }, '{"a":1}'],
    [42, '42'],
    [false, 'false'],
  ])('%j → %j', (value, text) => {
    expect(messageText(value)).toBe(text);
  });
});
