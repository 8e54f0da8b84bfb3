'use client';
/**
 * The explorer state lives in the URL. Reads go through the codec on every URL change (back,
 * forward, pasted links); writes go through the History API so Next.js updates
 * `useSearchParams` without a server round trip.
 */
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { decodeState, stateToSearch, type ExplorerState } from '@/lib/url-state/codec';
import type { ParamReader } from '@/lib/url-state/migrations';
import { stableJson } from '@/lib/url-state/same-screen';

export type StateChange = Partial<ExplorerState> | ((current: ExplorerState) => Partial<ExplorerState>);
export type UpdateState = (change: StateChange, options?: { replace?: boolean }) => void;

/** How the URL maps to the screen: the plain codec, or (on /views/{id}) the view's state under the URL's. */
export interface UrlCodec {
  decode(params: ParamReader): ExplorerState;
  toSearch(state: ExplorerState): string;
}

const PLAIN_CODEC: UrlCodec = { decode: decodeState, toSearch: stateToSearch };

/**
 * Every decode makes new objects, and one user action is decoded twice (once when written, once
 * when Next.js reports the URL). Keeping the previous value of each part that did not change lets
 * memoized parts of the screen (result rows, facets, histogram) skip both renders.
 */
function shareUnchanged(previous: ExplorerState | null, next: ExplorerState): ExplorerState {
  if (!previous) return next;
  let same = true;
  const shared = { ...next };
  for (const key of Object.keys(next) as (keyof ExplorerState)[]) {
    if (stableJson(previous[key]) === stableJson(next[key])) (shared as Record<keyof ExplorerState, unknown>)[key] = previous[key];
    else same = false;
  }
  return same ? previous : shared;
}

export function useExplorerState(codec: UrlCodec = PLAIN_CODEC): { state: ExplorerState; update: UpdateState } {
  const params = useSearchParams();
  const fromUrl = useMemo(() => codec.decode(params), [codec, params]);

  // Next.js reports a pushState to useSearchParams a little later, in a transition; until it
  // does, the state just written is shown, so a controlled input never snaps back for a frame.
  const [written, setWritten] = useState<ExplorerState | null>(null);
  const [seenParams, setSeenParams] = useState(params);
  if (seenParams !== params) {
    setSeenParams(params);
    setWritten(null);
  }
  const [shown, setShown] = useState<ExplorerState | null>(null);
  const state = shareUnchanged(shown, written ?? fromUrl);
  if (state !== shown) setShown(state);

  const update = useCallback<UpdateState>(
    (change, options) => {
      // Read the URL itself, not a rendered copy, so two changes in one event both land.
      const current = codec.decode(new URLSearchParams(window.location.search));
      const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
      const search = codec.toSearch(next);
      if (search === window.location.search) return;
      if (options?.replace) window.history.replaceState(null, '', search);
      else window.history.pushState(null, '', search);
      setWritten(codec.decode(new URLSearchParams(search)));
    },
    [codec],
  );

  // Spell the whole state out in the URL on arrival (and drop junk parameters), so the address
  // bar can be copied as it is; replace, so Back still leaves the page.
  useEffect(() => {
    const canonical = codec.toSearch(fromUrl);
    if (canonical !== window.location.search) window.history.replaceState(null, '', canonical);
  }, [codec, fromUrl]);

  return { state, update };
}
