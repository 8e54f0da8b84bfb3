/**
 * The security headers of every response, built per request by proxy.ts. Pages get a
 * Content-Security-Policy with a fresh nonce (Next.js reads it from the request's CSP header and
 * puts it on its own scripts); API responses get a policy that allows nothing at all, since
 * they are data, never documents.
 */

export interface PageHeaderOptions {
  nonce: string;
  /** Origins that may frame this page; empty: none may (every page but an embed). */
  frameAncestors?: readonly string[];
  /** `next dev` only: React rebuilds server error stacks with eval there. */
  dev?: boolean;
}

export function pageCsp({ nonce, frameAncestors = [], dev = false }: PageHeaderOptions): string {
  const directives = [
    `default-src 'self'`,
    // 'strict-dynamic': the nonced bootstrap may load the app's chunks; host lists are ignored.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // <style> elements need the nonce; style *attributes* are allowed: React renders style props
    // (virtualized rows, chart sizes) into the server HTML as attributes. CSS cannot run script.
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : `'none'`}`,
  ];
  return directives.join('; ');
}

/** Responses that are not documents (JSON, files, redirects) may load and embed nothing. */
export const API_CSP = `default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
  'browsing-topics=()',
].join(', ');

/** `HSTS_MAX_AGE` (seconds): set it only when the app is reached over TLS, as browsers then refuse plain http for that long. */
export function hstsHeader(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = env.HSTS_MAX_AGE?.trim();
  if (!raw) return null;
  const seconds = Number(raw);
  if (!Number.isSafeInteger(seconds) || seconds < 0) return null;
  return `max-age=${seconds}; includeSubDomains`;
}

/** Headers every response carries; `framable` only for an embed page its token allows framing. */
export function baseSecurityHeaders(env: Readonly<Record<string, string | undefined>>, framable = false): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
  };
  // X-Frame-Options cannot name origins; an embed page relies on CSP frame-ancestors alone.
  if (!framable) headers['x-frame-options'] = 'DENY';
  const hsts = hstsHeader(env);
  if (hsts) headers['strict-transport-security'] = hsts;
  return headers;
}

/** 128 random bits, base64: unguessable and fresh for every page. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
