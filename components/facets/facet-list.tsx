'use client';
import { memo } from 'react';
import type { FacetValue, Filter, ScreenNote } from '@/lib/schema/search';
import type { FieldResolver } from '@/components/results/field-meanings';
import { FacetPanel } from './facet-panel';
import styles from './facets.module.css';

interface FacetListProps {
  meanings: readonly string[];
  facets: Record<string, FacetValue[]> | undefined;
  /** Facets the server skipped, and why. */
  notes?: readonly ScreenNote[] | undefined;
  filters: Filter[];
  resolveField: FieldResolver;
  onFilter: (field: string, value: string, negate: boolean) => void;
}

/** Memoized: the explorer re-renders on every URL and fetch-state change; the facets change with the results. */
export const FacetList = memo(function FacetList({ meanings, facets, notes, filters, resolveField, onFilter }: FacetListProps) {
  return (
    <nav className={styles.list} aria-label="Facets">
      {meanings.map((meaning) => (
        <FacetPanel
          key={meaning}
          meaning={meaning}
          field={resolveField(meaning)}
          values={facets?.[meaning] ?? []}
          note={notes?.find((n) => n.part === 'facets' && n.facet === meaning)?.message}
          filters={filters}
          onFilter={onFilter}
        />
      ))}
    </nav>
  );
});
