/**
 * GET /api/values parameters: one schema validates the query string on the server and types
 * the client. Every bound lives here so the route, the UI and the README agree on them.
 */
import { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { parseRequest } from '@/lib/api/validate';
import { DEFAULT_TIME_RANGE, SEARCH_LIMITS } from '@/lib/schema/search';

export const VALUES_LIMITS = {
  maxSize: 50,
  defaultSize: 10,
  maxPrefixLength: 256,
} as const;

const timeExpression = z.string().min(1, 'a time is required').max(SEARCH_LIMITS.timeExpressionLength);

/** Query-string numbers arrive as text; only plain whole numbers are accepted. */
const sizeParam = z
  .string()
  .regex(/^\d{1,4}$/, 'size must be a whole number')
  .transform(Number)
  .pipe(z.number().min(1, 'size must be at least 1').max(VALUES_LIMITS.maxSize, `size is at most ${VALUES_LIMITS.maxSize}`));

export const ValuesRequest = z.object({
  source: z.string().min(1).max(64).optional(),
  /** A profile meaning (`namespace`) or a field name; text fields use their `.keyword`. */
  field: z
    .string({ error: 'field is required' })
    .min(1, 'field is required')
    .max(SEARCH_LIMITS.fieldNameLength, `field names are at most ${SEARCH_LIMITS.fieldNameLength} characters`),
  /** Case-insensitive; empty means the top values overall. */
  prefix: z.string().max(VALUES_LIMITS.maxPrefixLength, `prefix is at most ${VALUES_LIMITS.maxPrefixLength} characters`).default(''),
  from: timeExpression.default(DEFAULT_TIME_RANGE.from),
  to: timeExpression.default(DEFAULT_TIME_RANGE.to),
  size: sizeParam.optional().transform((n) => n ?? VALUES_LIMITS.defaultSize),
});
export type ValuesRequest = z.infer<typeof ValuesRequest>;
export type ValuesRequestInput = z.input<typeof ValuesRequest>;

export interface ValueSuggestion {
  value: string;
  count: number;
}

export interface ValuesResponse {
  /** The field the values were read from (a meaning resolved, a text field's `.keyword`). */
  field: string;
  values: ValueSuggestion[];
  /** Why there are no values when the field cannot be counted (mapped differently across indices). */
  note?: string;
}

const PARAMS = ['source', 'field', 'prefix', 'from', 'to', 'size'] as const;

/**
 * The query string → a validated request, or a 400 naming the parameter. A parameter given
 * twice is refused rather than guessed at; parameters this route does not know (a cache
 * buster, say) are ignored, as GET routes usually do.
 */
export function parseValuesParams(params: URLSearchParams): ValuesRequest {
  const raw: Record<string, string> = {};
  for (const name of PARAMS) {
    const all = params.getAll(name);
    if (all.length > 1) throw new ApiError(400, 'validation_failed', `${name}: given more than once`, { path: name });
    if (all[0] !== undefined) raw[name] = all[0];
  }
  return parseRequest(ValuesRequest, raw);
}
