import { NextResponse, type NextRequest } from 'next/server';
import { API_CSP, baseSecurityHeaders, makeNonce, pageCsp } from '@/lib/security/headers';

/**
 * Security headers on every response (lib/security/headers.ts). A page gets a fresh CSP nonce:
 * the request carries the policy so Next.js can put the nonce on the scripts it renders.
 */
export function proxy(request: NextRequest): NextResponse {
  // /s/{id} answers a redirect or a small HTML page, so it gets the page policy.
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const response = NextResponse.next();
    applyHeaders(response, API_CSP, baseSecurityHeaders(process.env));
    return response;
  }
  const csp = pageCsp({ nonce: makeNonce(), dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applyHeaders(response, csp, baseSecurityHeaders(process.env));
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
