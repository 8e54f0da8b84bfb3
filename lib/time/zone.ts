/**
 * Time zones: IANA names as the browser reports them (`Europe/Berlin`, `Asia/Kolkata`) or `UTC`.
 * Calendar arithmetic in a zone goes through `@date-fns/tz`'s `TZDate` (a `Date` whose getters
 * and setters work in that zone, DST included), so 23- and 25-hour days are handled by a kept
 * library, not by offset sums of our own.
 */
import { TZDate } from '@date-fns/tz';

export const UTC = 'UTC';

/**
 * Zones found valid before. Making a `DateTimeFormat` costs ~0.3 ms and every search request
 * names its zone (6 % of the app's CPU time in a profile of the explorer's screen). Only valid
 * names are kept, and at most KNOWN_ZONES_MAX of them (Intl also takes `europe/berlin`, so
 * spellings are many); past it a name is checked each time, as before.
 */
const knownZones = new Set<string>();
const KNOWN_ZONES_MAX = 2_000;

/**
 * True for a zone both the browser's Intl and the engine (java.time) understand: IANA names and
 * `UTC`. Fixed offsets such as `+05:30` are refused: they have no DST and a user's zone does.
 */
export function isValidTimeZone(zone: string): boolean {
  // A name starts with a letter: this refuses offsets, which newer Intl versions accept.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < KNOWN_ZONES_MAX) knownZones.add(zone);
  return true;
}

/** A `Date` at `epochMs` whose calendar getters and setters work in `zone`. */
export function inZone(epochMs: number, zone: string): TZDate {
  return new TZDate(epochMs, zone);
}

/**
 * Epoch ms of a wall-clock time in `zone` (month 0-based; out-of-range fields roll over as in
 * Date). As java.time resolves it: a time that exists twice (DST fall-back) is its earlier
 * instant; one that does not exist (spring-forward gap) moves forward by the gap's length.
 */
export function wallClockToEpoch(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new TZDate(2000, 0, 1, 0, 0, 0, 0, zone);
  d.setFullYear(year, month, day);
  d.setHours(hour, minute, second, ms);
  const resolved = d.getTime();
  // A time that exists twice: TZDate picks the later instant; the earlier one has the offset
  // the zone had a day before.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, day);
  const wall = utc.setUTCHours(hour, minute, second, ms);
  const offsetBefore = zoneOffsetMinutes(wall - 86_400_000, zone);
  const earlier = wall - offsetBefore * 60_000;
  return earlier < resolved && zoneOffsetMinutes(earlier, zone) === offsetBefore ? earlier : resolved;
}

/** Minutes east of UTC that `zone` is at `epochMs` (330 for Asia/Kolkata). */
export function zoneOffsetMinutes(epochMs: number, zone: string): number {
  return -inZone(epochMs, zone).getTimezoneOffset();
}
