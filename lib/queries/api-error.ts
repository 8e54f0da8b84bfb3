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

/** The server could not be reached (or went away mid-answer). */
export function networkError(): ApiError {
  return new ApiError(0, 'network', 'The Log Explorer server cannot be reached.', null);
}

export const isAbortError = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';

/** The error a failed answer stands for: the API's error body when there is one (status and body as `POST /api/search` answers them). */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message, body.error);
  const code: ApiErrorCode = status === 503 ? 'engine_unavailable' : status >= 500 ? 'internal' : 'bad_request';
  return new ApiError(status, code, `The server answered ${status}.`, null);
}

export async function fetchJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (err) {
    // An aborted request is not an error to show: rethrow it untouched for TanStack Query.
    if (isAbortError(err)) throw err;
    throw networkError();
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch (err) {
    if (isAbortError(err)) throw err;
    body = null;
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as T;
}

/** Retry only what a retry can fix: not the caller's mistakes, and not an engine that is down (the banner polls for that). */
export function retryTransient(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return !error.isUnavailable && error.status >= 500 && failureCount < 1;
  return failureCount < 1;
}
