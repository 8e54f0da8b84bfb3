/**
 * Seeded randomness for the demo cluster. Everything the generator produces flows from these
 * functions, so the same seed gives byte-identical output on every machine and Node version
 * (32-bit integer arithmetic only; no Math.random, no locale-dependent formatting).
 */

/** mulberry32: tiny, fast and good enough for synthetic logs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick on an empty list');
    return item;
  }

  /** Lowercase hex string of `length` characters. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += hex8((this.next() * 4294967296) >>> 0);
    return out.length === length ? out : out.slice(0, length);
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** murmur3's finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Derives an independent 32-bit seed for one purpose (topology, traffic, …) from the user's seed. */
export function deriveSeed(seed: number, purpose: number): number {
  return fmix32(Math.imul(seed >>> 0, 0x9e3779b1) ^ fmix32(purpose + 0x632be5ab));
}

// Ids and hashes are on the hot path (several per event): a byte table beats toString(16).
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return (
    (BYTE_HEX[n >>> 24] as string) +
    (BYTE_HEX[(n >>> 16) & 255] as string) +
    (BYTE_HEX[(n >>> 8) & 255] as string) +
    (BYTE_HEX[n & 255] as string)
  );
}

/**
 * The document `_id` for the `sequence`-th event of a run: 64 bits from (seed, sequence), so a
 * rerun with the same seed overwrites instead of duplicating, and different seeds never collide
 * in practice.
 */
export function eventId(seed: number, sequence: number): string {
  const lo = sequence >>> 0;
  const hi = Math.floor(sequence / 4294967296) >>> 0;
  const a = fmix32(fmix32((seed >>> 0) ^ 0x1b873593) ^ lo ^ Math.imul(hi, 0xcc9e2d51));
  const b = fmix32(a ^ fmix32(lo + 0x7f4a7c15) ^ (seed >>> 0));
  return hex8(a) + hex8(b);
}

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alike digits). */
export const K8S_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
