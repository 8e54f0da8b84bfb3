import type { SearchResponse } from '@/lib/schema/search';

/** "12,345 hits", or "10,000+ hits" when the engine stopped counting at a lower bound. */
export function formatTotal(total: SearchResponse['total']): string {
  const n = total.value.toLocaleString('en-US');
  const suffix = total.value === 1 && total.relation === 'eq' ? 'hit' : 'hits';
  return `${n}${total.relation === 'gte' ? '+' : ''} ${suffix}`;
}
