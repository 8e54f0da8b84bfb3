/**
 * The filter schema's rules without zod, for the browser (the URL codec, the filter editor): the
 * explorer's first load carries no schema library. Same rules, defaults and messages as `Filter`
 * in lib/schema/search.ts, which the server still applies to every request; a unit test holds
 * the two to the same answers on random input.
 */
import { SEARCH_LIMITS } from '@/lib/schema/limits';
import type { Filter } from '@/lib/schema/search';

export type FilterCheck = { ok: true; filter: Filter } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueProblem(v: unknown): string | null {
  if (typeof v !== 'string') return 'a value must be text';
  return v.length > SEARCH_LIMITS.valueLength ? `values are at most ${SEARCH_LIMITS.valueLength} characters` : null;
}

export function checkFilter(input: unknown): FilterCheck {
  const fail = (message: string): FilterCheck => ({ ok: false, message });
  if (!isRecord(input)) return fail('a filter must be an object');
  const { field, op } = input;
  if (typeof field !== 'string') return fail('a field name is required');
  if (field.length < 1) return fail('a field name is required');
  if (field.length > SEARCH_LIMITS.fieldNameLength) return fail(`field names are at most ${SEARCH_LIMITS.fieldNameLength} characters`);
  const negate = input.negate ?? false;
  const disabled = input.disabled ?? false;
  if (typeof negate !== 'boolean' || typeof disabled !== 'boolean') return fail('negate and disabled must be true or false');
  const common = { field, negate, disabled };
  switch (op) {
    case 'is': {
      const problem = valueProblem(input.value);
      return problem ? fail(problem) : { ok: true, filter: { ...common, op, value: input.value as string } };
    }
    case 'is_one_of': {
      const values = input.value;
      if (!Array.isArray(values)) return fail('values must be a list');
      if (values.length < 1) return fail('give at least one value');
      if (values.length > SEARCH_LIMITS.maxFilterValues) return fail(`at most ${SEARCH_LIMITS.maxFilterValues} values`);
      for (const v of values) {
        const problem = valueProblem(v);
        if (problem) return fail(problem);
      }
      return { ok: true, filter: { ...common, op, value: [...(values as string[])] } };
    }
    case 'exists':
      return { ok: true, filter: { ...common, op } };
    case 'between': {
      const range = input.value;
      if (!isRecord(range)) return fail('between needs gte, lt or both');
      const value: { gte?: string; lt?: string } = {};
      for (const key of ['gte', 'lt'] as const) {
        if (range[key] === undefined) continue;
        const problem = valueProblem(range[key]);
        if (problem) return fail(problem);
        value[key] = range[key] as string;
      }
      if (value.gte === undefined && value.lt === undefined) return fail('between needs gte, lt or both');
      return { ok: true, filter: { ...common, op, value } };
    }
    default:
      return fail('op must be is, is_one_of, exists or between');
  }
}
