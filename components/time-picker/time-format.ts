/**
 * Times are shown in the browser's time zone, with its UTC offset spelled out, because log
 * timestamps are compared across people in different zones.
 */
import type { TimeRange } from '@/lib/schema/search';
import { isTimeExpression } from '@/lib/url-state/codec';

export interface QuickRange {
  label: string;
  range: TimeRange;
}

export const QUICK_RANGES: readonly QuickRange[] = [
  { label: 'Last 15 minutes', range: { from: 'now-15m', to: 'now' } },
  { label: 'Last 1 hour', range: { from: 'now-1h', to: 'now' } },
  { label: 'Last 24 hours', range: { from: 'now-24h', to: 'now' } },
  { label: 'Last 7 days', range: { from: 'now-7d', to: 'now' } },
  { label: 'Today', range: { from: 'now/d', to: 'now' } },
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function utcOffsetLabel(at: Date = new Date()): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 20, 2026 @ 11:59:59.123` in local time, like Discover. */
export function formatTimestamp(value: string | number): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} @ ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `2026-11-20 14:30:00` in local time: the form the time inputs accept back. */
export function formatLocalInput(value: string | number): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Short axis labels: time of day within a day, date and time beyond. */
export function formatAxisTime(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (spanMs <= 2 * 60_000) return `${hm}:${pad(d.getSeconds())}`;
  if (spanMs <= 36 * 3_600_000) return hm;
  return `${MONTHS[d.getMonth()]} ${d.getDate()} ${hm}`;
}

/**
 * What a user typed into a time box, as a time expression for the URL: date math as it is,
 * `YYYY-MM-DD[ HH:mm[:ss]]` as local time, anything with a zone as that instant.
 */
export function parseTimeInput(raw: string): string | null {
  const text = raw.trim();
  if (text.startsWith('now')) return isTimeExpression(text) ? text : null;
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s, ms] = local;
    const date = new Date(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      Number((ms ?? '0').padEnd(3, '0')),
    );
    if (Number.isNaN(date.getTime()) || date.getMonth() !== Number(mo) - 1) return null;
    return date.toISOString();
  }
  const instant = Date.parse(text);
  if (Number.isNaN(instant) || !/\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const iso = new Date(instant).toISOString();
  return isTimeExpression(iso) ? iso : null;
}

function isAbsolute(expr: string): boolean {
  return !expr.startsWith('now');
}

export function describeRange(range: TimeRange): string {
  const quick = QUICK_RANGES.find((q) => q.range.from === range.from && q.range.to === range.to);
  if (quick) return quick.label;
  const side = (expr: string) => (isAbsolute(expr) ? formatTimestamp(expr).replace(/\.\d{3}$/, '') : expr);
  return `${side(range.from)} → ${side(range.to)}`;
}
