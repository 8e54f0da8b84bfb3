/**
 * The explorer's URL codec: the URL is the source of truth for what the screen shows, so every
 * link someone pastes must decode to a usable state. Decoding never throws — a parameter that is
 * missing, malformed, over a limit or from an unknown version falls back to its default, one
 * parameter at a time, so one bad value does not cost the rest of a shared link.
 *
 * The state is the one screen shape of lib/schema/screen-state.ts (what saved views and embeds
 * store, under the same version) plus the open document; its bounds are that schema's.
 */
import { checkFilter } from '@/lib/schema/filter-check';
import { DEFAULT_TIME_RANGE, QUERY_LANGUAGES, SCREEN_STATE_LIMITS, SEARCH_LIMITS, SORT_ORDERS } from '@/lib/schema/limits';
import type { Filter, QueryInput, QueryLanguage, TimeRange } from '@/lib/schema/search';
import { InvalidTimeRangeError, isValidTimeZone, resolveTimeRange, timeExpressionProblem, UTC } from '@/lib/time';
import type { ScreenState } from '@/lib/schema/screen-state';
import { migrateParams, SCREEN_STATE_VERSION } from '@/lib/url-state/migrations';

/** Profile meanings (resolved per source) and `message`; anything else is a field name. */
export const DEFAULT_COLUMNS: readonly string[] = ['namespace', 'pod', 'container', 'level', 'message'];
export const MAX_COLUMNS = SCREEN_STATE_LIMITS.maxColumns;

export interface DocRef {
  index: string;
  id: string;
}

/** The screen (lib/schema/screen-state.ts) without its version, and the document open in the document view. */
export interface ExplorerState extends Omit<ScreenState, 'schemaVersion' | 'source' | 'query' | 'time'> {
  source: string | undefined;
  query: QueryInput;
  time: TimeRange;
  /** The document open in the document view. */
  doc: DocRef | null;
  /**
   * Live mode: new hits stream in (`live=1`). A way of watching the screen, not part of it — a
   * saved view or an embed does not keep it, as it does not keep the open document — but a
   * shared link and a reload come back live. Absent means off, which is what every link meant
   * before the parameter existed, so it needs no migration step.
   */
  live: boolean;
}

export const DEFAULT_STATE: ExplorerState = {
  source: undefined,
  query: { language: 'kql', text: '' },
  filters: [],
  time: DEFAULT_TIME_RANGE,
  columns: [...DEFAULT_COLUMNS],
  sort: 'desc',
  doc: null,
  live: false,
};

/** Parameter names: short because links get pasted into chats and tickets. */
const P = {
  version: 'v',
  source: 'src',
  query: 'q',
  language: 'lang',
  filters: 'f',
  from: 'from',
  to: 'to',
  columns: 'cols',
  sort: 'sort',
  doc: 'doc',
  timeZone: 'tz',
  live: 'live',
} as const;

type Params = Pick<URLSearchParams, 'get'>;

export function decodeState(params: Params): ExplorerState {
  // Links from older shapes are rewritten into the current one first (migrations.ts).
  const migrated = migrateParams(params);
  return {
    source: decodeSource(migrated.get(P.source)),
    query: {
      language: decodeLanguage(migrated.get(P.language)),
      text: decodeQueryText(migrated.get(P.query)),
    },
    filters: decodeFilters(migrated.get(P.filters)),
    time: decodeTime(migrated.get(P.from), migrated.get(P.to), migrated.get(P.timeZone)),
    columns: decodeColumns(migrated.get(P.columns)),
    sort: oneOf(SORT_ORDERS, migrated.get(P.sort)) ?? DEFAULT_STATE.sort,
    doc: decodeDoc(migrated.get(P.doc)),
    // Only the spelling the encoder writes turns it on: `live=true`, `live=0`, `live=` are off.
    live: migrated.get(P.live) === '1',
  };
}

/**
 * Writes only what differs from the defaults, except the version and the time range: a link's
 * time range is spelled out so it still means the same thing if the default ever changes.
 */
