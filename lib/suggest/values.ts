/** GET /api/values behind the route: resolve source, field and time, one engine call, reshape. */
import type { Client } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';
import { findSource, findAggregatableField, conflictNote, sourceFields } from '@/lib/sources';
import { InvalidTimeRangeError, resolveTimeRange } from '@/lib/time';
import type { ValuesRequest, ValuesResponse } from './values-params';
import { buildValuesRequest, reshapeValues, type ValuesPlan } from './values-query';

/**
 * Suggestions are worth little once the user has typed on: the engine gets a short budget and
 * the server gives up soon after, and the browser cancels the request when the prefix changes.
 */
export const VALUES_ENGINE_TIMEOUT_MS = 2_000;
export const VALUES_DEADLINE_MS = 5_000;

export interface ValuesContext {
  client: Client;
  signal: AbortSignal;
  now?: number;
}

function resolveRange(req: ValuesRequest, now: number): { from: number; to: number } {
  try {
    return resolveTimeRange({ from: req.from, to: req.to }, now, 'time');
  } catch (err) {
    // The parameters are `from` and `to`, not a `time` object.
    if (err instanceof InvalidTimeRangeError)
      throw new ApiError(400, 'invalid_time', err.message, { path: err.path.replace(/^time\./, '') });
    throw err;
  }
}

export async function suggestValues(req: ValuesRequest, ctx: ValuesContext): Promise<ValuesResponse> {
  const source = findSource(req.source);
  const range = resolveRange(req, ctx.now ?? Date.now());
  const fields = await sourceFields(source);
  // A name the source really has is that field (the query bar and the filter form write literal
  // names: `message:` means the `message` field even where the message meaning is `log`);
  // otherwise a meaning.
  const literal = fields.fields.has(req.field) || fields.fields.has(`${req.field}.keyword`);
  const found = literal ? findAggregatableField({ ...fields, meanings: {} }, req.field) : findAggregatableField(fields, req.field);
  // Mapped differently across indices: no suggestions (counting it fails), and a note saying why.
  if (found && 'conflict' in found) return { field: found.conflict.field, values: [], note: conflictNote(found.conflict) };
  const field = found ? found.field : null;
  if (!field) {
    throw new ApiError(400, 'unknown_field', `source "${source.id}" has no aggregatable field or meaning "${req.field}"`, {
      path: 'field',
    });
  }
  const plan: ValuesPlan = {
    index: source.indexPattern,
    timeField: source.timeField,
    range,
    field,
    fieldType: fields.fields.get(field)?.type ?? 'keyword',
    prefix: req.prefix,
    size: req.size,
    engineTimeout: `${VALUES_ENGINE_TIMEOUT_MS}ms`,
  };
  const body = await ctx.client.search(buildValuesRequest(plan), { signal: ctx.signal });
  return { field, values: reshapeValues(body, plan) };
}
