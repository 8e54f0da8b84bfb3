import type { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { noteValidatedRequest } from '@/lib/observability/context';
import type { ApiErrorCode } from '@/lib/schema/errors';

/** `['filters', 0, 'value']` → `filters.0.value`, the path style of every error body. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/**
 * Validates with a zod schema; the first problem becomes a 400 `validation_failed` naming the
 * field. One problem at a time keeps the message readable; the caller fixes and retries.
 */
export function parseRequest<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) {
    noteValidatedRequest(result.data);
    return result.data;
  }
  const issue = result.error.issues[0];
  if (!issue) throw new ApiError(400, 'validation_failed', 'the request is not valid');
  // An unknown key is reported on its parent; point at the key itself instead.
  const keyPath = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  const path = formatPath(keyPath);
  const where = path ? `${path}: ` : '';
  // A schema may name a more specific code for its own checks (times: `invalid_time`).
  const apiCode: ApiErrorCode = issue.code === 'custom' && issue.params?.apiCode === 'invalid_time' ? 'invalid_time' : 'validation_failed';
  throw new ApiError(400, apiCode, `${where}${issue.message}`, path ? { path } : {});
}
