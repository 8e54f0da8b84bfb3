'use client';
/**
 * "Live" on the explorer: whether it is wanted (the URL's `live=1`, so a shared link and a reload
 * come back live), whether this screen can follow, and while it does, the rows and summary the
 * live follower (live-follower.tsx, fetched when Live is first on) merges the new hits into.
 */
import { createElement, useCallback, useState, type ReactNode } from 'react';
import { deferred } from '@/components/ui/deferred';
import type { ExplorerState } from '@/lib/url-state/codec';
import type { SearchHit } from '@/lib/schema/search';
import { isRelativeRange } from '@/lib/url-state/share-link';
import type { LiveView } from './live-follower';
import type { UpdateState } from './use-explorer-state';
import type { Summary } from './use-search-results';

export const LiveFollower = deferred(() => import('./live-follower').then((m) => m.LiveFollower));

export interface ExplorerLive {
  on: boolean;
  setOn: (on: boolean) => void;
  /** Why Live cannot be switched on for this screen, or null. */
  unavailable: string | null;
  /** The live bar (and the tail behind it) while live, else null. */
  follower: ReactNode;
  rows: SearchHit[];
  summary: Summary | undefined;
  onScrolledAway: ((away: boolean) => void) | undefined;
  topKey: number;
}

export function useExplorerLive(state: ExplorerState, update: UpdateState, rows: SearchHit[], summary: Summary | undefined): ExplorerLive {
  const unavailable =
    state.sort !== 'desc'
      ? 'Live shows the newest lines first: sort newest first to follow'
      : !isRelativeRange(state.time) || state.time.to !== 'now'
        ? 'Live follows a range that ends now (like the last 15 minutes)'
        : null;
  const on = state.live && unavailable === null;
  const [view, setView] = useState<LiveView | null>(null);
  // A mode of watching, not another screen: replace, so Back does not toggle it.
  const setOn = useCallback((next: boolean) => update({ live: next }, { replace: true }), [update]);
  const shown = on ? view : null;
  return {
    on,
    setOn,
    unavailable,
    follower: on ? createElement(LiveFollower, { state, rows, summary, onView: setView }) : null,
    rows: shown ? shown.rows : rows,
    summary: shown ? shown.summary : summary,
    onScrolledAway: shown?.onScrolledAway,
    topKey: shown?.topKey ?? 0,
  };
}
