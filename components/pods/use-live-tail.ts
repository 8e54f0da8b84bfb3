'use client';
/**
 * Follows `GET /api/tail` (Server-Sent Events) while `enabled`: new lines in time order, the
 * ingest lag the server sees, the rate. Memory stays bounded: beyond MAX_LIVE_LINES the oldest
 * live lines are dropped (counted). Closing the EventSource (toggle off, unmount, page closed)
 * ends the server's loop.
 */
import { useEffect, useState } from 'react';
import type { LogLine } from '@/lib/schema/pod-logs';
import type { TailLinesEvent, TailProblemEvent } from '@/lib/schema/tail';

export const MAX_LIVE_LINES = 5_000;
/** Above this many lines a second nobody reads along: the view says so. */
export const READABLE_LINES_PER_SECOND = 50;
const RATE_WINDOW_MS = 5_000;

export interface LiveTail {
  lines: LogLine[];
  dropped: number;
  lagMs: number | null;
  linesPerSecond: number;
  connected: boolean;
  problem: string | null;
}

const IDLE: LiveTail = { lines: [], dropped: 0, lagMs: null, linesPerSecond: 0, connected: false, problem: null };

export function useLiveTail(params: Record<string, string | undefined>, enabled: boolean): LiveTail {
  const [state, setState] = useState<LiveTail>(IDLE);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/tail?${query}`);
    const arrivals: { at: number; n: number }[] = [];
    const rate = () => {
      const now = Date.now();
      while (arrivals.length > 0 && (arrivals[0]?.at ?? 0) < now - RATE_WINDOW_MS) arrivals.shift();
      return arrivals.reduce((sum, a) => sum + a.n, 0) / (RATE_WINDOW_MS / 1000);
    };
    source.onopen = () => setState((s) => ({ ...s, connected: true, problem: null }));
    source.addEventListener('lines', (event) => {
      const batch = JSON.parse((event as MessageEvent<string>).data) as TailLinesEvent;
      arrivals.push({ at: Date.now(), n: batch.lines.length });
      const linesPerSecond = rate();
      setState((s) => {
        const all = [...s.lines, ...batch.lines];
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
    source.addEventListener('status', () => setState((s) => ({ ...s, linesPerSecond: rate(), connected: true, problem: null })));
    source.addEventListener('problem', (event) => {
      const problem = JSON.parse((event as MessageEvent<string>).data) as TailProblemEvent;
      setState((s) => ({ ...s, problem: problem.message }));
    });
    source.onerror = () => setState((s) => ({ ...s, connected: false, problem: s.problem ?? 'Connection lost; retrying…' }));
    return () => {
      source.close();
      setState(IDLE);
    };
  }, [enabled, query]);

  return enabled ? state : IDLE;
}
