/**
 * Follows a live tail (`GET /api/tail`, or an embed's own tail route: Server-Sent Events) and
 * reports its state after every event: new lines in time order, the ingest lag the server sees,
 * the rate. Framework-free: the pod, workload and explorer views drive it through their hook
 * (components/pods/use-live-tail.ts), an embed page's script (components/embed/page/) directly.
 * Memory stays bounded: beyond MAX_LIVE_LINES the oldest live lines are dropped (counted).
 * `stop()` closes the EventSource, which ends the server's loop.
 *
 * Reconnecting is done here, not left to EventSource: its own retry reopens the first URL, whose
 * `from` is long past, and gives up for good on a refusal (429, 503). When a server shuts down it
 * sends `reconnect` (lib/schema/tail.ts) and closes; the follower opens a new tail at once — the
 * same address, which another replica answers — after a short random pause so that a replica's
 * viewers do not all land in the same instant. After a drop it does the same after RETRY_MS.
 * Either way the new tail resumes exactly once (lib/k8s/tail-resume.ts): from the server's cursor
 * (the events' SSE id), without `fresh`, and what it re-sends is dropped by index + id.
 */
import { TailResume, type TailItem } from '@/lib/k8s/tail-resume';
import type { LogLine } from '@/lib/schema/pod-logs';
import type { TailHitsEvent, TailLinesEvent, TailProblemEvent, TailSeenEvent } from '@/lib/schema/tail';

export const MAX_LIVE_LINES = 5_000;
/** Above this many lines a second nobody reads along: the view says so. */
export const READABLE_LINES_PER_SECOND = 50;
const RATE_WINDOW_MS = 5_000;
/** After a dropped connection or a refusal: the server's own `retry` hint. */
const RETRY_MS = 3_000;
/** After `reconnect`: spread a replica's viewers over this much time. */
const RECONNECT_SPREAD_MS = 500;

export interface LiveTail<T = LogLine> {
  /** What arrived, oldest arrival first. */
  lines: T[];
  dropped: number;
  lagMs: number | null;
  linesPerSecond: number;
  connected: boolean;
  problem: string | null;
}

export const IDLE_TAIL: LiveTail<never> = { lines: [], dropped: 0, lagMs: null, linesPerSecond: 0, connected: false, problem: null };

/**
 * Opens `path?query` and calls `onChange` with each new state until the returned `stop`.
 * `event`: `lines` for the pod and workload views and embeds, `hits` for the explorer (whole
 * documents). `fresh=1` in `query` (the explorer: its search has what came before) holds for the
 * first tail only; a reopened one must re-read its overlap, or lines written in the gap would be lost.
 */
export function followLiveTail<T extends TailItem = LogLine>(
  path: string,
  query: string,
  event: 'lines' | 'hits',
  onChange: (state: LiveTail<T>) => void,
): () => void {
  let state: LiveTail<T> = IDLE_TAIL;
  const update = (next: (s: LiveTail<T>) => LiveTail<T>) => {
    state = next(state);
    onChange(state);
  };
  const resume = new TailResume(new URLSearchParams(query));
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const arrivals: { at: number; n: number }[] = [];
  const rate = () => {
    const now = Date.now();
    while (arrivals.length > 0 && (arrivals[0]?.at ?? 0) < now - RATE_WINDOW_MS) arrivals.shift();
    return arrivals.reduce((sum, a) => sum + a.n, 0) / (RATE_WINDOW_MS / 1000);
  };
  const reopenAfter = (ms: number) => {
    source?.close();
    source = null;
    clearTimeout(retry);
    if (!closed) retry = setTimeout(open, ms);
  };
  function open() {
    const es = new EventSource(`${path}?${resume.nextQuery()}`);
    source = es;
    es.onopen = () => update((s) => ({ ...s, connected: true, problem: null }));
    es.addEventListener(event, (message) => {
      const batch = JSON.parse((message as MessageEvent<string>).data) as TailLinesEvent | TailHitsEvent;
      const items = ('lines' in batch ? batch.lines : batch.hits) as unknown as T[];
      const fresh = resume.accept(items, (message as MessageEvent<string>).lastEventId);
      arrivals.push({ at: Date.now(), n: fresh.length });
      const linesPerSecond = rate();
      update((s) => {
        const all = [...s.lines, ...fresh];
        const over = Math.max(0, all.length - MAX_LIVE_LINES);
        return {
          ...s,
          lines: over > 0 ? all.slice(over) : all,
          dropped: s.dropped + over,
          lagMs: batch.lagMs,
          linesPerSecond,
          connected: true,
          problem: null,
        };
      });
    });
    es.addEventListener('seen', (message) => {
      const said = JSON.parse((message as MessageEvent<string>).data) as TailSeenEvent;
      resume.seen(said.docs, (message as MessageEvent<string>).lastEventId);
      update((s) => ({ ...s, connected: true, problem: null }));
    });
    es.addEventListener('status', (message) => {
      resume.mark((message as MessageEvent<string>).lastEventId);
      update((s) => ({ ...s, linesPerSecond: rate(), connected: true, problem: null }));
    });
    es.addEventListener('problem', (message) => {
      const problem = JSON.parse((message as MessageEvent<string>).data) as TailProblemEvent;
      update((s) => ({ ...s, problem: problem.message }));
    });
    es.addEventListener('reconnect', (message) => {
      // Its id is the cursor its `from` spells.
      resume.mark((message as MessageEvent<string>).lastEventId);
      update((s) => ({ ...s, connected: false, problem: null }));
      reopenAfter(Math.random() * RECONNECT_SPREAD_MS);
    });
    es.onerror = () => {
      // A `reconnect` before the close has already scheduled the next tail.
      if (source !== es) return;
      update((s) => ({ ...s, connected: false, problem: s.problem ?? 'Connection lost; retrying…' }));
      reopenAfter(RETRY_MS);
    };
  }
  open();
  return () => {
    closed = true;
    clearTimeout(retry);
    source?.close();
  };
}
