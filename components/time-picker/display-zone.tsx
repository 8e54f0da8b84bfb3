'use client';
/**
 * The zone the screen shows times in: the URL's `tz` when the user chose one, else the
 * browser's. Provided once by the explorer so every table cell, axis label and tooltip agrees
 * with the bars the server drew in the same zone.
 */
import { createContext, useContext } from 'react';
import type { TimeRange } from '@/lib/schema/search';
import { browserTimeZone } from './time-format';

export const DisplayZoneContext = createContext<string | undefined>(undefined);

/** Outside an explorer screen (a dialog on its own), the browser's zone. */
export function useDisplayZone(): string {
  return useContext(DisplayZoneContext) ?? browserTimeZone();
}

/** The zone a time range is searched and shown in. */
export function effectiveZone(time: TimeRange): string {
  return time.timeZone ?? browserTimeZone();
}
