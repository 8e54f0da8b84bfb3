/**
 * Short links redirect, so whatever they store must only ever lead back into this app. The
 * rules below are checked when a link is created and again when it is followed: a stored value
 * that no longer passes (the rules got stricter, someone edited the index) is never redirected to.
 */
import { LINK_LIMITS } from '@/lib/schema/limits';
import { decodeState, stateToSearch } from '@/lib/url-state/codec';

export type PathCheck = { ok: true; path: string } | { ok: false; reason: string };

/** Any origin works as a base: only whether the result stays on it matters. */
const BASE = new URL('https://log-explorer.invalid');

function fail(reason: string): PathCheck {
  return { ok: false, reason };
}

/** Undoes percent-encoding a few times over, the way a chain of proxies and frameworks might. */
function decodeRepeatedly(text: string): string | null {
  let current = text;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function checkRaw(raw: string): string | null {
  if (raw.length === 0) return 'the path is empty';
  if (raw.length > LINK_LIMITS.pathLength) return `the path is longer than ${LINK_LIMITS.pathLength} characters`;
  // Browsers percent-encode everything else, so a path from `location` is printable ASCII.
  if (!/^[\x21-\x7e]+$/.test(raw)) return 'the path must be percent-encoded printable ASCII (no spaces or control characters)';
  if (raw[0] !== '/') return 'the path must start with / (a same-origin relative path, no scheme or host)';
  // Browsers read `\` as `/`, so `/\host` is `//host`: another origin.
  if (raw.includes('\\')) return 'the path must not contain a backslash';
  if (raw[1] === '/') return 'the path must not start with // (that names another host)';

  const end = raw.search(/[?#]/);
  const pathname = end === -1 ? raw : raw.slice(0, end);
  // An encoded slash or backslash in the path part is never produced by this app and is how
  // open redirects slip past checks that run before a later decoding step.
  if (/%(2f|5c)/i.test(pathname)) return 'the path must not contain an encoded / or \\';
  const decoded = decodeRepeatedly(pathname);
  if (decoded === null) return 'the path has a broken percent-encoding';
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\x00-\x1f\x7f]/.test(decoded)) return 'the path must not contain control characters';
  if (decoded.includes('\\') || decoded.startsWith('//')) return 'the path must not lead to another host';
  if (/^\/*[a-z][a-z0-9+.-]*:/i.test(decoded.slice(1))) return 'the path must not carry a scheme';
  return null;
}

/**
 * Checks a candidate path and returns it in normal form (dot segments resolved, characters
 * encoded the way the URL parser encodes them), which is what the link id is computed from.
 */
export function normaliseSharePath(raw: unknown): PathCheck {
  if (typeof raw !== 'string') return fail('the path must be a string');
  const problem = checkRaw(raw);
  if (problem) return fail(problem);

  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fail('the path is not a valid URL path');
  }
  if (url.origin !== BASE.origin || url.username || url.password) return fail('the path must stay on this site');
  const normal = `${url.pathname}${url.search}${url.hash}`;
  // Resolving `/..//host` yields `//host`: check the result as strictly as the input.
  const again = checkRaw(normal);
  if (again) return fail(again);
  return { ok: true, path: normal };
}

/**
 * An explorer link (`/?…`) in the codec's own spelling of the screen it opens: links of any
 * released version, with parameters in any order, defaults spelled out or left out, or parts
 * the screen falls back from, come out alike when they open the same screen (and the same
 * document), so they get the same short-link id. Other paths (a view's, a pod's) are returned
 * unchanged: their screens depend on more than the path.
 */
export function canonicalScreenPath(normalPath: string): string {
  const url = new URL(normalPath, BASE);
  if (url.pathname !== '/') return normalPath;
  return `/${stateToSearch(decodeState(url.searchParams))}${url.hash}`;
}

/** The way out: only a stored path that still passes every rule, unchanged by normalising, is followed. */
export function isSafeRedirectPath(stored: unknown): stored is string {
  const check = normaliseSharePath(stored);
  return check.ok && check.path === stored;
}
