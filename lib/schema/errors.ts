/** The one error shape of the public API: `{ "error": { "code", "message", ... } }`. */
export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'validation_failed'
  | 'query_syntax'
  | 'unknown_source'
  | 'unknown_field'
  | 'invalid_time'
  | 'invalid_cursor'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'cross_origin'
  | 'unsupported_media_type'
  | 'overloaded'
  | 'too_many_tails'
  | 'forbidden'
  | 'engine_unavailable'
  | 'engine_timeout'
  | 'engine_misconfigured'
  | 'engine_error'
  | 'unauthorized'
  | 'shutting_down'
  | 'internal';

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** Where the problem is: a JSON path into the request (`filters.0.value`) or a parameter name. */
    path?: string;
    /** For query syntax errors: the character offset in the query text. */
    offset?: number;
    /** For query syntax errors: what the parser expected at `offset`. */
    expected?: string[];
    /** With 503 `overloaded`: seconds to wait before retrying (also the `Retry-After` header). */
    retryAfter?: number;
  };
}
