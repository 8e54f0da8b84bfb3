/**
 * The paging cursor: opaque to callers, but plain base64url JSON inside — the sort values of the
 * last hit, the ids that share them, the first page's resolved range and total — plus a version,
 * a hash of the request's identity (so a cursor only continues the search it came from) and a
 * checksum (so a damaged or hand-edited cursor is refused rather than half-trusted). It is not a
 * secret: everything in it was in the response already.
 */
import { createHash } from 'node:crypto';
import { SEARCH_LIMITS, type SearchRequest } from '@/lib/schema/search';

export const CURSOR_VERSION = 1;
/** Ids of hits tied on every sort value; more than a handful would take a pathological index. */
export const MAX_TIE_IDS = 16;

/** `[time (ISO, nanosecond precision), _index, _seq_no]`, see `buildSort`. */
export type SortValues = [string, string, number];

export interface CursorState {
  after: SortValues;
  tieIds: string[];
  range: { from: number; to: number };
  total: { value: number; relation: 'eq' | 'gte' };
}

export class CursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CursorError';
  }
}

function digest(text: string, chars: number): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, chars);
}

/** What makes two requests "the same search": not size, histogram or facets, which may change between pages. */
export function requestIdentity(req: Pick<SearchRequest, 'source' | 'query' | 'filters' | 'time' | 'sort'>): string {
  const identity = [req.source ?? '', req.query.language, req.query.text, req.filters, req.time.from, req.time.to, req.sort];
  return digest(JSON.stringify(identity), 16);
}

interface Payload {
  v: number;
  q: string;
  a: SortValues;
  t: string[];
  r: [number, number];
  n: [number, 'eq' | 'gte'];
}

function encodePayload(payload: Payload): string {
  const json = JSON.stringify(payload);
  return `${Buffer.from(json, 'utf8').toString('base64url')}.${digest(json, 11)}`;
}

/**
 * The cursor must fit the request limit it will be sent back under; with absurdly long ids the
 * oldest tied ids are dropped first (at worst a tied hit shows twice, none goes missing).
 */
export function encodeCursor(state: CursorState, identity: string): string {
  const payload: Payload = {
    v: CURSOR_VERSION,
    q: identity,
    a: state.after,
    t: state.tieIds.slice(-MAX_TIE_IDS),
    r: [state.range.from, state.range.to],
    n: [state.total.value, state.total.relation],
  };
  let cursor = encodePayload(payload);
  while (cursor.length > SEARCH_LIMITS.cursorLength && payload.t.length > 0) {
    payload.t = payload.t.slice(1);
    cursor = encodePayload(payload);
  }
  return cursor;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function isPayload(p: unknown): p is Payload {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  const a = o.a;
  const r = o.r;
  const n = o.n;
  const t = o.t;
  return (
    isInt(o.v) &&
    isShortString(o.q, 64) &&
    Array.isArray(a) &&
    a.length === 3 &&
    isShortString(a[0], 40) &&
    isShortString(a[1], 255) &&
    isInt(a[2]) &&
    a[2] >= -1 &&
    Array.isArray(t) &&
    t.length <= MAX_TIE_IDS &&
    t.every((id) => isShortString(id, 512)) &&
    Array.isArray(r) &&
    r.length === 2 &&
    isInt(r[0]) &&
    isInt(r[1]) &&
    Array.isArray(n) &&
    n.length === 2 &&
    isInt(n[0]) &&
    n[0] >= 0 &&
    (n[1] === 'eq' || n[1] === 'gte')
  );
}

/** The state inside a cursor, or a `CursorError` saying why it cannot continue this search. */
export function decodeCursor(cursor: string, identity: string): CursorState {
  const [body, sum, extra] = cursor.split('.');
  if (!body || !sum || extra !== undefined) throw new CursorError('the cursor is malformed');
  const json = Buffer.from(body, 'base64url').toString('utf8');
  if (digest(json, 11) !== sum) throw new CursorError('the cursor is damaged');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new CursorError('the cursor is malformed');
  }
  if (typeof parsed === 'object' && parsed !== null && (parsed as { v?: unknown }).v !== CURSOR_VERSION) {
    throw new CursorError('the cursor comes from another version of the app; start the search again');
  }
  if (!isPayload(parsed)) throw new CursorError('the cursor is malformed');
  if (parsed.q !== identity) {
    throw new CursorError('the cursor belongs to a different search (query, filters, time or sort changed)');
  }
  return {
    after: parsed.a,
    tieIds: parsed.t,
    range: { from: parsed.r[0], to: parsed.r[1] },
    total: { value: parsed.n[0], relation: parsed.n[1] },
  };
}
