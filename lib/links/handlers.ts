/**
 * `POST /api/links` and `GET /s/{id}`: their happy paths, run inside the one frame
 * (lib/api/with-engine.ts), which answers every thrown ApiError or engine failure in the common
 * error shape.
 */
import { readJsonBody } from '@/lib/api/body';
import { ApiError, errorResponse, jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { getEngineClient } from '@/lib/es/client';
import { canonicalScreenPath, isSafeRedirectPath, normaliseSharePath } from '@/lib/links/path';
import { LinkStore } from '@/lib/links/store';
import { CreateLinkRequest, LINK_ID_PATTERN, type CreateLinkResponse } from '@/lib/schema/links';

let shared: LinkStore | undefined;

export function getLinkStore(): LinkStore {
  shared ??= new LinkStore(getEngineClient());
  return shared;
}

export function shortLinkUrl(id: string): string {
  return `/s/${id}`;
}

export async function createLink(request: Request): Promise<Response> {
  const input = parseRequest(CreateLinkRequest, await readJsonBody(request));
  const given = normaliseSharePath(input.path);
  // The same screen gets the same id however its link was spelled; the result passes the rules again.
  const check = given.ok ? normaliseSharePath(canonicalScreenPath(given.path)) : given;
  if (!check.ok) throw new ApiError(400, 'validation_failed', `path: ${check.reason}`, { path: 'path' });
  const id = await getLinkStore().save(check.path);
  const body: CreateLinkResponse = { id, url: shortLinkUrl(id), path: check.path };
  return jsonResponse(body);
}

/** A person following a link gets a page; a script gets the API's JSON error. */
function wantsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html');
}

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Link not found · Log Explorer</title></head>
<body style="font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 36rem">
<h1>This short link does not exist</h1>
<p>Check that it was copied whole. Short links never expire, so a link that worked once still works.</p>
<p><a href="/">Open Log Explorer</a></p>
</body></html>
`;

function linkNotFound(request: Request): Response {
  if (wantsHtml(request)) {
    return new Response(NOT_FOUND_PAGE, {
      status: 404,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    });
  }
  return errorResponse(new ApiError(404, 'not_found', 'this short link does not exist'));
}

export async function followLink(request: Request, id: string): Promise<Response> {
  const path = LINK_ID_PATTERN.test(id) ? await getLinkStore().resolve(id) : null;
  if (path === null) return linkNotFound(request);
  if (!isSafeRedirectPath(path)) {
    console.error('[links] refusing to redirect: stored path of', id, 'fails the path rules');
    return linkNotFound(request);
  }
  // A relative Location keeps the redirect on whatever origin the user reached the app by.
  return new Response(null, {
    status: 302,
    headers: { location: path, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}
