/**
 * How the browser sees a failed API call: the API's error body when there is one, otherwise a
 * made-up one, so components only ever handle one shape.
 */
import type { ApiErrorBody, ApiErrorCode } from '@/lib/schema/errors';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode | 'network';
  readonly detail: ApiErrorBody['error'] | null;

  constructor(status: number, code: ApiErrorCode | 'network', message: string, detail: ApiErrorBody['error'] | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** The engine (or the app server in front of it) cannot be reached; retrying later may help. */
  get isUnavailable(): boolean {
    return this.code === 'network' || this.code === 'engine_unavailable' || this.status === 503 || this.status === 502;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export async function fetchJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (err) {
    // An aborted request is not an error to show: rethrow it untouched for TanStack Query.
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The Log Explorer server cannot be reached.', null);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    body = null;
  }
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message, body.error);
    const code: ApiErrorCode = response.status === 503 ? 'engine_unavailable' : response.status >= 500 ? 'internal' : 'bad_request';
    throw new ApiError(response.status, code, `The server answered ${response.status}.`, null);
  }
  return body as T;
}

/** Retry only what a retry can fix: not the caller's mistakes, and not an engine that is down (the banner polls for that). */
export function retryTransient(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return !error.isUnavailable && error.status >= 500 && failureCount < 1;
  return failureCount < 1;
}
