import { describe, expect, it } from 'vitest';
import type { Filter } from '@/lib/schema/search';
import { SEARCH_LIMITS } from '@/lib/schema/search';
import {
  addFilter,
  applyValueFilter,
  removeFilterAt,
  replaceFilterAt,
  toggleDisabledAt,
  toggleNegateAt,
  valueFilterState,
} from './filters';

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

  it('adds a filter from the form, replacing one with the same condition instead of stacking', () => {
    const between: Filter = { field: '@timestamp', op: 'between', value: { gte: 'now-1h' }, negate: false, disabled: false };
    const oneOf: Filter = { field: 'level', op: 'is_one_of', value: ['error', 'warn'], negate: true, disabled: false };
    expect(addFilter([ns('a')], between)).toEqual([ns('a'), between]);
    expect(addFilter([ns('a', false, true), between], ns('a', true))).toEqual([ns('a', true), between]);
    expect(addFilter([oneOf], { ...oneOf, value: ['error'] })).toEqual([oneOf, { ...oneOf, value: ['error'] }]);
    const full = Array.from({ length: SEARCH_LIMITS.maxFilters }, (_, i) => ns(`v${i}`));
    expect(addFilter(full, between)).toBe(full);
  });

  it('replaces an edited filter in its place', () => {
    const exists: Filter = { field: 'stream', op: 'exists', negate: false, disabled: true };
    expect(replaceFilterAt([ns('a'), ns('b'), ns('c')], 1, exists)).toEqual([ns('a'), exists, ns('c')]);
  });

  it('flips only the filter with the same field and value', () => {
    const level: Filter = { field: 'level', op: 'is', value: 'payments', negate: false, disabled: false };
    const oneOf: Filter = { field: 'kubernetes.namespace_name', op: 'is_one_of', value: ['payments'], negate: false, disabled: false };
    const list = [level, oneOf, ns('web'), ns('payments')];
    expect(applyValueFilter(list, 'kubernetes.namespace_name', 'payments', true)).toEqual([level, oneOf, ns('web'), ns('payments', true)]);
    expect(applyValueFilter([level, ns('web')], 'kubernetes.namespace_name', 'payments', true)).toEqual([
      level,
      ns('web'),
      ns('payments', true),
    ]);
  });

  it(`adds no value filter to a list of ${SEARCH_LIMITS.maxFilters}, but still flips one in it`, () => {
    const full = Array.from({ length: SEARCH_LIMITS.maxFilters }, (_, i) => ns(`v${i}`));
    expect(applyValueFilter(full, 'kubernetes.namespace_name', 'new', false)).toBe(full);
    expect(applyValueFilter(full, 'kubernetes.namespace_name', 'v3', true)[3]).toEqual(ns('v3', true));
    expect(applyValueFilter(full.slice(1), 'kubernetes.namespace_name', 'new', false)).toHaveLength(SEARCH_LIMITS.maxFilters);
  });

  it('reports a value as filtered only for its own field', () => {
    const level: Filter = { field: 'level', op: 'is', value: 'a', negate: true, disabled: false };
    expect(valueFilterState([level], 'kubernetes.namespace_name', 'a')).toBeNull();
    expect(valueFilterState([level, ns('a')], 'kubernetes.namespace_name', 'a')).toBe('included');
  });
});
