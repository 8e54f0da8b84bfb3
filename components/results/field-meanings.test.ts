import { describe, expect, it } from 'vitest';
import type { SearchHit } from '@/lib/schema/search';
import { fieldsInRows, formatFieldValue, makeFieldResolver } from './field-meanings';

describe('makeFieldResolver', () => {
  it("maps a meaning to the source's field and leaves field names alone", () => {
    const resolve = makeFieldResolver({ namespace: 'kubernetes.namespace_name', level: 'log.level' });
    expect(resolve('namespace')).toBe('kubernetes.namespace_name');
    expect(resolve('level')).toBe('log.level');
    // A meaning the source lacks stays itself (an empty column), as does any field name.
    expect(resolve('pod')).toBe('pod');
    expect(resolve('kubernetes.host')).toBe('kubernetes.host');
  });
});

describe('formatFieldValue', () => {
  it('shows values as text', () => {
    expect(formatFieldValue(undefined)).toBe('');
    expect(formatFieldValue(null)).toBe('');
    expect(formatFieldValue(0)).toBe('0');
    expect(formatFieldValue(false)).toBe('false');
    expect(formatFieldValue(['a', 1, ['b']])).toBe('a, 1, b');
    expect(formatFieldValue({ a: 1 })).toBe('{"a":1}');
  });
});

describe('fieldsInRows', () => {
  it('collects field names from the first rows only', () => {
    const hit = (fields: Record<string, unknown>): SearchHit => ({ id: 'x', index: 'i', timestamp: '', message: '', fields });
    const names = fieldsInRows([hit({ a: 1 }), hit({ b: 2, a: 3 }), hit({ c: 4 })], 2);
    expect([...names].sort()).toEqual(['a', 'b']);
  });
});
