import type { Filter } from '@/lib/schema/search';

/**
 * A filter in words, the way it is shown on its pill and read out by screen readers (negation is
 * shown apart, as a NOT in front): `field: value`, `field: is one of (a, b, c)`, `field: exists`,
 * `field: between a and b`.
 */
export function filterLabel(filter: Filter): string {
  switch (filter.op) {
    case 'is':
      return `${filter.field}: ${filter.value}`;
    case 'is_one_of':
      return `${filter.field}: is one of (${filter.value.join(', ')})`;
    case 'exists':
      return `${filter.field}: exists`;
    case 'between': {
      const { gte, lt } = filter.value;
      if (gte !== undefined && lt !== undefined) return `${filter.field}: between ${gte} and ${lt}`;
      return gte !== undefined ? `${filter.field}: ≥ ${gte}` : `${filter.field}: < ${lt ?? ''}`;
    }
  }
}
