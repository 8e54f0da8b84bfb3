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
