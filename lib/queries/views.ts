/**
 * The saved-view routes as TanStack queries and plain write functions. Writes that can conflict
 * (PUT, conditional DELETE) return the conflict as a value with the view as it is now, because
 * the UI has to offer choices for it; every other failure is the usual ApiError.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ApiErrorBody } from '@/lib/schema/errors';
import type { CreateViewRequestInput, SavedView, UpdateViewRequestInput, ViewConflictBody, ViewListResponse } from '@/lib/schema/views';
import { ApiError, fetchJson, retryTransient } from './api-error';

export const VIEW_LIST_PAGE = 20;

export const viewKeys = {
  all: ['views'] as const,
  lists: () => ['views', 'list'] as const,
  list: (q: string) => ['views', 'list', q] as const,
  one: (id: string) => ['views', 'one', id] as const,
};

function viewUrl(id: string): string {
  return `/api/views/${encodeURIComponent(id)}`;
}

/**
 * The open view is read when a page opens it and then only replaced by this tab's own writes: a
 * background refetch that brought in someone else's edit would silently change what "unsaved
 * changes" compares against. Reading it on every mount means a view deleted meanwhile (or from
 * this tab) shows as not found instead of from the cache.
 */
export function viewQueryOptions(id: string) {
  return queryOptions({
    queryKey: viewKeys.one(id),
    queryFn: ({ signal }) => fetchJson<SavedView>(viewUrl(id), { signal, cache: 'no-store' }),
    staleTime: Infinity,
    refetchOnMount: 'always',
    retry: (count, err) => !(err instanceof ApiError && err.status === 404) && retryTransient(count, err),
    refetchOnWindowFocus: false,
  });
}

/** Newest first (the API's default order), `VIEW_LIST_PAGE` at a time; `q` matches names. */
export function viewListQueryOptions(q: string) {
  return infiniteQueryOptions({
    queryKey: viewKeys.list(q),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ q, limit: String(VIEW_LIST_PAGE), offset: String(pageParam) });
      return fetchJson<ViewListResponse>(`/api/views?${params.toString()}`, { signal, cache: 'no-store' });
    },
    initialPageParam: 0,
    getNextPageParam: (last: ViewListResponse) => {
      const next = last.offset + last.views.length;
      return last.views.length > 0 && next < last.total ? next : undefined;
    },
    staleTime: 0,
    retry: retryTransient,
  });
}

export type ViewWrite<T> = { kind: 'done'; value: T } | { kind: 'conflict'; current: SavedView };

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = typeof value === 'object' && value !== null ? (value as { error?: unknown }).error : undefined;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

function isConflictBody(value: unknown): value is ViewConflictBody {
  return isErrorBody(value) && typeof (value as { current?: { id?: unknown } }).current?.id === 'string';
}

/** Like fetchJson, but a 409 with the view's current version comes back as a value. */
async function conditionalWrite<T>(url: string, init: RequestInit): Promise<ViewWrite<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0, 'network', 'The Log Explorer server cannot be reached.', null);
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 409 && isConflictBody(body)) return { kind: 'conflict', current: body.current };
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message, body.error);
    throw new ApiError(
      response.status,
      response.status >= 500 ? 'internal' : 'bad_request',
      `The server answered ${response.status}.`,
      null,
    );
  }
  return { kind: 'done', value: body as T };
}

export function createView(input: CreateViewRequestInput): Promise<SavedView> {
  return fetchJson<SavedView>('/api/views', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

/** `input.version` is the version the change was based on; a newer stored one is a conflict. */
export function updateView(id: string, input: UpdateViewRequestInput): Promise<ViewWrite<SavedView>> {
  return conditionalWrite<SavedView>(viewUrl(id), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

/** Deletes only `version`: a view someone changed meanwhile is a conflict, not a silent loss. */
export function deleteView(id: string, version: string): Promise<ViewWrite<null>> {
  return conditionalWrite<null>(`${viewUrl(id)}?${new URLSearchParams({ version }).toString()}`, { method: 'DELETE' });
}

export function getView(id: string): Promise<SavedView> {
  return fetchJson<SavedView>(viewUrl(id), { cache: 'no-store' });
}
