/**
 * The one shape of an explorer screen: source, query and its language, filters, time range,
 * columns and sort. The URL spells it as parameters (lib/url-state/codec.ts), a saved view and
 * an embed store it as this JSON document; both carry the same version (`v` in a link,
 * `schemaVersion` here) and walk the same migration chain (lib/url-state/migrations.ts), so a
 * saved view is exactly the URL state plus a name. Read untrusted documents with
 * `StoredScreenState` (lib/url-state/stored-screen.ts), which migrates before it validates.
 */
import { z } from 'zod';
import { SCREEN_STATE_LIMITS } from '@/lib/schema/limits';
import { Filter, QueryInput, SEARCH_LIMITS, SortOrder, TimeRange } from '@/lib/schema/search';
import { InvalidTimeRangeError, resolveTimeRange } from '@/lib/time';
import { SCREEN_STATE_VERSION } from '@/lib/url-state/migrations';

export { SCREEN_STATE_VERSION };

export { SCREEN_STATE_LIMITS };

/**
 * The screen's time range in the one grammar of lib/time (the API's `TimeRange`: date math,
 * ISO-8601, epoch ms, an optional zone), so every range the screen can search can be saved and
 * no saved range fails to search for its syntax. Relative ends are resolved against the clock
 * only to check their order.
 */
export const ScreenTimeRange = TimeRange.strict().superRefine((time, ctx) => {
  try {
    resolveTimeRange(time, Date.now());
  } catch (err) {
    if (!(err instanceof InvalidTimeRangeError)) throw err;
    // The ends and the zone were checked one by one; what is left is their order.
    if (err.path.endsWith('.from')) ctx.addIssue({ code: 'custom', message: 'from must not be after to' });
  }
});

const columnName = z
  .string()
  .min(1, 'a column name is required')
  .max(SEARCH_LIMITS.fieldNameLength, `column names are at most ${SEARCH_LIMITS.fieldNameLength} characters`);

/** Everything but the version: what a migration step's output is checked against. */
export const ScreenParts = z
  .object({
    /** Absent means "the default source", as in the URL. */
    source: z
      .string()
      .min(1)
      .max(SCREEN_STATE_LIMITS.sourceLength)
      .regex(/^[\w.-]+$/, 'source ids are letters, digits, _, . and -')
      .optional(),
    query: QueryInput.strict(),
    filters: z.array(Filter).max(SEARCH_LIMITS.maxFilters, `at most ${SEARCH_LIMITS.maxFilters} filters`),
    time: ScreenTimeRange,
    columns: z
      .array(columnName)
      .min(1, 'at least one column')
      .max(SCREEN_STATE_LIMITS.maxColumns, `at most ${SCREEN_STATE_LIMITS.maxColumns} columns`)
      .refine((cols) => new Set(cols).size === cols.length, 'columns must not repeat'),
    sort: SortOrder,
  })
  .strict();

export const ScreenState = z
  .object({
    /** The screen's version: the URL's `v`. */
    schemaVersion: z.literal(SCREEN_STATE_VERSION),
    ...ScreenParts.shape,
  })
  .strict();
export type ScreenState = z.infer<typeof ScreenState>;
