'use client';
import dynamic from 'next/dynamic';
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

export function Histogram({ histogram, onZoom }: HistogramProps) {
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
}
