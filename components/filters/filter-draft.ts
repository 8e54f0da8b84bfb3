/**
 * The filter form's state and its conversion to and from a Filter. "is not" is the form's word
 * for a negated `is`; other operators keep the filter's own negation, which the pill toggles.
 */
import { checkFilter } from '@/lib/schema/filter-check';
import { SEARCH_LIMITS } from '@/lib/schema/limits';
import type { Filter } from '@/lib/schema/search';

export type FormOperator = 'is' | 'is_not' | 'is_one_of' | 'exists' | 'between';

export const FORM_OPERATORS: readonly { value: FormOperator; label: string }[] = [
  { value: 'is', label: 'is' },
  { value: 'is_not', label: 'is not' },
  { value: 'is_one_of', label: 'is one of' },
  { value: 'exists', label: 'exists' },
  { value: 'between', label: 'between' },
];

export interface FilterDraft {
  field: string;
  operator: FormOperator;
  value: string;
  values: string[];
  gte: string;
  lt: string;
  /** Carried over from the filter being edited: negation of non-`is` operators, and disabled. */
  negate: boolean;
  disabled: boolean;
}

export const EMPTY_DRAFT: FilterDraft = {
  field: '',
  operator: 'is',
  value: '',
  values: [],
  gte: '',
  lt: '',
  negate: false,
  disabled: false,
};

export function draftFromFilter(filter: Filter): FilterDraft {
  const base = { ...EMPTY_DRAFT, field: filter.field, negate: filter.negate, disabled: filter.disabled };
  switch (filter.op) {
    case 'is':
      return { ...base, operator: filter.negate ? 'is_not' : 'is', value: filter.value };
    case 'is_one_of':
      return { ...base, operator: 'is_one_of', values: [...filter.value] };
    case 'exists':
      return { ...base, operator: 'exists' };
    case 'between':
      return { ...base, operator: 'between', gte: filter.value.gte ?? '', lt: filter.value.lt ?? '' };
  }
}

/** Where a problem is, so the form can say it beside the right input. */
export interface DraftProblem {
  input: 'field' | 'value' | 'values' | 'range';
  message: string;
}

/**
 * The draft as a filter, or what is wrong with it. `knownFields` is the source's field list
 * when it has loaded; without it any name is let through and the server has the last word.
 */
export function filterFromDraft(draft: FilterDraft, knownFields: ReadonlySet<string> | null): Filter | DraftProblem {
  const field = draft.field.trim();
  if (field === '') return { input: 'field', message: 'Choose a field' };
  if (knownFields && !knownFields.has(field)) return { input: 'field', message: `This source has no field "${field}"` };
  const common = { field, disabled: draft.disabled };
  let candidate: unknown;
  switch (draft.operator) {
    case 'is':
    case 'is_not':
      if (draft.value === '') return { input: 'value', message: 'Enter a value' };
      candidate = { ...common, op: 'is', value: draft.value, negate: draft.operator === 'is_not' };
      break;
    case 'is_one_of': {
      // A value still in the input counts, as if added before pressing the button.
      const values = withPending(draft.values, draft.value);
      if (values.length === 0) return { input: 'values', message: 'Add at least one value' };
      if (values.length > SEARCH_LIMITS.maxFilterValues)
        return { input: 'values', message: `At most ${SEARCH_LIMITS.maxFilterValues} values` };
      candidate = { ...common, op: 'is_one_of', value: values, negate: draft.negate };
      break;
    }
    case 'exists':
      candidate = { ...common, op: 'exists', negate: draft.negate };
      break;
    case 'between': {
      const gte = draft.gte.trim();
      const lt = draft.lt.trim();
      if (gte === '' && lt === '') return { input: 'range', message: 'Give a start, an end or both' };
      candidate = { ...common, op: 'between', value: { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) }, negate: draft.negate };
      break;
    }
  }
  const checked = checkFilter(candidate);
  if (checked.ok) return checked.filter;
  const input = draft.operator === 'between' ? 'range' : draft.operator === 'is_one_of' ? 'values' : 'value';
  return { input, message: checked.message };
}

export function isProblem(result: Filter | DraftProblem): result is DraftProblem {
  return 'input' in result;
}

/** Adds a typed value to an is-one-of list, once. */
export function withPending(values: readonly string[], pending: string): string[] {
  return pending === '' || values.includes(pending) ? [...values] : [...values, pending];
}
