import { NextResponse, type NextRequest } from 'next/server';
import { embedConfig } from '@/lib/embed/config';
import { UNAVAILABLE_PAGE } from '@/lib/embed/page/unavailable';
import { verifyEmbedToken } from '@/lib/embed/token';
import { API_CSP, baseSecurityHeaders, makeNonce, pageCsp } from '@/lib/security/headers';

/**
 * Security headers on every response (lib/security/headers.ts). A page gets a fresh CSP nonce:
 * the request carries the policy so Next.js can put the nonce on the scripts it renders.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // /s/{id} answers a redirect or a small HTML page, so it gets the page policy.
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const response = NextResponse.next();
    applyHeaders(response, API_CSP, baseSecurityHeaders(process.env));
    return response;
  }
  let frameAncestors: string[] = [];
  if (request.nextUrl.pathname.startsWith('/embed/')) {
    const origins = await embedFrameAncestors(request);
    if (!origins) return embedRefused();
    frameAncestors = origins;
  }
  const csp = pageCsp({ nonce: makeNonce(), frameAncestors, dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applyHeaders(response, csp, baseSecurityHeaders(process.env, frameAncestors.length > 0));
  return response;
}

/**
 * An embed page may be framed by the origins its token names that the operator still allows
 * (EMBED_ALLOWED_ORIGINS); `null` when the token is missing, forged, expired or for another
 * embed. Revocation is checked by the page itself, against the embed's record (lib/embed/page/handler.ts).
 */
async function embedFrameAncestors(request: NextRequest): Promise<string[] | null> {
  const config = embedConfig();
  const token = request.nextUrl.searchParams.get('t');
  const id = request.nextUrl.pathname.split('/')[2];
  if (!config || !token || !id) return null;
  const claims = await verifyEmbedToken(token, config.secret);
  if (!claims || claims.embedId !== id) return null;
  const origins = claims.origins.filter((o) => config.allowedOrigins.includes(o));
  // 'self': the app's own Embed dialog shows a live preview of the panel.
  return origins.length > 0 ? ["'self'", ...origins] : null;
}

function embedRefused(): NextResponse {
  const response = new NextResponse(UNAVAILABLE_PAGE, {
    status: 403,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
  applyHeaders(response, API_CSP, baseSecurityHeaders(process.env));
  return response;
}

function applyHeaders(response: NextResponse, csp: string, headers: Record<string, string>): void {
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
}

export const config = {
  // Built assets are immutable files: no document, no policy to carry.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
