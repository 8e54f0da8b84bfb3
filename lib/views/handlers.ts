/**
 * The saved-view routes' happy paths, run inside the one frame (lib/api/with-engine.ts), which
 * turns every thrown ApiError or engine failure into the common error shape; the route files
 * only hand them to `withEngine`.
 */
import { readJsonBody } from '@/lib/api/body';
import { ApiError, jsonResponse } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { getEngineClient } from '@/lib/es/client';
import {
  CreateViewRequest,
  ListViewsQuery,
  UpdateViewRequest,
  VIEW_ID_PATTERN,
  type SavedView,
  type ViewConflictBody,
} from '@/lib/schema/views';
import { ViewStore } from '@/lib/views/store';
import { decodeViewVersion, type SeqNoPrimaryTerm } from '@/lib/views/version';

let shared: ViewStore | undefined;

/** Created on first use so that importing a route reads no configuration. */
export function getViewStore(): ViewStore {
  shared ??= new ViewStore(getEngineClient());
  return shared;
}

function notFound(id: string): ApiError {
  // The id is echoed only when it has the shape of one, so no user text is reflected.
  const what = VIEW_ID_PATTERN.test(id) ? `view ${id}` : 'view';
  return new ApiError(404, 'not_found', `${what} does not exist (it may have been deleted)`);
}

function conflict(current: SavedView): Response {
  const body: ViewConflictBody = {
    error: {
      code: 'conflict',
      message: 'the view was changed by someone else since you opened it; here is the current version',
    },
    current,
  };
  return jsonResponse(body, 409);
}

function expectedVersion(token: string, path: string): SeqNoPrimaryTerm {
  const version = decodeViewVersion(token);
  if (!version) {
    throw new ApiError(400, 'validation_failed', `${path}: not a version this server handed out; reload the view`, { path });
  }
  return version;
}

export async function listViews(request: Request): Promise<Response> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseRequest(ListViewsQuery, params);
  return jsonResponse(await getViewStore().list(query));
}

export async function createView(request: Request): Promise<Response> {
  const input = parseRequest(CreateViewRequest, await readJsonBody(request));
  const view = await getViewStore().create(input);
  const response = jsonResponse(view, 201);
  response.headers.set('location', `/api/views/${view.id}`);
  return response;
}

export async function getView(_request: Request, id: string): Promise<Response> {
  const view = VIEW_ID_PATTERN.test(id) ? await getViewStore().get(id) : null;
  if (!view) throw notFound(id);
  return jsonResponse(view);
}

export async function updateView(request: Request, id: string): Promise<Response> {
  const input = parseRequest(UpdateViewRequest, await readJsonBody(request));
  if (!VIEW_ID_PATTERN.test(id)) throw notFound(id);
  if (input.name === undefined && input.description === undefined && input.state === undefined) {
    throw new ApiError(400, 'validation_failed', 'nothing to change: send name, description or state with the version');
  }
  const result = await getViewStore().update(id, expectedVersion(input.version, 'version'), input);
  if (result.kind === 'not_found') throw notFound(id);
  if (result.kind === 'conflict') return conflict(result.current);
  return jsonResponse(result.view);
}

/** `?version=` makes the delete conditional (409 if the view changed); without it, it is unconditional. */
export async function deleteView(request: Request, id: string): Promise<Response> {
  const token = new URL(request.url).searchParams.get('version');
  const expected = token === null ? undefined : expectedVersion(token, 'version');
  if (!VIEW_ID_PATTERN.test(id)) throw notFound(id);
  const result = await getViewStore().delete(id, expected);
  if (result.kind === 'not_found') throw notFound(id);
  if (result.kind === 'conflict') return conflict(result.current);
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}
