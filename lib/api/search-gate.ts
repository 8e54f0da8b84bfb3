/**
 * Load shedding: at most `MAX_CONCURRENT_SEARCHES` engine searches run at once in this app
 * instance. Past the bound a request is refused at once (503 `overloaded` + `Retry-After`)
 * instead of waiting in a queue that grows with the load and makes every answer slow; the load
 * balancer or the client retries, possibly on another replica.
 *
 * The bound counts what the engine runs, not API requests: one screen is three parallel API
 * calls (rows, count + bars, facets), one `POST /api/search` of a whole screen is an `_msearch`
 * of three parts (a part asked as its range's interior and edges counts once: two searches doing
 * one's work, lib/es/gated-transport.ts), and a facets part over a range it does not know to be small counts its
 * matches (and the range's lines) beside its own search. The route frame admits
 * a request that searches with one slot held to its end, or refuses it before reading its body
 * (lib/api/with-engine.ts); the app's engine client counts each further search an engine call of
 * an admitted request runs at once (lib/es/gated-transport.ts). So a request is admitted only
 * while the engine runs fewer than the bound for this instance, and an admitted one is never
 * refused halfway; a burst of whole screens admitted at the same moment can take the engine up
 * to three searches each past the bound, for the length of their `_msearch`.
 */
import { configuredValue } from '@/lib/config/env';
import { ApiError } from '@/lib/api/errors';

/**
 * Sized to the budget of issue 11: 20 screens at once answer without a refusal (a screen is three
 * searches, 60), with room for a facets part's counts. Size it to the engine: each search
 * takes one of the engine's search threads per shard, and what waits for a thread waits in the
 * engine's queue (`npm run bench:load` shows its peak).
 */
export const DEFAULT_MAX_CONCURRENT_SEARCHES = 64;
/** Seconds a refused caller is told to wait: searches here take tens to hundreds of ms. */
export const SHED_RETRY_AFTER_S = 1;

export function maxConcurrentSearches(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return configuredValue(env, 'MAX_CONCURRENT_SEARCHES', DEFAULT_MAX_CONCURRENT_SEARCHES);
}

type ShedListener = (route: string) => void;

/** What the gate counts; shared by every copy of this module in the process (see `searchGate`). */
interface GateCount {
  running: number;
  highWater: number;
}

export class SearchGate {
  private readonly listeners = new Set<ShedListener>();

  constructor(
    private readonly limit: () => number,
    private readonly count: GateCount = { running: 0, highWater: 0 },
  ) {}

  /** Engine searches running now. */
  get inFlight(): number {
    return this.count.running;
  }

  /** The most searches that ran at once since the last `resetPeak()` (tests read it). */
  get peak(): number {
    return this.count.highWater;
  }

  resetPeak(): void {
    this.count.highWater = this.count.running;
  }

  /**
   * A release function when `searches` slots are free; an `overloaded` ApiError otherwise. A
   * request costing more than the whole bound runs alone (when nothing else does) rather than
   * never. `admitted`: the searches of a request already admitted are counted, never refused —
   * refusing it halfway would throw away the work it has done and starve the requests that need
   * more than one search.
   */
  acquire(route: string, searches = 1, opts: { admitted?: boolean } = {}): () => void {
    const count = this.count;
    if (!opts.admitted && count.running > 0 && count.running + searches > this.limit()) this.shed(route);
    count.running += searches;
    count.highWater = Math.max(count.highWater, count.running);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      count.running -= searches;
    };
  }

  /** Tells the listeners and throws the 503. */
  shed(route: string): never {
    for (const listener of this.listeners) listener(route);
    throw overloaded();
  }

  /** Called with the route of every shed request (for metrics); returns the unsubscribe. */
  onShed(listener: ShedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function overloaded(): ApiError {
  return new ApiError(503, 'overloaded', 'the server is busy with other searches; retry in a moment', {
    retryAfter: SHED_RETRY_AFTER_S,
  });
}

const KEY = Symbol.for('log-explorer.search-gate');
type Holder = { [KEY]?: GateCount };

/**
 * The gate of this process. Next.js bundles each route on its own, so this module can be loaded
 * more than once: the count lives on globalThis (one bound for the whole process), while each copy
 * keeps its own methods and listeners (an error built by another copy's ApiError class would not
 * be recognised as one). The limit is read on each call so tests can change it.
 */
export const searchGate = new SearchGate(() => maxConcurrentSearches(), ((globalThis as Holder)[KEY] ??= { running: 0, highWater: 0 }));
