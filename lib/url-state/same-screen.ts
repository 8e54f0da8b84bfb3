/**
 * The one answer to "is this the same screen": the same source, query and language, filters,
 * time range (as written: `now-24h` is not the instant it resolved to), columns and sort. The
 * open document and the version are not part of it, nor is the order of keys in whatever object
 * holds the state. Used by the unsaved-changes marker of a saved view; short links get the same
 * id for the same screen by hashing the codec's canonical spelling of it (lib/links/path.ts).
 */
import { toScreenState, type ScreenLike } from '@/lib/url-state/screen-document';

/** JSON with object keys sorted, so equal values compare equal whatever built them. */
export function stableJson(value: unknown): string {
  // The keys of one object are distinct, so the comparator never needs to answer "equal".
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** A screen's identity as text: equal for the same screen, different otherwise. */
export function screenKey(screen: ScreenLike): string {
  return stableJson(toScreenState(screen));
}

export function sameScreen(a: ScreenLike, b: ScreenLike): boolean {
  return screenKey(a) === screenKey(b);
}
