import type { SearchResponse } from '@/lib/schema/search';
import { formatTotal } from './format-total';

export function HitsTotal({ total }: { total: SearchResponse['total'] | undefined }) {
  return (
    <output className="hits-total" data-testid="hits-total" aria-live="polite">
      {total ? formatTotal(total) : '\u00a0'}
    </output>
  );
}
