/**
 * Field profiles are read from `_field_caps` once per source and then served from memory, so
 * the search hot path never waits on it: fresh for a minute, then served stale while one
 * background refresh runs. A failed refresh keeps the stale profile (a flaky engine should not
 * turn every search into an error); only a source never seen waits for the engine.
 */
import { detectProfile, type SourceFields } from '@/lib/sources/profile';
import type { LogSource } from '@/lib/sources/config';

export type FieldCapsFetcher = (source: LogSource) => Promise<Parameters<typeof detectProfile>[0]>;

export const FRESH_MS = 60_000;
/** A source with no indices yet is re-checked soon, so data that lands shows up quickly. */
export const EMPTY_FRESH_MS = 5_000;
/** Past this a stale profile is no longer served: the next search waits for a fresh one. */
export const MAX_STALE_MS = 15 * 60_000;

interface Entry {
  value: SourceFields;
  fetchedAt: number;
  refreshing?: Promise<SourceFields>;
}

export class SourceFieldsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly firstLoads = new Map<string, Promise<SourceFields>>();

  constructor(
    private readonly fetcher: FieldCapsFetcher,
    private readonly clock: () => number = Date.now,
  ) {}

  private cacheKey(source: LogSource): string {
    return `${source.id}\u0000${source.indexPattern}\u0000${source.profile ?? ''}`;
  }

  private async load(source: LogSource): Promise<SourceFields> {
    const value = detectProfile(await this.fetcher(source), source.profile);
    this.entries.set(this.cacheKey(source), { value, fetchedAt: this.clock() });
    return value;
  }

  async get(source: LogSource): Promise<SourceFields> {
    const key = this.cacheKey(source);
    const entry = this.entries.get(key);
    const now = this.clock();
    if (entry) {
      const age = now - entry.fetchedAt;
      const freshFor = entry.value.fields.size === 0 ? EMPTY_FRESH_MS : FRESH_MS;
      if (age < freshFor) return entry.value;
      if (age < MAX_STALE_MS) {
        if (!entry.refreshing) {
          entry.refreshing = this.load(source).catch((err: unknown) => {
            console.warn(
              `[sources] field refresh of "${source.id}" failed; serving the previous profile`,
              err instanceof Error ? err.name : err,
            );
            entry.refreshing = undefined;
            return entry.value;
          });
        }
        return entry.value;
      }
    }
    // Concurrent first searches share one `_field_caps` call.
    let pending = this.firstLoads.get(key);
    if (!pending) {
      pending = this.load(source).finally(() => this.firstLoads.delete(key));
      this.firstLoads.set(key, pending);
    }
    return pending;
  }

  clear(): void {
    this.entries.clear();
  }
}
