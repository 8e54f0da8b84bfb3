/**
 * A strict ISO-8601 reader: `2026-11-20`, `2026-11-20T12:00`, `2026-11-20T12:00:00.123456789+01:00`.
 * A date or date-time without a zone is wall-clock time in the given time zone (UTC when none),
 * as Elasticsearch reads it with `time_zone`. Fractions beyond milliseconds are truncated.
 */
import { UTC, wallClockToEpoch } from '@/lib/time/zone';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function offsetMinutes(zone: string): number | null {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** Epoch milliseconds, or null when the text is not a valid ISO-8601 date or date-time. */
export function parseIsoInstant(text: string, timeZone: string = UTC): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  if (day < 1 || day > daysInMonth) return null;
  const millis = Number(frac.padEnd(3, '0').slice(0, 3));
  if (zone === undefined) return wallClockToEpoch(timeZone, year, month - 1, day, hour, minute, second, millis);
  const offset = offsetMinutes(zone);
  if (offset === null) return null;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year);
  return date.getTime() - offset * 60_000;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
