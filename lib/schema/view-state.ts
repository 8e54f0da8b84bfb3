/**
 * What a saved view remembers: the explorer screen's URL state (without the open document),
 * versioned on its own so that a view saved by an older build still opens after the shape
 * changes. The URL codec (lib/url-state) and this schema describe the same fields; a view's
 * state converts to the codec's `ExplorerState` with `viewStateToScreen(state)` and back with
 * `toViewState(explorerState)`.
 */
import { z } from 'zod';
import { Filter, QueryInput, SEARCH_LIMITS, SortOrder } from '@/lib/schema/search';
import { InvalidTimeRangeError, resolveDateMath, resolveTimeRange, TimeExpressionError } from '@/lib/time';

export const VIEW_STATE_VERSION = 1;

export const VIEW_STATE_LIMITS = {
  /** The same bound as the URL codec's MAX_COLUMNS, so every view fits in a link and back. */
  maxColumns: 30,
  sourceLength: 64,
} as const;

/**
 * Time ends are checked by the same resolver the search uses (date math such as `now-15m` or
 * `now-1d/d`, ISO-8601, epoch ms), so every range the screen can search can be saved and no
 * saved range fails to search for its syntax. Relative ends are resolved against the clock
 * only to check their order.
 */
export function isViewTimeExpression(raw: string): boolean {
  try {
    resolveDateMath(raw, Date.now(), { roundUp: false });
    return true;
  } catch (err) {
    if (err instanceof TimeExpressionError) return false;
    throw err;
  }
}

const timeExpression = z
  .string()
  .min(1, 'a time is required')
  .max(SEARCH_LIMITS.timeExpressionLength, `times are at most ${SEARCH_LIMITS.timeExpressionLength} characters`)
  .refine(isViewTimeExpression, 'expected date math like now-24h, an ISO-8601 time or epoch milliseconds');

export const ViewTimeRange = z
  .object({ from: timeExpression, to: timeExpression })
  .strict()
  .superRefine((time, ctx) => {
    try {
      resolveTimeRange(time, Date.now());
    } catch (err) {
      if (!(err instanceof InvalidTimeRangeError)) throw err;
      // The ends were checked one by one above; what is left is their order.
      ctx.addIssue({ code: 'custom', message: 'from must not be after to' });
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

/** Everything the screen knows; extra keys (the open document, …) are not part of a view. */
export interface ViewStateSource {
  source?: string | undefined;
  query: { language: ViewState['query']['language']; text: string };
  filters: ViewState['filters'];
  time: { from: string; to: string };
  columns: readonly string[];
  sort: ViewState['sort'];
}

export function toViewState(screen: ViewStateSource): ViewState {
  return {
    schemaVersion: VIEW_STATE_VERSION,
    ...(screen.source ? { source: screen.source } : {}),
    query: { language: screen.query.language, text: screen.query.text },
    filters: screen.filters,
    time: { from: screen.time.from, to: screen.time.to },
    columns: [...screen.columns],
    sort: screen.sort,
  };
}

/** The screen state a view opens to (the URL codec's `ExplorerState`, with no document open). */
export interface ViewScreenState extends Omit<ViewState, 'schemaVersion' | 'source'> {
  source: string | undefined;
  doc: null;
}

export function viewStateToScreen(state: ViewState): ViewScreenState {
  const { schemaVersion: _version, source, ...rest } = state;
  return { ...rest, source, doc: null };
}

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
