/**
 * Where the pod view's older lines continue: the sort values (time with nanoseconds, index,
 * sequence number — buildSort's) of the oldest line sent, as an opaque base64url token. Not a
 * secret (every part was in the answer) and checked on the way back in, so a damaged or
 * hand-made one is a 400 at `before`, never a query. Like context (lib/k8s/context-query.ts), a
 * tie on all three values between two shards of one index is the one thing it cannot split.
 */
import type { estypes } from '@elastic/elasticsearch';
import { ApiError } from '@/lib/api/errors';

export type LinesCursor = [time: string, index: string, seqNo: number];

/** The oldest sent hit's sort values → the token; null when the engine gave none. */
export function encodeLinesCursor(sort: estypes.SortResults | undefined): string | null {
  const [time, index, seqNo] = sort ?? [];
  if (typeof time !== 'string' || typeof index !== 'string' || typeof seqNo !== 'number') return null;
  return Buffer.from(JSON.stringify([time, index, seqNo]), 'utf8').toString('base64url');
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// Elasticsearch index names: lowercase, no \ / * ? " < > | , # : or space, at most 255 bytes.
const INDEX = /^[^\\/*?"<>|,# :A-Z][^\\/*?"<>|,# :A-Z]{0,254}$/;

export function decodeLinesCursor(token: string): LinesCursor {
  const refuse = () =>
    new ApiError(400, 'validation_failed', 'before: not a cursor this server gave (send `older` as it came)', { path: 'before' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refuse();
  const [time, index, seqNo] = parsed as unknown[];
  if (typeof time !== 'string' || !TIME.test(time)) throw refuse();
  if (typeof index !== 'string' || !INDEX.test(index)) throw refuse();
  if (typeof seqNo !== 'number' || !Number.isSafeInteger(seqNo) || seqNo < -2) throw refuse();
  return [time, index, seqNo];
}
