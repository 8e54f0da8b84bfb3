/**
 * Readiness and graceful shutdown. On SIGTERM the instance reports itself not ready, tells the
 * streams that never end by themselves (live tails) to wind up — each sends its viewer a final
 * `reconnect` event and closes, so the browser follows on another replica — Next.js's own handler
 * closes the listening socket (no new connections) and exits once the open ones are done, and
 * this module bounds that wait: at SHUTDOWN_TIMEOUT_MS whatever is still running (a long export)
 * is given up — cancelled, so it closes its point in time in the engine — and the process exits,
 * before Kubernetes would SIGKILL it.
 */
import { getLogger } from '@/lib/observability/logger';

interface LifecycleState {
  draining: boolean;
  /** Cancels a streaming answer (an export), which frees what it holds in the engine. */
  cancellers: Set<() => Promise<void>>;
  /** Told once when draining begins: streams with no end of their own (live tails) close then. */
  drainListeners: Set<() => void>;
  inFlight: number;
  exports: number;
  shutdownInstalled: boolean;
}

const KEY = Symbol.for('log-explorer.lifecycle');
type Holder = { [KEY]?: LifecycleState };

function state(): LifecycleState {
  const holder = globalThis as Holder;
  holder[KEY] ??= { draining: false, cancellers: new Set(), drainListeners: new Set(), inFlight: 0, exports: 0, shutdownInstalled: false };
  return holder[KEY];
}

export function isDraining(): boolean {
  return state().draining;
}

/** Marks one request in flight; call the returned function once when it is completely answered. */
export function trackInFlight(opts: { export: boolean }): () => void {
  const s = state();
  s.inFlight += 1;
  if (opts.export) s.exports += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    s.inFlight -= 1;
    if (opts.export) s.exports -= 1;
  };
}

/** Registers how to cancel a stream still running at the shutdown deadline; returns the unregister. */
export function cancelAtDeadline(cancel: () => Promise<void>): () => void {
  const s = state();
  s.cancellers.add(cancel);
  return () => s.cancellers.delete(cancel);
}

/**
 * Registers what to do when draining begins (at SIGTERM); returns the unregister. A listener
 * registered while already draining is called at once: a tail opened on a keep-alive connection
 * after the signal still ends at once.
 */
export function onDrain(listener: () => void): () => void {
  const s = state();
  if (s.draining) {
    listener();
    return () => {};
  }
  s.drainListeners.add(listener);
  return () => s.drainListeners.delete(listener);
}

/** How long cancelled streams get to let go of the engine (close their point in time). */
const CANCEL_GRACE_MS = 1_000;

export function inFlightCounts(): { requests: number; exports: number } {
  const s = state();
  return { requests: s.inFlight, exports: s.exports };
}

/**
 * Installs the SIGTERM/SIGINT handler once per process. `exit` is injectable for tests.
 * The deadline timer is not unref'd: it is what guarantees the process ends.
 */
export function installGracefulShutdown(deadlineMs: number, exit: (code: number) => void = (code) => process.exit(code)): void {
  const s = state();
  if (s.shutdownInstalled) return;
  s.shutdownInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (s.draining) return;
    s.draining = true;
    const logger = getLogger();
    logger.info(
      { signal, deadlineMs, inFlight: s.inFlight, exports: s.exports },
      'shutting down: no new connections, finishing requests in flight',
    );
    const drained = [...s.drainListeners];
    s.drainListeners.clear();
    for (const listener of drained) {
      try {
        listener();
      } catch (err) {
        logger.error({ err }, 'shutdown: a stream could not be ended');
      }
    }
    if (drained.length > 0) logger.info({ streams: drained.length }, 'shutdown: live streams told to reconnect elsewhere and closed');
    const poll = setInterval(() => {
      if (s.inFlight === 0) {
        clearInterval(poll);
        logger.info('shutdown: every request in flight has been answered');
      }
    }, 50);
    poll.unref();
    setTimeout(() => {
      logger.warn({ inFlight: s.inFlight, exports: s.exports }, 'shutdown deadline passed: giving up what is still running');
      const cancelled = Promise.allSettled([...s.cancellers].map((cancel) => cancel()));
      const grace = new Promise((resolve) => setTimeout(resolve, CANCEL_GRACE_MS));
      void Promise.race([cancelled, grace]).then(() => exit(1));
    }, deadlineMs);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
