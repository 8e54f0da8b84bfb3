import { describe, expect, it } from 'vitest';
import type { Filter } from '@/lib/schema/search';
import { draftFromFilter, EMPTY_DRAFT, filterFromDraft, isProblem, withPending, type FilterDraft } from './filter-draft';
import { filterLabel } from './filter-label';

const fields = new Set(['level', 'kubernetes.pod_name', 'status']);
const draft = (over: Partial<FilterDraft>): FilterDraft => ({ ...EMPTY_DRAFT, ...over });

describe('filter drafts', () => {
  it.each<Filter>([
    { field: 'level', op: 'is', value: 'error', negate: false, disabled: false },
    { field: 'level', op: 'is', value: 'debug', negate: true, disabled: true },
    { field: 'kubernetes.pod_name', op: 'is_one_of', value: ['a', 'b'], negate: true, disabled: false },
    { field: 'status', op: 'exists', negate: false, disabled: false },
    { field: 'status', op: 'between', value: { gte: '200', lt: '300' }, negate: true, disabled: false },
    { field: 'status', op: 'between', value: { lt: '500' }, negate: false, disabled: false },
  ])('a filter survives the form unchanged: %j', (filter) => {
    expect(filterFromDraft(draftFromFilter(filter), fields)).toEqual(filter);
  });

  it('"is not" is a negated is; other operators keep their own negation', () => {
    expect(draftFromFilter({ field: 'level', op: 'is', value: 'x', negate: true, disabled: false }).operator).toBe('is_not');
    expect(filterFromDraft(draft({ field: 'level', operator: 'is_not', value: 'info' }), fields)).toMatchObject({ op: 'is', negate: true });
    expect(filterFromDraft(draft({ field: 'status', operator: 'exists', negate: true }), fields)).toMatchObject({
      op: 'exists',
      negate: true,
    });
  });

  it('says what is wrong, beside which input', () => {
    const problem = (d: Partial<FilterDraft>, known: ReadonlySet<string> | null = fields) => {
      const result = filterFromDraft(draft(d), known);
      return isProblem(result) ? result : null;
    };
    expect(problem({ field: '  ' })).toEqual({ input: 'field', message: 'Choose a field' });
    expect(problem({ field: 'nope', value: 'x' })).toEqual({ input: 'field', message: 'This source has no field "nope"' });
    // Without the field list any name passes: the server has the last word.
    expect(problem({ field: 'nope', value: 'x' }, null)).toBeNull();
    expect(problem({ field: 'level', operator: 'is', value: '' })?.input).toBe('value');
    expect(problem({ field: 'level', operator: 'is_one_of' })?.input).toBe('values');
    expect(problem({ field: 'status', operator: 'between', gte: ' ', lt: '' })?.input).toBe('range');
    expect(problem({ field: 'level', operator: 'is_one_of', values: Array.from({ length: 101 }, (_, i) => `v${i}`) })?.message).toMatch(
      /At most \d+ values/,
    );
  });

  it('a value still in the input counts for "is one of", once', () => {
    expect(filterFromDraft(draft({ field: 'level', operator: 'is_one_of', values: ['a'], value: 'b' }), fields)).toMatchObject({
      value: ['a', 'b'],
    });
    expect(withPending(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(withPending(['a'], '')).toEqual(['a']);
  });

  it('trims the field name and the range ends', () => {
    expect(filterFromDraft(draft({ field: ' status ', operator: 'between', gte: ' 1 ', lt: '' }), fields)).toEqual({
      field: 'status',
      op: 'between',
      value: { gte: '1' },
      negate: false,
      disabled: false,
    });
  });
});

describe('filterLabel', () => {
  it('says a filter in words, negation apart', () => {
    expect(filterLabel({ field: 'level', op: 'is', value: 'error', negate: true, disabled: false })).toBe('level: error');
    expect(filterLabel({ field: 'pod', op: 'is_one_of', value: ['a', 'b'], negate: false, disabled: false })).toBe('pod: is one of (a, b)');
    expect(filterLabel({ field: 's', op: 'exists', negate: false, disabled: false })).toBe('s: exists');
    expect(filterLabel({ field: 's', op: 'between', value: { gte: '1', lt: '2' }, negate: false, disabled: false })).toBe(
      's: between 1 and 2',
    );
    expect(filterLabel({ field: 's', op: 'between', value: { gte: '1' }, negate: false, disabled: false })).toBe('s: ≥ 1');
    expect(filterLabel({ field: 's', op: 'between', value: { lt: '2' }, negate: false, disabled: false })).toBe('s: < 2');
  });
});
