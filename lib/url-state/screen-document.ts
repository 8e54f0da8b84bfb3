/**
 * A screen as a JSON document — a saved view's or an embed's `state` (lib/schema/screen-state.ts)
 * — to and from the explorer's state, and the one way to read such a document from anything
 * untrusted (the store, a request): migrated through the URL's own chain, then validated.
 *
 * One chain for links and documents: a document older than the current version is spelled as a
 * link of its version — every part written out, so no step has to guess what a default meant
 * then — walked through `SCREEN_MIGRATIONS` (lib/url-state/migrations.ts) like any old link, and
 * read back with the codec. A document at the current version is left as it is.
 *
 * This half is free of zod, so the explorer's browser bundle converts screens without the schema
 * library; the reading half (migrate, then validate) is lib/url-state/stored-screen.ts.
 */
import type { ScreenState } from '@/lib/schema/screen-state';
import { DEFAULT_STATE, encodeState, type ExplorerState } from '@/lib/url-state/codec';
import { SCREEN_STATE_VERSION, VERSION_PARAM } from '@/lib/url-state/migrations';

/** What a screen document is made from: the explorer's state; other keys (the open document) are left out. */
export interface ScreenLike {
  source?: string | undefined;
  query: { language: ScreenState['query']['language']; text: string };
  filters: ScreenState['filters'];
  time: { from: string; to: string; timeZone?: string | undefined };
  columns: readonly string[];
  sort: ScreenState['sort'];
}

export function toScreenState(screen: ScreenLike): ScreenState {
  return {
    schemaVersion: SCREEN_STATE_VERSION,
    ...(screen.source ? { source: screen.source } : {}),
    query: { language: screen.query.language, text: screen.query.text },
    filters: screen.filters,
    time: { from: screen.time.from, to: screen.time.to, ...(screen.time.timeZone ? { timeZone: screen.time.timeZone } : {}) },
    columns: [...screen.columns],
    sort: screen.sort,
  };
}

/** The explorer state a stored screen opens to, with no document open and not live. */
export function screenFromState(state: ScreenState): ExplorerState {
  const { schemaVersion: _version, source, ...rest } = state;
  return { ...rest, source, doc: null, live: false };
}

/** How each part the codec leaves out at its default is spelled explicitly (the codec reads each back as that default). */
const EXPLICIT_DEFAULTS: Readonly<Record<string, string>> = {
  src: '',
  q: '',
  lang: DEFAULT_STATE.query.language,
  f: '[]',
  cols: DEFAULT_STATE.columns.join(','),
  sort: DEFAULT_STATE.sort,
};

/** A document's parts as a link of `version` (0: before links carried one), every part spelled out. */
export function screenDocumentParams(parts: Omit<ScreenState, 'schemaVersion'>, version: number): URLSearchParams {
  const params = encodeState({ ...parts, source: parts.source, doc: null, live: false });
  for (const [name, spelled] of Object.entries(EXPLICIT_DEFAULTS)) {
    if (params.get(name) === null) params.set(name, spelled);
  }
  if (version === 0) params.delete(VERSION_PARAM);
  else params.set(VERSION_PARAM, String(version));
  return params;
}

/**
 * The version of a stored document that needs migrating: no version is v0, the shape before
 * versions (as a link without `v`); a whole number below the current one is itself. Null for the
 * current version (nothing to do) and for anything else — a future or junk version is left for
 * validation to refuse, never guessed at.
 */
export function olderDocumentVersion(version: unknown): number | null {
  if (version === undefined) return 0;
  return Number.isInteger(version) && (version as number) >= 0 && (version as number) < SCREEN_STATE_VERSION ? (version as number) : null;
}
