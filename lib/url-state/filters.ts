/**
 * Changes to the filter list, as pure functions over the URL state's filters. Including or
 * excluding a value that already has a filter flips that filter instead of stacking a second one
 * that contradicts it.
 */
import type { Filter } from '@/lib/schema/search';
import { SEARCH_LIMITS } from '@/lib/schema/limits';

export function applyValueFilter(filters: Filter[], field: string, value: string, negate: boolean): Filter[] {
  const existing = filters.findIndex((f) => f.op === 'is' && f.field === field && f.value === value);
  if (existing >= 0) {
    return filters.map((f, i) => (i === existing ? { ...f, negate, disabled: false } : f));
  }
  if (filters.length >= SEARCH_LIMITS.maxFilters) return filters;
  return [...filters, { field, op: 'is', value, negate, disabled: false }];
}

/** A filter from the filter form; one equal to an existing filter (ignoring its flags) replaces it instead of stacking. */
export function addFilter(filters: Filter[], filter: Filter): Filter[] {
  const same = filters.findIndex((f) => sameCondition(f, filter));
  if (same >= 0) return replaceFilterAt(filters, same, filter);
  if (filters.length >= SEARCH_LIMITS.maxFilters) return filters;
  return [...filters, filter];
}

/** An edited filter takes its old place, so the pills do not jump around. */
export function replaceFilterAt(filters: Filter[], index: number, filter: Filter): Filter[] {
  return filters.map((f, i) => (i === index ? filter : f));
}

function sameCondition(a: Filter, b: Filter): boolean {
  const { negate: _n1, disabled: _d1, ...ca } = a;
  const { negate: _n2, disabled: _d2, ...cb } = b;
  return JSON.stringify(ca) === JSON.stringify(cb);
}

export function removeFilterAt(filters: Filter[], index: number): Filter[] {
  return filters.filter((_, i) => i !== index);
}

export function toggleNegateAt(filters: Filter[], index: number): Filter[] {
  return filters.map((f, i) => (i === index ? { ...f, negate: !f.negate } : f));
}

export function toggleDisabledAt(filters: Filter[], index: number): Filter[] {
  return filters.map((f, i) => (i === index ? { ...f, disabled: !f.disabled } : f));
}

/** The state of a value in the filter list, for showing facet values as included or excluded. */
export function valueFilterState(filters: Filter[], field: string, value: string): 'included' | 'excluded' | null {
  const match = filters.find((f) => !f.disabled && f.op === 'is' && f.field === field && f.value === value);
  if (!match) return null;
  return match.negate ? 'excluded' : 'included';
}
