/**
 * A view's version as clients see it: one opaque token for the engine's sequence number and
 * primary term, which together (not `_version`) are what optimistic concurrency control checks.
 * Opaque so clients compare and echo it and never reason about its parts.
 */

export interface SeqNoPrimaryTerm {
  seqNo: number;
  primaryTerm: number;
}

const PREFIX = 'v1.';

export function encodeViewVersion({ seqNo, primaryTerm }: SeqNoPrimaryTerm): string {
  return `${PREFIX}${Buffer.from(`${primaryTerm}:${seqNo}`, 'utf8').toString('base64url')}`;
}

/** Null for anything this server did not hand out. */
export function decodeViewVersion(token: string): SeqNoPrimaryTerm | null {
  if (!token.startsWith(PREFIX) || token.length > 64) return null;
  const body = token.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(Buffer.from(body, 'base64url').toString('utf8'));
  if (!match?.[1] || !match[2]) return null;
  const primaryTerm = Number(match[1]);
  const seqNo = Number(match[2]);
  if (primaryTerm < 1) return null;
  return { seqNo, primaryTerm };
}
