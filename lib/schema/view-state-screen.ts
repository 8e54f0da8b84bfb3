/**
 * A saved view's state ⇄ the explorer screen's state, free of zod so the browser can convert
 * without loading the schema library (the schema itself is lib/schema/view-state.ts).
 */
import { VIEW_STATE_VERSION } from '@/lib/schema/limits';
import type { ViewState } from '@/lib/schema/view-state';

/** Everything the screen knows; extra keys (the open document, …) are not part of a view. */
export interface ViewStateSource {
  source?: string | undefined;
  query: { language: ViewState['query']['language']; text: string };
  filters: ViewState['filters'];
  time: { from: string; to: string; timeZone?: string | undefined };
  columns: readonly string[];
  sort: ViewState['sort'];
}

export function toViewState(screen: ViewStateSource): ViewState {
  return {
    schemaVersion: VIEW_STATE_VERSION,
    ...(screen.source ? { source: screen.source } : {}),
    query: { language: screen.query.language, text: screen.query.text },
    filters: screen.filters,
    time: { from: screen.time.from, to: screen.time.to, ...(screen.time.timeZone ? { timeZone: screen.time.timeZone } : {}) },
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
