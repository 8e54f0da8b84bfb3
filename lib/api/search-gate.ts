/**
 * Load shedding: at most `MAX_CONCURRENT_SEARCHES` engine searches run at once in this app
 * instance. Past the bound a request is refused at once (503 `overloaded` + `Retry-After`)
 * instead of waiting in a queue that grows with the load and makes every answer slow; the load
 * balancer or the client retries, possibly on another replica.
 */
import { ApiError } from '@/lib/api/errors';

export const DEFAULT_MAX_CONCURRENT_SEARCHES = 24;
/** Seconds a refused caller is told to wait: searches here take tens to hundreds of ms. */
export const SHED_RETRY_AFTER_S = 1;

export function maxConcurrentSearches(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.MAX_CONCURRENT_SEARCHES);
  return Number.isSafeInteger(n) && n >= 1 ? n : DEFAULT_MAX_CONCURRENT_SEARCHES;
}

type ShedListener = (route: string) => void;

export class SearchGate {
  private running = 0;
  private readonly listeners = new Set<ShedListener>();

  constructor(private readonly limit: () => number) {}

  get inFlight(): number {
    return this.running;
  }

  /** A release function when a slot is free; an `overloaded` ApiError otherwise. */
  acquire(route: string): () => void {
    if (this.running >= this.limit()) {
      for (const listener of this.listeners) listener(route);
      throw overloaded();
    }
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
    };
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

/** The one gate of this process; the limit is read on each call so tests can change it. */
export const searchGate = new SearchGate(() => maxConcurrentSearches());
