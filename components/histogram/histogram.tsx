'use client';
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { ScreenNote, SearchResponse } from '@/lib/schema/search';
import { legendLevels } from './histogram-rows';
import { intervalLabel } from './interval-label';
import { levelColour } from './level-colors';
import styles from './histogram.module.css';

// recharts is most of the page's JavaScript: it loads after the rows, not before them (below).
type HistogramChartComponent = (typeof import('./histogram-chart'))['HistogramChart'];

interface HistogramProps {
  histogram: SearchResponse['histogram'] | undefined;
  /** A search is in flight: its results will need the main thread when they arrive. */
  busy: boolean;
  /** Why the bars are missing or not split by level (a field mapped differently across indices). */
  notes?: readonly ScreenNote[] | undefined;
  onZoom: (fromMs: number, toMs: number) => void;
}

/** Runs `task` when the browser is idle (or after `timeoutMs` at the latest); returns a cancel. */
function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 50);
  return () => window.clearTimeout(id);
}

// Memoized: a recharts render costs tens of ms (its store re-runs its selectors), and the
// explorer re-renders on every URL and fetch-state change while the histogram stays the same.
export const Histogram = memo(function Histogram({ histogram: latest, busy, onZoom, notes }: HistogramProps) {
  // New results paint the table first; the chart follows in a background render, so its cost
  // does not delay the rows a user is waiting for.
  const histogram = useDeferredValue(latest);
  // recharts' first mount is one uninterruptible 100–250 ms task (its store settles in layout
  // effects). Started while a search is in flight — typically the first click right after the
  // page loads — it held that search's rows back by as much. So its code is fetched when the
  // page is idle, and it mounts at an idle moment with no search running.
  // Held in state rather than behind next/dynamic: a lazy component suspends once when it
  // mounts, and React then holds later commits back (its fallback throttle) — the next click's
  // rows included.
  const hasHistogram = histogram !== undefined;
  const [chartModule, setChartModule] = useState<{ HistogramChart: HistogramChartComponent } | null>(null);
  const [chartReady, setChartReady] = useState(false);
  useEffect(() => {
    if (chartModule || !hasHistogram) return;
    let live = true;
    const cancel = whenIdle(() => {
      void import('./histogram-chart').then((m) => live && setChartModule(m));
    }, 1000);
    return () => {
      live = false;
      cancel();
    };
  }, [chartModule, hasHistogram]);
  useEffect(() => {
    if (!chartModule || chartReady || busy) return;
    return whenIdle(() => setChartReady(true), 1000);
  }, [chartModule, chartReady, busy]);
  const HistogramChart = chartReady ? chartModule?.HistogramChart : undefined;
  const levels = useMemo(() => (histogram ? legendLevels(histogram) : []), [histogram]);

  const shownNotes = (notes ?? []).filter((n) => n.part === 'histogram' || n.part === 'levels');
  const noteList = shownNotes.map((n) => (
    <p key={n.message} className={styles.note} role="note">
      {n.message}
    </p>
  ));
  if (!histogram)
    return shownNotes.length > 0 ? (
      <section className={styles.histogram}>{noteList}</section>
    ) : (
      <div className={styles.placeholder} aria-hidden="true" />
    );
  return (
    <section className={styles.histogram} aria-label="Log volume over time">
      <div className={styles.meta}>
        <span className={styles.interval}>{intervalLabel(histogram.interval, histogram.intervalMs)}</span>
        {levels.length > 0 ? (
          <ul className={styles.legend} aria-label="Level colours">
            {levels.map((level) => (
              <li key={level} className={styles.legendItem}>
                <span className={styles.swatch} style={{ background: levelColour(level) }} aria-hidden="true" />
                {level}
              </li>
            ))}
          </ul>
        ) : null}
        <span className={styles.help}>Drag across the chart to zoom in</span>
      </div>
      {noteList}
      {HistogramChart ? <HistogramChart histogram={histogram} onZoom={onZoom} /> : <div className={styles.placeholder} />}
    </section>
  );
});
