'use client';
import { useState } from 'react';
import type { FacetValue, Filter } from '@/lib/schema/search';
import { valueFilterState } from '@/lib/url-state/filters';
import { levelColour } from '@/components/histogram/level-colors';
import { deferred } from '@/components/ui/deferred';
import styles from './facets.module.css';

/** A pod value's ↗ and ⇶ into the pod and workload views: their code comes after the first rows. */
export const PodViewLink = deferred(() => import('@/components/pods/pod-links').then((m) => m.PodViewLink));

interface FacetPanelProps {
  meaning: string;
  field: string;
  values: FacetValue[];
  /** Why this facet has no counts (set instead of values). */
  note?: string | undefined;
  filters: Filter[];
  onFilter: (field: string, value: string, negate: boolean) => void;
}

const COLLAPSED_COUNT = 8;

export function FacetPanel({ meaning, field, values, note, filters, onFilter }: FacetPanelProps) {
  const [filterText, setFilterText] = useState('');
  const [showAll, setShowAll] = useState(false);
  const needle = filterText.trim().toLowerCase();
  const matching = needle ? values.filter((v) => v.value.toLowerCase().includes(needle)) : values;
  const shown = showAll || needle ? matching : matching.slice(0, COLLAPSED_COUNT);
  const max = Math.max(1, ...values.map((v) => v.count));
  const headingId = `facet-${meaning}`;

  return (
    <section className={styles.facet} aria-labelledby={headingId} data-facet={meaning}>
      <h3 id={headingId} className={styles.title} title={field}>
        {meaning}
      </h3>
      {values.length > 0 ? (
        <input
          className={styles.filterBox}
          type="search"
          aria-label={`Filter ${meaning} values`}
          placeholder={`Filter ${meaning}…`}
          value={filterText}
          onChange={(e) => setFilterText(e.target.value)}
        />
      ) : null}
      {note ? (
        <p className={styles.none} role="note">
          {note}
        </p>
      ) : values.length === 0 ? (
        <p className={styles.none}>No values</p>
      ) : null}
      {values.length > 0 && matching.length === 0 ? <p className={styles.none}>No value matches</p> : null}
      <ul className={styles.values}>
        {shown.map((v) => {
          const state = valueFilterState(filters, field, v.value);
          return (
            <li key={v.value} className={styles.value} data-state={state ?? undefined}>
              <button
                type="button"
                className={styles.include}
                title={`Show only ${meaning}: ${v.value}`}
                onClick={() => onFilter(field, v.value, false)}
              >
                <span className={styles.bar} style={{ width: `${(v.count / max) * 100}%` }} aria-hidden="true" />
                {meaning === 'level' ? (
                  <span className={styles.dot} style={{ background: levelColour(v.value) }} aria-hidden="true" />
                ) : null}
                {/* Named "Include namespace payments 5,374": the visible value and count are part of it. */}
                <span className="visually-hidden">Include {meaning} </span>
                <span className={styles.valueText}>{v.value === '' ? '(empty)' : v.value}</span>{' '}
                <span className={styles.count}>{v.count.toLocaleString('en-US')}</span>
              </button>
              <button
                type="button"
                className={styles.exclude}
                aria-label={`Exclude ${meaning} ${v.value}`}
                title={`Hide ${meaning}: ${v.value}`}
                onClick={() => onFilter(field, v.value, true)}
              >
                −
              </button>
              {meaning === 'pod' ? <PodViewLink pod={v.value} /> : null}
            </li>
          );
        })}
      </ul>
      {!needle && matching.length > COLLAPSED_COUNT ? (
        <button type="button" className={styles.more} onClick={() => setShowAll((s) => !s)}>
          {showAll ? 'Show fewer' : `Show all ${matching.length}`}
        </button>
      ) : null}
    </section>
  );
}
