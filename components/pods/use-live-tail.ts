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
 * address, which another replica answers — from the newest line it has, after a short random
 * pause so that a replica's viewers do not all land in the same instant. After a drop it does the
 * same after RETRY_MS. Lines a new tail re-sends (its minute of overlap) are dropped by index + id.
 */
import { useEffect, useState } from 'react';
import type { LogLine } from '@/lib/schema/pod-logs';
import type { TailHitsEvent, TailLinesEvent, TailProblemEvent, TailReconnectEvent } from '@/lib/schema/tail';

export const MAX_LIVE_LINES = 5_000;
/** Above this many lines a second nobody reads along: the view says so. */
export const READABLE_LINES_PER_SECOND = 50;
const RATE_WINDOW_MS = 5_000;
/** After a dropped connection or a refusal: the server's own `retry` hint. */
const RETRY_MS = 3_000;
/** After `reconnect`: spread a replica's viewers over this much time. */
const RECONNECT_SPREAD_MS = 500;

/** What a tail sends: pod and workload lines (`lines`), or the explorer's hits (`hits`). */
interface LiveItem {
  index: string;
  id: string;
  timestamp: string;
}

const lineKey = (line: LiveItem) => `${line.index}/${line.id}`;

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
export function useLiveTail<T extends LiveItem = LogLine>(
  params: Record<string, string | undefined>,
  enabled: boolean,
  path = '/api/tail',
  event: 'lines' | 'hits' = 'lines',
): LiveTail<T> {
  const [state, setState] = useState<LiveTail<T>>(IDLE);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

  useEffect(() => {
    if (!enabled) return;
    const base = new URLSearchParams(query);
    let from = base.get('from') ?? 'now';
    const advance = (to: string) => {
      // `from` may be date math (`now`) at first; a line's time replaces it, a later one only.
      const at = Date.parse(from);
      if (Number.isNaN(at) || Date.parse(to) > at) from = to;
    };
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    // Keys of the live lines kept: a new tail re-sends its overlap, each line must show once.
    const kept = new Set<string>();
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
      base.delete('fresh');
    };
    function open() {
      base.set('from', from);
      const es = new EventSource(`${path}?${base.toString()}`);
      source = es;
      es.onopen = () => setState((s) => ({ ...s, connected: true, problem: null }));
      es.addEventListener(event, (message) => {
        const batch = JSON.parse((message as MessageEvent<string>).data) as TailLinesEvent | TailHitsEvent;
        const items = ('lines' in batch ? batch.lines : batch.hits) as unknown as T[];
        const fresh = items.filter((l) => !kept.has(lineKey(l)));
        for (const l of fresh) kept.add(lineKey(l));
        const newest = fresh.at(-1);
        if (newest) advance(newest.timestamp);
        arrivals.push({ at: Date.now(), n: fresh.length });
        const linesPerSecond = rate();
        setState((s) => {
          const all = [...s.lines, ...fresh];
          const over = Math.max(0, all.length - MAX_LIVE_LINES);
          for (const l of all.slice(0, over)) kept.delete(lineKey(l));
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
      es.addEventListener('status', () => setState((s) => ({ ...s, linesPerSecond: rate(), connected: true, problem: null })));
      es.addEventListener('problem', (event) => {
        const problem = JSON.parse((event as MessageEvent<string>).data) as TailProblemEvent;
        setState((s) => ({ ...s, problem: problem.message }));
      });
      es.addEventListener('reconnect', (event) => {
        const said = JSON.parse((event as MessageEvent<string>).data) as TailReconnectEvent;
        advance(said.from);
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
