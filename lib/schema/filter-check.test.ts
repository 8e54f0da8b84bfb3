import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFilter } from '@/lib/schema/filter-check';
import { Filter } from '@/lib/schema/search';

const text = fc.oneof(fc.constantFrom('', 'a', 'payments', 'x'.repeat(1024), 'x'.repeat(1025)), fc.string({ maxLength: 8 }));
const notText = fc.constantFrom(5, null, true, {}, [] as unknown[]);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const candidate = fc.record(
  {
    field: fc.oneof(text, fc.constant('f'.repeat(257)), notText),
    op: fc.constantFrom('is', 'is_one_of', 'exists', 'between', 'nope', undefined),
    value: fc.oneof(
      text,
      notText,
      fc.array(text, { maxLength: 3 }),
      fc.array(fc.constant('v'), { minLength: 100, maxLength: 101 }),
      fc.array(fc.oneof(text, notText), { maxLength: 2 }),
      fc.record({ gte: maybe(fc.oneof(text, notText)), lt: maybe(fc.oneof(text, notText)) }, { requiredKeys: [] }),
    ),
    negate: maybe(fc.oneof(fc.boolean(), fc.constant('yes'))),
    disabled: maybe(fc.oneof(fc.boolean(), fc.constant(1))),
    extra: fc.string(),
  },
  { requiredKeys: ['field', 'op'] },
);

describe('checkFilter', () => {
  it('accepts exactly what the Filter schema accepts, with the same result', () => {
    fc.assert(
      fc.property(candidate, (input) => {
        const zod = Filter.safeParse(input);
        const mine = checkFilter(input);
        expect(mine.ok).toBe(zod.success);
        if (mine.ok && zod.success) expect(mine.filter).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('says why in the schema’s words', () => {
    expect(checkFilter({ field: 'a', op: 'is', value: 'x'.repeat(1025) })).toEqual({
      ok: false,
      message: 'values are at most 1024 characters',
    });
    expect(checkFilter({ field: '', op: 'exists' })).toEqual({ ok: false, message: 'a field name is required' });
    expect(checkFilter({ field: 'a', op: 'between', value: {} })).toEqual({ ok: false, message: 'between needs gte, lt or both' });
    expect(checkFilter({ field: 'a', op: 'is', value: 'b' })).toEqual({
      ok: true,
      filter: { field: 'a', op: 'is', value: 'b', negate: false, disabled: false },
    });
  });
});
