/**
 * A short link's id is derived from the path it stands for, so sharing the same screen twice
 * gives the same link and the store needs no lookup by path. 12 base62 characters carry 71 bits:
 * a collision is not expected in any realistic store, and if one happens the next longer prefix
 * of the same hash is used (see lib/links/store.ts), which keeps ids deterministic.
 */
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Prefix lengths tried in order; 43 base62 digits hold all 256 bits of the hash. */
export const LINK_ID_LENGTHS = [12, 16, 24, 43] as const;

function base62(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(43, '0');
}

/** Most significant digits first, so each longer id extends the shorter one. */
export function linkIdDigits(normalPath: string): string {
  return base62(createHash('sha256').update(normalPath, 'utf8').digest());
}

export function linkIdCandidates(normalPath: string): string[] {
  const digits = linkIdDigits(normalPath);
  return LINK_ID_LENGTHS.map((length) => digits.slice(0, length));
}
