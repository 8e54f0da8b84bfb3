/**
 * Cross-site request forgery guard for every state-changing route. Browsers tell us where a
 * request comes from (`Sec-Fetch-Site`, `Origin`); a write is accepted only from the app's own
 * origin, and only as JSON, which a cross-site page cannot send without a CORS preflight this
 * app never answers. A request without either header is not from a browser (curl, scripts) and
 * so cannot carry a victim's ambient authority: it passes the origin check.
 *
 * The same rules as Go's `http.CrossOriginProtection`, plus the JSON requirement.
 */
import { ApiError } from '@/lib/api/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Whether `request` may change state; `null` when it may, the refusal otherwise. */
export function checkWriteRequest(request: Request): ApiError | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  return checkOrigin(request) ?? checkJsonContentType(request);
}

function checkOrigin(request: Request): ApiError | null {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) {
    // `none`: the user's own action (typed address, bookmark), never another page's.
    if (site === 'same-origin' || site === 'none') return null;
    return crossOrigin(`a ${site} request`);
  }
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  if (isOwnOrigin(origin, request)) return null;
  return crossOrigin(`a request from another origin`);
}

/**
 * The app's own hosts: the `Host` the request reached us by (and `X-Forwarded-Host`, which a
 * cross-site page cannot set without a preflight). Scheme is left out on purpose: behind a
 * TLS-terminating proxy the app sees `http` while the browser says `https`.
 */
function isOwnOrigin(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // `null` (sandboxed frames, file:) and garbage are never ours
  }
  const own = [request.headers.get('host'), request.headers.get('x-forwarded-host'), hostOf(request.url)];
  return own.some((h) => h !== null && h.toLowerCase() === host.toLowerCase());
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function checkJsonContentType(request: Request): ApiError | null {
  // DELETE carries no body here, and its method alone already needs a preflight cross-site.
  if (!BODY_METHODS.has(request.method.toUpperCase())) return null;
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return null;
  return new ApiError(415, 'unsupported_media_type', 'this route accepts only content-type: application/json');
}

function crossOrigin(what: string): ApiError {
  return new ApiError(403, 'cross_origin', `${what} may not change anything here; writes come only from the app's own pages`);
}
