/**
 * The URL of a screen opened from a saved view (`/views/{id}?…`): the view is the base and each
 * parameter present in the URL overrides its part of it, without touching the stored view.
 *
 * The plain codec leaves parameters at their defaults out of the URL. On a view that would lose
 * information — a view with a query whose query was cleared would come back on reload — so
 * here a part that is at the codec default while the view has something else is written out
 * explicitly (`q=`, `f=[]`, `sort=desc`, `tz=` for the viewer's own zone, …). A broken
 * parameter falls back to the view's value, not to the global default.
 */
import type { TimeRange } from '@/lib/schema/search';
import { isValidTimeZone } from '@/lib/time';
import { DEFAULT_STATE, decodeState, encodeState, type ExplorerState } from '@/lib/url-state/codec';
import { migrateParams, withParams, type ParamReader } from '@/lib/url-state/migrations';
import { stableJson } from '@/lib/url-state/same-screen';

type Part = 'source' | 'language' | 'text' | 'filters' | 'columns' | 'sort';

/** The parameter of each part and how that part's codec default is spelled out explicitly. */
const PARTS: readonly { part: Part; param: string; explicitDefault: readonly string[] }[] = [
  { part: 'source', param: 'src', explicitDefault: [''] },
  { part: 'language', param: 'lang', explicitDefault: [DEFAULT_STATE.query.language] },
  { part: 'text', param: 'q', explicitDefault: [''] },
  { part: 'filters', param: 'f', explicitDefault: ['[]', ''] },
  { part: 'columns', param: 'cols', explicitDefault: [DEFAULT_STATE.columns.join(',')] },
  { part: 'sort', param: 'sort', explicitDefault: [DEFAULT_STATE.sort] },
];

function partOf(state: ExplorerState, part: Part): unknown {
  switch (part) {
    case 'source':
      return state.source;
    case 'language':
      return state.query.language;
    case 'text':
      return state.query.text;
    case 'filters':
      return state.filters;
    case 'columns':
      return state.columns;
    case 'sort':
      return state.sort;
  }
}

function withPart(state: ExplorerState, part: Part, from: ExplorerState): ExplorerState {
  switch (part) {
    case 'source':
      return { ...state, source: from.source };
    case 'language':
      return { ...state, query: { ...state.query, language: from.query.language } };
    case 'text':
      return { ...state, query: { ...state.query, text: from.query.text } };
    case 'filters':
      return { ...state, filters: from.filters };
    case 'columns':
      return { ...state, columns: from.columns };
    case 'sort':
      return { ...state, sort: from.sort };
  }
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

export function decodeOnView(params: ParamReader, base: ExplorerState): ExplorerState {
  const p = migrateParams(params);
  const decoded = decodeState(p);
  let state: ExplorerState = { ...base, query: { ...base.query }, doc: decoded.doc, live: decoded.live };
  for (const { part, param, explicitDefault } of PARTS) {
    const raw = p.get(param);
    if (raw === null) continue;
    // The codec turns a broken value into the default: only a spelled-out default is one.
    const brokenToDefault = same(partOf(decoded, part), partOf(DEFAULT_STATE, part)) && !explicitDefault.includes(raw);
    if (!brokenToDefault) state = withPart(state, part, decoded);
  }
  const from = p.get('from');
  const to = p.get('to');
  const tz = p.get('tz');
  if (from !== null || to !== null || tz !== null) {
    // Each end and the zone may be overridden alone (`tz=` is the viewer's own zone); a zone or
    // a range the codec refuses keeps the view's.
    const timeZone = tz === null ? base.time.timeZone : tz === '' ? undefined : isValidTimeZone(tz) ? tz : base.time.timeZone;
    const wanted: TimeRange = { from: from ?? base.time.from, to: to ?? base.time.to, ...(timeZone ? { timeZone } : {}) };
    const time = decodeState(withParams(p, { from: wanted.from, to: wanted.to, tz: timeZone ?? null })).time;
    if (same(time, wanted)) state = { ...state, time };
  }
  return state;
}

export function encodeOnView(state: ExplorerState, base: ExplorerState): URLSearchParams {
  const out = encodeState(state);
  for (const { part, param, explicitDefault } of PARTS) {
    const atDefault = same(partOf(state, part), partOf(DEFAULT_STATE, part));
    if (atDefault && !same(partOf(base, part), partOf(DEFAULT_STATE, part))) out.set(param, explicitDefault[0] ?? '');
  }
  if (!state.time.timeZone && base.time.timeZone) out.set('tz', '');
  return out;
}
