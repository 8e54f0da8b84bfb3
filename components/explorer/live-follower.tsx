'use client';
/**
 * Live mode's machinery: new hits of the screen's query and filters from `GET /api/tail`
 * (`fresh=1`: the search has everything before), merged into the rows newest first and counted
 * in the total and the histogram. Scrolling away from the top pauses the rows (new hits are
 * counted, not shown); scrolling back or "resume" shows them. Memory is bounded by the tail hook.
 * Fetched when Live is first switched on (use-explorer-live.ts), not with the first load: it
 * renders the live bar and tells the explorer which rows and summary to show.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LiveBar } from '@/components/pods/live-bar';
import { useLiveTail } from '@/components/pods/use-live-tail';
import type { SearchHit } from '@/lib/schema/search';
import type { ExplorerState } from '@/lib/url-state/codec';
import { histogramWithLive, mergeLiveHits } from './live-merge';
import type { Summary } from './use-search-results';

/** What the explorer shows while live. */
export interface LiveView {
  rows: SearchHit[];
  summary: Summary | undefined;
  onScrolledAway: (away: boolean) => void;
  /** Changes when the table must go back to the top (resumed). */
  topKey: number;
}

interface LiveFollowerProps {
  state: ExplorerState;
  rows: SearchHit[];
  summary: Summary | undefined;
  onView: (view: LiveView | null) => void;
}

export function LiveFollower({ state, rows, summary, onView }: LiveFollowerProps) {
  const enabled = state.filters.filter((f) => !f.disabled);
  const tail = useLiveTail<SearchHit>(
    {
      source: state.source,
      q: state.query.text.trim() === '' ? undefined : state.query.text,
      lang: state.query.language,
      f: enabled.length > 0 ? JSON.stringify(enabled) : undefined,
      from: 'now',
      fresh: '1',
    },
    summary !== undefined,
    '/api/tail',
    'hits',
  );

  // How many hits had arrived (dropped ones included) when the reader scrolled away; null while following.
  const [shownUpTo, setShownUpTo] = useState<number | null>(null);
  const received = tail.dropped + tail.lines.length;
  const receivedNow = useRef(received);
  useEffect(() => {
    receivedNow.current = received;
  }, [received]);
  const onScrolledAway = useCallback((away: boolean) => setShownUpTo((was) => (away ? (was ?? receivedNow.current) : null)), []);
  const [topKey, setTopKey] = useState(0);
  const resume = useCallback(() => {
    setShownUpTo(null);
    setTopKey((k) => k + 1);
  }, []);

  const paused = shownUpTo !== null;
  const visible = useMemo(
    () => (shownUpTo !== null ? tail.lines.slice(0, Math.max(0, shownUpTo - tail.dropped)) : tail.lines),
    [shownUpTo, tail.lines, tail.dropped],
  );
  const merged = useMemo(() => mergeLiveHits(rows, visible), [rows, visible]);
  // The count and bars keep counting while the rows are paused.
  const levelField = summary?.meanings.level;
  const liveSummary = useMemo<Summary | undefined>(() => {
    if (!summary || tail.lines.length === 0) return summary;
    return {
      ...summary,
      total: summary.total ? { ...summary.total, value: summary.total.value + received } : summary.total,
      histogram: summary.histogram ? histogramWithLive(summary.histogram, tail.lines, levelField) : summary.histogram,
    };
  }, [summary, tail.lines, received, levelField]);

  const view = useMemo<LiveView>(
    () => ({ rows: merged, summary: liveSummary, onScrolledAway, topKey }),
    [merged, liveSummary, onScrolledAway, topKey],
  );
  useEffect(() => onView(view), [onView, view]);
  useEffect(() => () => onView(null), [onView]);

  return <LiveBar live={tail} paused={paused} unseen={paused ? received - shownUpTo : 0} onResume={resume} />;
}
