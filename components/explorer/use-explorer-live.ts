'use client';
/**
 * "Live" on the explorer: new hits of the screen's query and filters from `GET /api/tail`
 * (`fresh=1`: the search has everything before), merged into the rows newest first and counted
 * in the total and the histogram. Scrolling away from the top pauses the rows (new hits are
 * counted, not shown); scrolling back or "resume" shows them. Memory is bounded by the tail hook.
 * On or off is the URL's `live=1` (lib/url-state/codec.ts): a shared link and a reload come back live.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveTail, type LiveTail } from '@/components/pods/use-live-tail';
import type { ExplorerState } from '@/lib/url-state/codec';
import type { SearchHit } from '@/lib/schema/search';
import type { UpdateState } from './use-explorer-state';
import { isRelativeRange } from '@/lib/url-state/share-link';
import { histogramWithLive, mergeLiveHits } from './live-merge';
import type { Summary } from './use-search-results';

export interface ExplorerLive {
  on: boolean;
  setOn: (on: boolean) => void;
  /** Why Live cannot be switched on for this screen, or null. */
  unavailable: string | null;
  tail: LiveTail<SearchHit>;
  rows: SearchHit[];
  summary: Summary | undefined;
  paused: boolean;
  unseen: number;
  resume: () => void;
  onScrolledAway: (away: boolean) => void;
  topKey: number;
}

/** Whether Live is wanted is the URL's `live=1` (the codec's), so a shared link and a reload come back live. */
export function useExplorerLive(state: ExplorerState, update: UpdateState, rows: SearchHit[], summary: Summary | undefined): ExplorerLive {
  const wanted = state.live;
  const unavailable =
    state.sort !== 'desc'
      ? 'Live shows the newest lines first: sort newest first to follow'
      : !isRelativeRange(state.time) || state.time.to !== 'now'
        ? 'Live follows a range that ends now (like the last 15 minutes)'
        : null;
  const on = wanted && unavailable === null;
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
    on && summary !== undefined,
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

  const paused = on && shownUpTo !== null;
  const visible = useMemo(
    () => (paused && shownUpTo !== null ? tail.lines.slice(0, Math.max(0, shownUpTo - tail.dropped)) : tail.lines),
    [paused, shownUpTo, tail.lines, tail.dropped],
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

  const switchOn = useCallback(
    (next: boolean) => {
      // A mode of watching, not another screen: replace, so Back does not toggle it.
      update({ live: next }, { replace: true });
      setShownUpTo(null);
    },
    [update],
  );

  return {
    on,
    setOn: switchOn,
    unavailable,
    tail,
    rows: on ? merged : rows,
    summary: on ? liveSummary : summary,
    paused,
    unseen: paused && shownUpTo !== null ? received - shownUpTo : 0,
    resume,
    onScrolledAway,
    topKey,
  };
}
