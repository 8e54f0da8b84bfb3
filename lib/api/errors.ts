import type { ApiErrorBody, ApiErrorCode } from '@/lib/schema/errors';

type ErrorDetail = Omit<ApiErrorBody['error'], 'code' | 'message'>;

/**
 * An error that already knows its public shape and status. Everything thrown below a route
 * that is meant for the caller is one of these; anything else becomes a generic 500 so that
 * internal messages (which may name hosts or files) never leak.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly detail: ErrorDetail;

  constructor(status: number, code: ApiErrorCode, message: string, detail: ErrorDetail = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...this.detail } };
  }
}

const NO_STORE = { 'cache-control': 'no-store' } as const;

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** The one place an error becomes a response. Unknown errors are logged, never echoed. */
export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    const response = jsonResponse(err.toBody(), err.status);
    if (err.detail.retryAfter !== undefined) response.headers.set('retry-after', String(err.detail.retryAfter));
    return response;
  }
  console.error('[api] unexpected error', err);
  const body: ApiErrorBody = { error: { code: 'internal', message: 'internal server error' } };
  return jsonResponse(body, 500);
}
