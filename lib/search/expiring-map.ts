/**
 * A bounded map whose entries expire: what the search keeps for a while (counts of time ranges,
 * lib/search/range-bound.ts; selections whose facets were cut short, lib/search/run-search.ts).
 * Past `max` entries the one set longest ago goes; an entry is forgotten `ttlMs` after it was set,
 * or at once when the clock is seen to have gone back past it. Pure apart from the clock handed in.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}

  /** The value set for `key` within the TTL before `now`, if any (an expired one is dropped). */
  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at >= this.ttlMs || now < entry.at) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Set `key` at `now`: it becomes the newest entry. */
  set(key: string, value: V, now: number): void {
    // Deleted first so a key set again moves to the end of the insertion order.
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
