/**
 * Times are shown in the screen's time zone (the URL's `tz`, else the browser's), with its UTC
 * offset spelled out, because log timestamps are compared across people in different zones.
 * Every formatter takes the zone; the calendar fields come from lib/time (`inZone`), the same
 * zone arithmetic the server's date math uses.
 */
import type { TimeRange } from '@/lib/schema/search';
import { InvalidTimeRangeError, inZone, isRelativeExpression, resolveTimeRange, timeExpressionProblem, wallClockToEpoch } from '@/lib/time';
import { SEARCH_LIMITS } from '@/lib/schema/limits';

export interface QuickRange {
  label: string;
  range: TimeRange;
}

export const QUICK_RANGES: readonly QuickRange[] = [
  { label: 'Last 15 minutes', range: { from: 'now-15m', to: 'now' } },
  { label: 'Last 1 hour', range: { from: 'now-1h', to: 'now' } },
  { label: 'Last 24 hours', range: { from: 'now-24h', to: 'now' } },
  { label: 'Last 7 days', range: { from: 'now-7d', to: 'now' } },
  { label: 'Last 30 days', range: { from: 'now-30d', to: 'now' } },
  { label: 'Last 90 days', range: { from: 'now-90d', to: 'now' } },
  { label: 'Last 1 year', range: { from: 'now-1y', to: 'now' } },
  { label: 'Today', range: { from: 'now/d', to: 'now/d' } },
  { label: 'Yesterday', range: { from: 'now-1d/d', to: 'now-1d/d' } },
  { label: 'This week', range: { from: 'now/w', to: 'now/w' } },
  { label: 'This month', range: { from: 'now/M', to: 'now/M' } },
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The zone a time range is searched and shown in: the URL's, else the viewer's (the browser's unless told). */
export function effectiveZone(time: TimeRange, viewerZone: string = browserTimeZone()): string {
  return time.timeZone ?? viewerZone;
}

/** The browser's own IANA zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function utcOffsetLabel(zone: string, at: number = Date.now()): string {
  const minutes = -inZone(at, zone).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 20, 2026 @ 11:59:59.123` in the zone, like Discover. */
export function formatTimestamp(value: string | number, zone: string): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) return String(value);
  const d = inZone(ms, zone);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} @ ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `2026-11-20 14:30:00` (milliseconds when there are any) in the zone: the form the time inputs accept back. */
export function formatLocalInput(value: string | number, zone: string): string {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) return String(value);
  const d = inZone(ms, zone);
  const millis = d.getMilliseconds() ? `.${pad(d.getMilliseconds(), 3)}` : '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${millis}`;
}

/** Short axis labels within one calendar year (see histogram/axis.ts for ranges over years): time of day within a day, then date and time, the date alone for day bars and longer. */
export function formatAxisTime(ms: number, range: { from: number; to: number }, zone: string, intervalMs = 0): string {
  const d = inZone(ms, zone);
  const span = range.to - range.from;
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (span <= 2 * 60_000) return `${hm}:${pad(d.getSeconds())}`;
  if (span <= 36 * 3_600_000) return hm;
  if (intervalMs >= 28 * 86_400_000) return MONTHS[d.getMonth()] ?? '';
  const date = `${MONTHS[d.getMonth()]} ${d.getDate()}`;
  return intervalMs >= 86_400_000 ? date : `${date} ${hm}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * What a user typed into a time box, as a time expression for the URL, or what is wrong with it:
 * date math and ISO-8601 instants with a zone as they are (the one grammar of lib/time),
 * `YYYY-MM-DD[ HH:mm[:ss[.SSS]]]` as wall-clock time in the screen's zone, frozen to an instant.
 * Fields out of range (`25:00`, `02-30`) are refused, never rolled over.
 */
export function parseTimeInput(raw: string, zone: string): { expression: string } | { problem: string } {
  const text = raw.trim();
  const local = LOCAL_INPUT.exec(text);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month < 1 || month > 12) return { problem: `"${text}": there is no month ${month}` };
    if (day < 1 || day > daysInMonth) return { problem: `"${text}": ${MONTHS[month - 1]} ${year} has no day ${day}` };
    if (hour > 23 || minute > 59 || second > 59) return { problem: `"${text}": hours go to 23, minutes and seconds to 59` };
    const instant = wallClockToEpoch(zone, year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0')));
    return { expression: new Date(instant).toISOString() };
  }
  const problem = timeExpressionProblem(text, SEARCH_LIMITS.timeExpressionLength);
  return problem ? { problem } : { expression: text };
}

/** Null when the range can be searched now, else why not (an inverted range, a bad end). */
export function rangeProblem(range: TimeRange, zone: string, now: number = Date.now()): string | null {
  try {
    resolveTimeRange({ ...range, timeZone: zone }, now);
    return null;
  } catch (err) {
    if (err instanceof InvalidTimeRangeError)
      return err.message.startsWith('the range ends before') ? 'The start must be before the end.' : err.message;
    throw err;
  }
}

export function describeRange(range: TimeRange, zone: string): string {
  const quick = QUICK_RANGES.find((q) => q.range.from === range.from && q.range.to === range.to);
  if (quick) return quick.label;
  const side = (expr: string) =>
    isRelativeExpression(expr) ? expr : formatTimestamp(resolveOrRaw(expr, zone), zone).replace(/\.\d{3}$/, '');
  return `${side(range.from)} → ${side(range.to)}`;
}

function resolveOrRaw(expr: string, zone: string): string | number {
  try {
    return resolveTimeRange({ from: expr, to: expr, timeZone: zone }, Date.now()).from;
  } catch {
    return expr;
  }
}
