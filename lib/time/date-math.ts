/**
 * Date math in the style of Elasticsearch / Kibana (`now-15m`, `now-1h/h`, `now/d`,
 * `2026-11-20T00:00:00Z||+1d`), resolved to epoch milliseconds against a given `now` in a given
 * time zone. One implementation for the server, the URL codec, saved views and the time picker.
 *
 * Semantics follow Elasticsearch's date math with `time_zone` (java.time): years, months, weeks
 * and days are added on the zone's calendar (`now-1d` across a DST change is the same wall-clock
 * time yesterday, 23 or 25 hours ago); hours, minutes and seconds are fixed durations; rounding
 * goes to the start of the unit in the zone, weeks starting on Monday. Pure: no clock, no locale.
 * Ours rather than `@elastic/datemath`: that one needs moment + moment-timezone in the browser
 * bundle (~100 KB) and has no rounding-up-to-the-last-millisecond mode for range ends.
 */
import { parseIsoInstant } from '@/lib/time/iso';
import { inZone, UTC } from '@/lib/time/zone';

export type DateMathUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'H' | 'm' | 's';

export class TimeExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeExpressionError';
  }
}

const FIXED_MS = { h: 3_600_000, H: 3_600_000, m: 60_000, s: 1_000 } as const;

/** The far ends a Date can hold; anything beyond is an error, not an Invalid Date. */
const MAX_EPOCH_MS = 8.64e15;
const EPOCH_MS = /^\d{1,15}$/;
const OPERATION = /([+-])(\d{0,6})([yMwdhHms])|\/([yMwdhHms])/y;

export function addUnits(epochMs: number, amount: number, unit: DateMathUnit, timeZone: string = UTC): number {
  if (unit === 'h' || unit === 'H' || unit === 'm' || unit === 's') return epochMs + amount * FIXED_MS[unit];
  const d = inZone(epochMs, timeZone);
  if (unit === 'd' || unit === 'w') {
    d.setDate(d.getDate() + amount * (unit === 'w' ? 7 : 1));
    return d.getTime();
  }
  const months = unit === 'y' ? amount * 12 : amount;
  const day = d.getDate();
  d.setDate(1);
  d.setMonth(d.getMonth() + months);
  // Jan 31 + 1M is the last day of February, as in Elasticsearch (java.time), not March 3.
  const probe = inZone(d.getTime(), timeZone);
  probe.setMonth(probe.getMonth() + 1, 0);
  d.setDate(Math.min(day, probe.getDate()));
  return d.getTime();
}

/** Start of the unit containing `epochMs` in the zone, or its last millisecond when `roundUp`. */
export function roundTo(epochMs: number, unit: DateMathUnit, roundUp: boolean, timeZone: string = UTC): number {
  const d = inZone(epochMs, timeZone);
  switch (unit) {
    case 'y':
      d.setMonth(0, 1);
      d.setHours(0, 0, 0, 0);
      break;
    case 'M':
      d.setDate(1);
      d.setHours(0, 0, 0, 0);
      break;
    case 'w':
      // ISO weeks start on Monday, as Elasticsearch rounds them.
      d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
      d.setHours(0, 0, 0, 0);
      break;
    case 'd':
      d.setHours(0, 0, 0, 0);
      break;
    default: {
      // Below a day, subtract the wall clock's minutes, seconds and ms: this keeps the instant's
      // own UTC offset, so 02:30 in the repeated hour of a DST fall-back rounds to the first
      // 02:00, as java.time does (setting fields would pick the second one).
      const within = unit === 's' ? 0 : unit === 'm' ? d.getSeconds() : d.getMinutes() * 60 + d.getSeconds();
      const start = epochMs - within * 1_000 - d.getMilliseconds();
      return roundUp ? addUnits(start, 1, unit, timeZone) - 1 : start;
    }
  }
  const start = d.getTime();
  return roundUp ? addUnits(start, 1, unit, timeZone) - 1 : start;
}

function parseAnchor(anchor: string, now: number, timeZone: string): number {
  if (anchor === 'now') return now;
  if (EPOCH_MS.test(anchor)) return Number(anchor);
  const instant = parseIsoInstant(anchor, timeZone);
  if (instant === null) {
    throw new TimeExpressionError(`"${anchor}" is neither "now", an ISO-8601 date-time nor epoch milliseconds`);
  }
  return instant;
}

export interface DateMathOptions {
  /** For the end of a range: `now/d` then means the last millisecond of today (Elasticsearch's `lte` rounding). */
  roundUp?: boolean;
  /** IANA zone for calendar units, rounding and zone-less ISO anchors; UTC when absent. */
  timeZone?: string;
}

/** Resolves one expression; throws `TimeExpressionError` saying what is wrong with it. */
export function resolveDateMath(expression: string, now: number, opts: DateMathOptions = {}): number {
  const timeZone = opts.timeZone ?? UTC;
  const text = expression.trim();
  if (text === '') throw new TimeExpressionError('the time is empty');
  let anchorText: string;
  let ops: string;
  const bars = text.indexOf('||');
  if (bars >= 0) {
    anchorText = text.slice(0, bars);
    ops = text.slice(bars + 2);
  } else if (text.startsWith('now')) {
    anchorText = 'now';
    ops = text.slice(3);
  } else {
    anchorText = text;
    ops = '';
  }
  let value = parseAnchor(anchorText, now, timeZone);

  let at = 0;
  while (at < ops.length) {
    OPERATION.lastIndex = at;
    const m = OPERATION.exec(ops);
    if (!m) {
      throw new TimeExpressionError(
        `cannot read "${ops.slice(at)}" in "${text}": expected +N<unit>, -N<unit> or /<unit> with a unit of y M w d h H m s`,
      );
    }
    const [, sign, digits, addUnit, roundUnit] = m;
    // The pattern only captures the units listed, so the casts below are checked by it.
    if (roundUnit) {
      value = roundTo(value, roundUnit as DateMathUnit, opts.roundUp === true, timeZone);
    } else {
      const amount = digits ? Number(digits) : 1;
      value = addUnits(value, sign === '-' ? -amount : amount, addUnit as DateMathUnit, timeZone);
    }
    if (!Number.isFinite(value) || Math.abs(value) > MAX_EPOCH_MS) break;
    at = OPERATION.lastIndex;
  }
  if (!Number.isFinite(value) || Math.abs(value) > MAX_EPOCH_MS) {
    throw new TimeExpressionError(`"${text}" is outside the range of dates that can be searched`);
  }
  return value;
}

/** Null when the expression is valid, else what is wrong with it: the one check every input uses. */
export function timeExpressionProblem(expression: string, maxLength: number): string | null {
  if (expression.length === 0) return 'a time is required';
  if (expression.length > maxLength) return `times are at most ${maxLength} characters`;
  try {
    // A fixed `now` keeps the check pure; validity does not depend on the clock.
    resolveDateMath(expression, 0);
    return null;
  } catch (err) {
    if (err instanceof TimeExpressionError) return err.message;
    throw err;
  }
}

/** True when the expression moves with the clock (it mentions `now`). */
export function isRelativeExpression(expression: string): boolean {
  return expression.trim().startsWith('now');
}
