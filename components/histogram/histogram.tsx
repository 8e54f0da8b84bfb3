'use client';
import dynamic from 'next/dynamic';
import { memo, useDeferredValue } from 'react';
import type { SearchResponse } from '@/lib/schema/search';
import { intervalLabel } from './interval-label';
import styles from './histogram.module.css';

// recharts is most of the page's JavaScript: it loads after the rows, not before them.
const HistogramChart = dynamic(() => import('./histogram-chart').then((m) => m.HistogramChart), {
  ssr: false,
  loading: () => <div className={styles.placeholder} />,
});

interface HistogramProps {
  histogram: SearchResponse['histogram'] | undefined;
  onZoom: (fromMs: number, toMs: number) => void;
}

// Memoized: a recharts render costs tens of ms (its store re-runs its selectors), and the
// explorer re-renders on every URL and fetch-state change while the histogram stays the same.
export const Histogram = memo(function Histogram({ histogram: latest, onZoom }: HistogramProps) {
  // New results paint the table first; the chart follows in a background render, so its cost
  // does not delay the rows a user is waiting for.
  const histogram = useDeferredValue(latest);
  if (!histogram) return <div className={styles.placeholder} aria-hidden="true" />;
  return (
    <section className={styles.histogram} aria-label="Log volume over time">
      <div className={styles.meta}>
        <span className={styles.interval}>{intervalLabel(histogram.interval, histogram.intervalMs)}</span>
        <span className={styles.help}>Drag across the chart to zoom in</span>
      </div>
      <HistogramChart histogram={histogram} onZoom={onZoom} />
    </section>
  );
});
