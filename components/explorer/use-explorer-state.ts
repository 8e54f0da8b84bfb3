'use client';
/**
 * The explorer state lives in the URL. Reads go through the codec on every URL change (back,
 * forward, pasted links); writes go through the History API so Next.js updates
 * `useSearchParams` without a server round trip.
 */
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { decodeState, stateToSearch, type ExplorerState } from '@/lib/url-state/codec';

export type StateChange = Partial<ExplorerState> | ((current: ExplorerState) => Partial<ExplorerState>);
export type UpdateState = (change: StateChange, options?: { replace?: boolean }) => void;

export function useExplorerState(): { state: ExplorerState; update: UpdateState } {
  const params = useSearchParams();
  const fromUrl = useMemo(() => decodeState(params), [params]);

  // Next.js reports a pushState to useSearchParams a little later, in a transition; until it
  // does, the state just written is shown, so a controlled input never snaps back for a frame.
  const [written, setWritten] = useState<ExplorerState | null>(null);
  const [seenParams, setSeenParams] = useState(params);
  if (seenParams !== params) {
    setSeenParams(params);
    setWritten(null);
  }
  const state = written ?? fromUrl;

  const update = useCallback<UpdateState>((change, options) => {
    // Read the URL itself, not a rendered copy, so two changes in one event both land.
    const current = decodeState(new URLSearchParams(window.location.search));
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    const search = stateToSearch(next);
    if (search === window.location.search) return;
    if (options?.replace) window.history.replaceState(null, '', search);
    else window.history.pushState(null, '', search);
    setWritten(decodeState(new URLSearchParams(search)));
  }, []);

  // Spell the whole state out in the URL on arrival (and drop junk parameters), so the address
  // bar can be copied as it is; replace, so Back still leaves the page.
  useEffect(() => {
    const canonical = stateToSearch(fromUrl);
    if (canonical !== window.location.search) window.history.replaceState(null, '', canonical);
  }, [fromUrl]);

  return { state, update };
}
