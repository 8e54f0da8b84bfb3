'use client';
import type { FacetValue, Filter } from '@/lib/schema/search';
import type { FieldResolver } from '@/components/results/field-meanings';
import { FacetPanel } from './facet-panel';
import styles from './facets.module.css';

interface FacetListProps {
  meanings: readonly string[];
  facets: Record<string, FacetValue[]> | undefined;
  filters: Filter[];
  resolveField: FieldResolver;
  onFilter: (field: string, value: string, negate: boolean) => void;
}

export function FacetList({ meanings, facets, filters, resolveField, onFilter }: FacetListProps) {
  return (
    <nav className={styles.list} aria-label="Facets">
      {meanings.map((meaning) => (
        <FacetPanel
          key={meaning}
          meaning={meaning}
          field={resolveField(meaning)}
          values={facets?.[meaning] ?? []}
          filters={filters}
          onFilter={onFilter}
        />
      ))}
    </nav>
  );
}
