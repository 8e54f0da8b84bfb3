'use client';
/**
 * The zone the screen shows times in: the URL's `tz` when the user chose one, else the
 * browser's. Provided once by the explorer so every table cell, axis label and tooltip agrees
 * with the bars the server drew in the same zone.
 */
import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { VIEWER_ZONE_COOKIE } from '@/components/explorer/search-request';
import { UTC } from '@/lib/time';
import { browserTimeZone } from './time-format';

export const DisplayZoneContext = createContext<string | undefined>(undefined);

/** Outside an explorer screen (a dialog on its own), the browser's zone. */
export function useDisplayZone(): string {
  return useContext(DisplayZoneContext) ?? browserTimeZone();
}

const noSubscription = () => () => undefined;

/**
 * The viewer's zone: the browser's, except while hydrating a page the server rendered, where it
 * is the zone the server rendered the times in (`serverZone`, else UTC) so the HTML and the first
 * render agree; React then renders once more with the browser's if it differs.
 */
export function useViewerZone(serverZone: string | undefined): string {
  return useSyncExternalStore(noSubscription, browserTimeZone, () => serverZone ?? UTC);
}

/** Keeps the browser's zone in a cookie, so the next page the server renders shows its times in it. */
export function useRememberViewerZone(): void {
  useEffect(() => {
    const zone = browserTimeZone();
    const cookie = `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}`;
    if (!document.cookie.split('; ').includes(cookie)) document.cookie = `${cookie}; path=/; max-age=31536000; samesite=lax`;
  }, []);
}
