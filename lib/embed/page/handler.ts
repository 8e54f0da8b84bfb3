/**
 * The embed page's routes: `GET /embed/{id}?t=` (the panel as HTML, lib/embed/page/render-page.ts)
 * and `GET /embed-assets/{file}` (its script). proxy.ts has already checked the token's signature
 * to set `frame-ancestors` and put the CSP, with this request's nonce, on the request.
 */
import { embedForPage, firstPanelData } from '@/lib/embed/page-access';
import { EMBED_SCRIPT, EMBED_SCRIPT_NAME } from './built-assets';
import { embedPageHtml, panelConfig } from './render-page';
import { UNAVAILABLE_PAGE } from './unavailable';

function html(body: string, status: number): Response {
  // The page holds a token and data: never stored by a cache on the way.
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

/** The nonce of the policy the proxy set for this request (none when no proxy ran: tests). */
export function requestNonce(request: Request): string | null {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(request.headers.get('content-security-policy') ?? '')?.[1] ?? null;
}

export async function embedPage(request: Request, id: string): Promise<Response> {
  const token = new URL(request.url).searchParams.get('t') ?? '';
  const record = await embedForPage(id, token);
  // Revoked, edited since, expired: the same 403 as a bad token (the proxy answers those).
  if (!record) return html(UNAVAILABLE_PAGE, 403);
  // Searched here, so the first data is in the HTML: no script has to run before it shows.
  const data = await firstPanelData(record);
  return html(embedPageHtml(panelConfig(record, token), data, requestNonce(request)), 200);
}

/**
 * The script, named by its hash and cached for good. Another `panel-*.js` (a page from a replica
 * of another build, during a rolling update) gets this build's script, not to be cached.
 */
export function embedAsset(file: string): Response {
  if (!/^panel-[0-9a-f]{12}\.js$/.test(file)) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(EMBED_SCRIPT, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': file === EMBED_SCRIPT_NAME ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
