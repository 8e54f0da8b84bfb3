/**
 * What a saved view remembers: the explorer screen's URL state (without the open document),
 * versioned on its own so that a view saved by an older build still opens after the shape
 * changes. The URL codec (lib/url-state) and this schema describe the same fields; a view's
 * state converts to the codec's `ExplorerState` with `viewStateToScreen(state)` and back with
 * `toViewState(explorerState)`.
 */
import { z } from 'zod';
import { VIEW_STATE_VERSION } from '@/lib/schema/limits';
import { Filter, QueryInput, SEARCH_LIMITS, SortOrder, TimeRange } from '@/lib/schema/search';
import { InvalidTimeRangeError, resolveTimeRange } from '@/lib/time';

export { VIEW_STATE_VERSION };

export const VIEW_STATE_LIMITS = {
  /** The same bound as the URL codec's MAX_COLUMNS, so every view fits in a link and back. */
  maxColumns: 30,
  sourceLength: 64,
} as const;

/**
 * The screen's time range in the one grammar of lib/time (the API's `TimeRange`: date math,
 * ISO-8601, epoch ms, an optional zone), so every range the screen can search can be saved and
 * no saved range fails to search for its syntax. Relative ends are resolved against the clock
 * only to check their order.
 */
export const ViewTimeRange = TimeRange.strict().superRefine((time, ctx) => {
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

export const ViewState = z
  .object({
    schemaVersion: z.literal(VIEW_STATE_VERSION),
    /** Absent means "the default source", as in the URL. */
    source: z
      .string()
      .min(1)
      .max(VIEW_STATE_LIMITS.sourceLength)
      .regex(/^[\w.-]+$/, 'source ids are letters, digits, _, . and -')
      .optional(),
    query: QueryInput.strict(),
    filters: z.array(Filter).max(SEARCH_LIMITS.maxFilters, `at most ${SEARCH_LIMITS.maxFilters} filters`),
    time: ViewTimeRange,
    columns: z
      .array(columnName)
      .min(1, 'at least one column')
      .max(VIEW_STATE_LIMITS.maxColumns, `at most ${VIEW_STATE_LIMITS.maxColumns} columns`)
      .refine((cols) => new Set(cols).size === cols.length, 'columns must not repeat'),
    sort: SortOrder,
  })
  .strict();
export type ViewState = z.infer<typeof ViewState>;

export { toViewState, viewStateToScreen, type ViewScreenState, type ViewStateSource } from '@/lib/schema/view-state-screen';

/**
 * Brings a stored or submitted state up to the current version before it is validated. Each
 * future version adds one step here (v1 → v2, v2 → v3, …); input without a version is read as
 * version 1, the first shape. Unknown future versions are left alone and fail validation.
 */
export function migrateViewState(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const state = raw as Record<string, unknown>;
  if (state.schemaVersion === undefined) return { ...state, schemaVersion: 1 };
  return state;
}

/** Migrates, then validates: the one way into a `ViewState` from anything untrusted. */
export const StoredViewState = z.preprocess(migrateViewState, ViewState);
