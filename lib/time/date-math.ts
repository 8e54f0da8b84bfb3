/**
 * Date math in the style of Elasticsearch / Kibana (`now-15m`, `now-1h/h`, `now/d`,
 * `2026-11-20T00:00:00Z||+1d`), resolved to epoch milliseconds against a given `now`.
 * Pure: no clock, no locale; calendar arithmetic and rounding are in UTC.
 */
import { parseIsoInstant } from '@/lib/time/iso';

export type DateMathUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'H' | 'm' | 's';

export class TimeExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeExpressionError';
  }
}

const UNIT_MS: Record<Exclude<DateMathUnit, 'y' | 'M'>, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  H: 3_600_000,
  m: 60_000,
  s: 1_000,
};

/** The far ends a Date can hold; anything beyond is an error, not an Invalid Date. */
const MAX_EPOCH_MS = 8.64e15;
const EPOCH_MS = /^\d{1,15}$/;
const OPERATION = /([+-])(\d{0,6})([yMwdhHms])|\/([yMwdhHms])/y;

function isUnit(u: string): u is DateMathUnit {
  return u in UNIT_MS || u === 'y' || u === 'M';
}

export function addUnits(epochMs: number, amount: number, unit: DateMathUnit): number {
  if (unit === 'y' || unit === 'M') {
    const d = new Date(epochMs);
    const months = unit === 'y' ? amount * 12 : amount;
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    // Jan 31 + 1M is the last day of February, as in Elasticsearch (java.time), not March 3.
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, lastDay));
    return d.getTime();
  }
  return epochMs + amount * UNIT_MS[unit];
}

/** Start of the unit containing `epochMs`, or its last millisecond when `roundUp`. */
export function roundTo(epochMs: number, unit: DateMathUnit, roundUp: boolean): number {
  const d = new Date(epochMs);
  let start: number;
  switch (unit) {
    case 'y':
      start = Date.UTC(d.getUTCFullYear(), 0, 1);
      break;
    case 'M':
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      break;
    case 'w': {
      // ISO weeks start on Monday, as Elasticsearch rounds them.
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - sinceMonday);
      break;
    }
    default: {
      const size = UNIT_MS[unit];
      start = Math.floor(epochMs / size) * size;
    }
  }
  return roundUp ? addUnits(start, 1, unit) - 1 : start;
}

function parseAnchor(anchor: string, now: number): number {
  if (anchor === 'now') return now;
  if (EPOCH_MS.test(anchor)) return Number(anchor);
  const instant = parseIsoInstant(anchor);
  if (instant === null) {
    throw new TimeExpressionError(`"${anchor}" is neither "now", an ISO-8601 date-time nor epoch milliseconds`);
  }
  return instant;
}

/**
 * Resolves one expression. `roundUp` is for the end of a range: `now/d` then means the last
 * millisecond of today, so that `now/d` .. `now/d` covers the whole day (Elasticsearch's `lte`
 * rounding).
 */
export function resolveDateMath(expression: string, now: number, opts: { roundUp?: boolean } = {}): number {
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
  let value = parseAnchor(anchorText, now);

  OPERATION.lastIndex = 0;
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
    if (roundUnit && isUnit(roundUnit)) {
      value = roundTo(value, roundUnit, opts.roundUp === true);
    } else if (addUnit && isUnit(addUnit)) {
      const amount = digits ? Number(digits) : 1;
      value = addUnits(value, sign === '-' ? -amount : amount, addUnit);
    }
    at = OPERATION.lastIndex;
  }
  if (!Number.isFinite(value) || Math.abs(value) > MAX_EPOCH_MS) {
    throw new TimeExpressionError(`"${text}" is outside the range of dates that can be searched`);
  }
  return value;
}
