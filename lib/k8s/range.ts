import { ApiError } from '@/lib/api/errors';
import { InvalidTimeRangeError, resolveTimeRange, type ResolvedRange } from '@/lib/time';

/**
 * `since` / `until` with the project's one time grammar (date math, ISO-8601, epoch ms), errors
 * pointing at the parameter the caller wrote.
 */
export function resolveLogsRange(since: string, until: string, now: number): ResolvedRange {
  try {
    return resolveTimeRange({ from: since, to: until }, now, 'time');
  } catch (err) {
    if (err instanceof InvalidTimeRangeError) {
      const path = err.path === 'time.to' ? 'until' : 'since';
      throw new ApiError(400, 'invalid_time', err.message, { path });
    }
    throw err;
  }
}
