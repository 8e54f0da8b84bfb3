'use client';
/**
 * Follows `GET /api/tail` (Server-Sent Events) while `enabled`: new lines in time order, the
 * ingest lag the server sees, the rate. Memory stays bounded: beyond MAX_LIVE_LINES the oldest
 * live lines are dropped (counted). Closing the EventSource (toggle off, unmount, page closed)
 * ends the server's loop.
 *
 * Reconnecting is done here, not left to EventSource: its own retry reopens the first URL, whose
 * `from` is long past, and gives up for good on a refusal (429, 503). When a server shuts down it
 * sends `reconnect` (lib/schema/tail.ts) and closes; the hook opens a new tail at once — the same
 * address, which another replica answers — after a short random pause so that a replica's
 * viewers do not all land in the same instant. After a drop it does the same after RETRY_MS.
 * Either way the new tail resumes exactly once (lib/k8s/tail-resume.ts): from the server's cursor
 * (the events' SSE id), without `fresh`, and what it re-sends is dropped by index + id.
 */
import { useEffect, useState } from 'react';
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

const IDLE: LiveTail<never> = { lines: [], dropped: 0, lagMs: null, linesPerSecond: 0, connected: false, problem: null };

/**
 * `path`: `/api/tail`, or an embed's own tail route (its token in `params`). `event`: `lines`
 * for the pod and workload views, `hits` for the explorer (whole documents). `fresh=1` in
 * `params` (the explorer: its search has what came before) holds for the first tail only; a
 * reopened one must re-read its overlap, or lines written in the gap would be lost.
 */
export function useLiveTail<T extends TailItem = LogLine>(
  params: Record<string, string | undefined>,
  enabled: boolean,
  path = '/api/tail',
  event: 'lines' | 'hits' = 'lines',
): LiveTail<T> {
  const [state, setState] = useState<LiveTail<T>>(IDLE);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

  useEffect(() => {
    if (!enabled) return;
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
      es.onopen = () => setState((s) => ({ ...s, connected: true, problem: null }));
      es.addEventListener(event, (message) => {
        const batch = JSON.parse((message as MessageEvent<string>).data) as TailLinesEvent | TailHitsEvent;
        const items = ('lines' in batch ? batch.lines : batch.hits) as unknown as T[];
        const fresh = resume.accept(items, (message as MessageEvent<string>).lastEventId);
        arrivals.push({ at: Date.now(), n: fresh.length });
        const linesPerSecond = rate();
        setState((s) => {
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
        setState((s) => ({ ...s, connected: true, problem: null }));
      });
      es.addEventListener('status', (message) => {
        resume.mark((message as MessageEvent<string>).lastEventId);
        setState((s) => ({ ...s, linesPerSecond: rate(), connected: true, problem: null }));
      });
      es.addEventListener('problem', (event) => {
        const problem = JSON.parse((event as MessageEvent<string>).data) as TailProblemEvent;
        setState((s) => ({ ...s, problem: problem.message }));
      });
      es.addEventListener('reconnect', (event) => {
        // Its id is the cursor its `from` spells.
        resume.mark((event as MessageEvent<string>).lastEventId);
        setState((s) => ({ ...s, connected: false, problem: null }));
        reopenAfter(Math.random() * RECONNECT_SPREAD_MS);
      });
      es.onerror = () => {
        // A `reconnect` before the close has already scheduled the next tail.
        if (source !== es) return;
        setState((s) => ({ ...s, connected: false, problem: s.problem ?? 'Connection lost; retrying…' }));
        reopenAfter(RETRY_MS);
      };
    }
    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
      setState(IDLE);
    };
  }, [enabled, query, path, event]);

  return enabled ? state : IDLE;
}
