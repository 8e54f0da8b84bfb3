import { resolveDateMath, TimeExpressionError } from '@/lib/time/date-math';
import { isValidTimeZone } from '@/lib/time/zone';

export interface ResolvedRange {
  /** Inclusive start, epoch ms. */
  from: number;
  /** Inclusive end, epoch ms. */
  to: number;
}

/** A bad time range, with the request path of the culprit (`time.from`, `time.to`, `time`). */
export class InvalidTimeRangeError extends Error {
  readonly path: string;

  constructor(message: string, path: string) {
    super(message);
    this.name = 'InvalidTimeRangeError';
    this.path = path;
  }
}

function resolveEnd(expression: string, now: number, roundUp: boolean, timeZone: string | undefined, path: string): number {
  try {
    return resolveDateMath(expression, now, { roundUp, ...(timeZone ? { timeZone } : {}) });
  } catch (err) {
    if (err instanceof TimeExpressionError) throw new InvalidTimeRangeError(err.message, path);
    throw err;
  }
}

/**
 * Both ends against the same `now` in the range's zone (UTC when absent), the end rounded up. An end before the start is reported on
 * `time.from`: one path per error keeps the UI's field marking simple.
 */
export function resolveTimeRange(
  range: { from: string; to: string; timeZone?: string | undefined },
  now: number,
  pathPrefix = 'time',
): ResolvedRange {
  if (range.timeZone !== undefined && !isValidTimeZone(range.timeZone)) {
    throw new InvalidTimeRangeError(
      `"${range.timeZone}" is not a known IANA time zone (e.g. Europe/Berlin, UTC)`,
      `${pathPrefix}.timeZone`,
    );
  }
  const from = resolveEnd(range.from, now, false, range.timeZone, `${pathPrefix}.from`);
  const to = resolveEnd(range.to, now, true, range.timeZone, `${pathPrefix}.to`);
  if (from > to) {
    throw new InvalidTimeRangeError(
      `the range ends before it starts: "${range.from}" is ${new Date(from).toISOString()}, "${range.to}" is ${new Date(to).toISOString()}`,
      `${pathPrefix}.from`,
    );
  }
  return { from, to };
}

/** A zone whose offset is not a whole hour, so any rounding or wall-clock time lands elsewhere than in UTC. */
const HALF_HOUR_ZONE = 'Asia/Kolkata';

/**
 * Whether the range's instants depend on the zone it is read in (`now/d`, a wall-clock time),
 * which a server that does not know the viewer's zone must not guess; `now-24h` and instants
 * with an offset mean the same everywhere. A range that does not resolve counts as needing one.
 */
export function rangeNeedsZone(range: { from: string; to: string }, now: number): boolean {
  try {
    const utc = resolveTimeRange({ from: range.from, to: range.to }, now);
    const other = resolveTimeRange({ from: range.from, to: range.to, timeZone: HALF_HOUR_ZONE }, now);
    return utc.from !== other.from || utc.to !== other.to;
  } catch (err) {
    if (err instanceof InvalidTimeRangeError) return true;
    throw err;
  }
}