export function encodeState(state: ExplorerState): URLSearchParams {
  const out = new URLSearchParams();
  out.set(P.version, String(SCREEN_STATE_VERSION));
  if (state.source) out.set(P.source, state.source);
  if (state.query.text) out.set(P.query, state.query.text);
  if (state.query.language !== DEFAULT_STATE.query.language) out.set(P.language, state.query.language);
  if (state.filters.length > 0) out.set(P.filters, JSON.stringify(state.filters.map(compactFilter)));
  out.set(P.from, state.time.from);
  out.set(P.to, state.time.to);
  if (state.time.timeZone) out.set(P.timeZone, state.time.timeZone);
  if (!sameList(state.columns, DEFAULT_COLUMNS)) out.set(P.columns, state.columns.map(escapeColumn).join(','));
  if (state.sort !== DEFAULT_STATE.sort) out.set(P.sort, state.sort);
  if (state.doc) out.set(P.doc, `${state.doc.index}/${state.doc.id}`);
  if (state.live) out.set(P.live, '1');
  return out;
}

export function stateToSearch(state: ExplorerState): string {
  return `?${encodeState(state).toString()}`;
}

function oneOf<T extends string>(allowed: readonly T[], raw: string | null): T | undefined {
  return allowed.find((v) => v === raw);
}

function decodeSource(raw: string | null): string | undefined {
  if (!raw || raw.length > SCREEN_STATE_LIMITS.sourceLength || !/^[\w.-]+$/.test(raw)) return undefined;
  return raw;
}

function decodeLanguage(raw: string | null): QueryLanguage {
  return oneOf(QUERY_LANGUAGES, raw) ?? DEFAULT_STATE.query.language;
}

function decodeQueryText(raw: string | null): string {
  if (raw === null || raw.length > SEARCH_LIMITS.queryLength) return DEFAULT_STATE.query.text;
  return raw;
}

function decodeFilters(raw: string | null): Filter[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const filters: Filter[] = [];
  for (const item of parsed.slice(0, SEARCH_LIMITS.maxFilters)) {
    const result = checkFilter(item);
    if (result.ok) filters.push(result.filter);
  }
  return filters;
}

/** The one time grammar (lib/time): date math, ISO-8601 or epoch milliseconds. */
export function isTimeExpression(raw: string): boolean {
  return timeExpressionProblem(raw, SEARCH_LIMITS.timeExpressionLength) === null;
}

/**
 * A time range the server would refuse (a bad end, an unknown zone, an end before the start at
 * this moment) falls back to the default: a link that cannot be searched shows the last 24 h.
 * The zone is kept apart: a link with a bad `tz` keeps its range in the viewer's zone.
 */
function decodeTime(from: string | null, to: string | null, tz: string | null): TimeRange {
  const timeZone = tz !== null && isValidTimeZone(tz) ? tz : undefined;
  const zoned = (range: TimeRange): TimeRange => (timeZone ? { ...range, timeZone } : range);
  if (from === null || to === null || !isTimeExpression(from) || !isTimeExpression(to)) return zoned(DEFAULT_STATE.time);
  try {
    resolveTimeRange({ from, to, timeZone: timeZone ?? UTC }, Date.now());
  } catch (err) {
    if (err instanceof InvalidTimeRangeError) return zoned(DEFAULT_STATE.time);
    throw err;
  }
  return zoned({ from, to });
}

/** Commas separate columns, so a comma (and the escape character) inside a field name is escaped. */
function escapeColumn(name: string): string {
  return name.replace(/%/g, '%25').replace(/,/g, '%2C');
}

function decodeColumns(raw: string | null): string[] {
  if (raw === null) return [...DEFAULT_COLUMNS];
  const columns: string[] = [];
  for (const part of raw.split(',')) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      continue;
    }
    if (name.length === 0 || name.length > SEARCH_LIMITS.fieldNameLength || columns.includes(name)) continue;
    columns.push(name);
    if (columns.length === MAX_COLUMNS) break;
  }
  return columns.length > 0 ? columns : [...DEFAULT_COLUMNS];
}

function decodeDoc(raw: string | null): DocRef | null {
  if (!raw || raw.length > 1024) return null;
  // Index names cannot contain '/', so the first one separates index from id.
  const slash = raw.indexOf('/');
  if (slash <= 0 || slash === raw.length - 1) return null;
  return { index: raw.slice(0, slash), id: raw.slice(slash + 1) };
}

/** Leaves out flags at their defaults so shared links stay short. */
function compactFilter(filter: Filter): Record<string, unknown> {
  const { negate, disabled, ...rest } = filter;
  return { ...rest, ...(negate ? { negate } : {}), ...(disabled ? { disabled } : {}) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
