import { describe, expect, it } from 'vitest';
import type { Filter } from '@/lib/schema/search';
import { applyValueFilter, removeFilterAt, toggleDisabledAt, toggleNegateAt, valueFilterState } from './filters';

const ns = (value: string, negate = false, disabled = false): Filter => ({
  field: 'kubernetes.namespace_name',
  op: 'is',
  value,
  negate,
  disabled,
});

describe('filter changes', () => {
  it('adds an include filter', () => {
    expect(applyValueFilter([], 'kubernetes.namespace_name', 'payments', false)).toEqual([ns('payments')]);
  });

  it('flips an existing filter instead of adding a contradicting one', () => {
    const after = applyValueFilter([ns('payments'), ns('web')], 'kubernetes.namespace_name', 'payments', true);
    expect(after).toEqual([ns('payments', true), ns('web')]);
  });

  it('re-enables a disabled filter when its value is picked again', () => {
    expect(applyValueFilter([ns('web', false, true)], 'kubernetes.namespace_name', 'web', false)).toEqual([ns('web')]);
  });

  it('removes, negates and disables by position', () => {
    const list = [ns('a'), ns('b')];
    expect(removeFilterAt(list, 0)).toEqual([ns('b')]);
    expect(toggleNegateAt(list, 1)).toEqual([ns('a'), ns('b', true)]);
    expect(toggleDisabledAt(list, 0)).toEqual([ns('a', false, true), ns('b')]);
  });

  it('reports whether a value is included or excluded, ignoring disabled filters', () => {
    const list = [ns('a'), ns('b', true), ns('c', false, true)];
    expect(valueFilterState(list, 'kubernetes.namespace_name', 'a')).toBe('included');
    expect(valueFilterState(list, 'kubernetes.namespace_name', 'b')).toBe('excluded');
    expect(valueFilterState(list, 'kubernetes.namespace_name', 'c')).toBeNull();
  });
});
