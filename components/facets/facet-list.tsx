'use client';
import { memo } from 'react';
import type { FacetValue, Filter, ScreenNote, SearchResponse } from '@/lib/schema/search';
import type { FieldResolver } from '@/components/results/field-meanings';
import { FacetPanel } from './facet-panel';
import styles from './facets.module.css';

interface FacetListProps {
  meanings: readonly string[];
  facets: Record<string, FacetValue[]> | undefined;
  /** Set when the counts are estimates from a random sample of the matching lines. */
  sample?: SearchResponse['facetsSample'];
  /** Facets the server skipped, and why. */
  notes?: readonly ScreenNote[] | undefined;
  filters: Filter[];
  resolveField: FieldResolver;
  onFilter: (field: string, value: string, negate: boolean) => void;
}

/** Memoized: the explorer re-renders on every URL and fetch-state change; the facets change with the results. */
export const FacetList = memo(function FacetList({ meanings, facets, sample, notes, filters, resolveField, onFilter }: FacetListProps) {
  return (
    <nav className={styles.list} aria-label="Facets">
      {sample ? (
        <p className={styles.sample} role="note" data-testid="facets-sample">
          ≈ Approximate counts: from a random sample of {sample.sampleDocs.toLocaleString('en-US')} of{' '}
          {sample.matchedDocs.toLocaleString('en-US')} lines ({formatShare(sample.probability)})
        </p>
      ) : null}
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

/** 0.067 → "6.7 %"; 0.0012 → "0.12 %". */
function formatShare(probability: number): string {
  return `${Number((probability * 100).toPrecision(2))} %`;
}
