/**
 * The two ways to share a screen: as it is in the URL (relative ends like `now-24h` keep moving
 * with the clock, so the colleague sees "the last 24 hours" whenever they open it), or frozen at
 * the moment of sharing (both ends replaced by the instants they resolve to right now, with the
 * search's own resolver, so rounding such as `now/d` ends where the search ends).
 */
import type { TimeRange } from '@/lib/schema/search';
import { isRelativeExpression, resolveTimeRange } from '@/lib/time';

export type ShareTime = 'relative' | 'exact';

export function isRelativeRange(time: TimeRange): boolean {
  return isRelativeExpression(time.from) || isRelativeExpression(time.to);
}

/** The range as absolute ISO-8601 instants at `now`; absolute ranges are returned unchanged. */
export function frozenRange(time: TimeRange, now: number): TimeRange {
  if (!isRelativeRange(time)) return time;
  const range = resolveTimeRange(time, now);
  return { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
}

/**
 * The same-origin path (path + query) to share. `search` is the screen's canonical query
 * string; in `exact` mode its `from`/`to` are replaced and everything else is kept as it is.
 */
export function sharePath(pathname: string, search: string, time: TimeRange, mode: ShareTime, now: number): string {
  const params = new URLSearchParams(search);
  if (mode === 'exact') {
    const frozen = frozenRange(time, now);
    params.set('from', frozen.from);
    params.set('to', frozen.to);
  }
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}
