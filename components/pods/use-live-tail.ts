'use client';
/**
 * Follows a live tail while `enabled` (lib/k8s/live-tail-follower.ts: the EventSource, resuming
 * exactly once after a drop or a server's `reconnect`, bounded memory) as React state.
 */
import { useEffect, useState } from 'react';
import { followLiveTail, IDLE_TAIL, type LiveTail } from '@/lib/k8s/live-tail-follower';
import type { TailItem } from '@/lib/k8s/tail-resume';
import type { LogLine } from '@/lib/schema/pod-logs';

export { MAX_LIVE_LINES, READABLE_LINES_PER_SECOND, type LiveTail } from '@/lib/k8s/live-tail-follower';

/**
 * `path`: `/api/tail`, or an embed's own tail route (its token in `params`). `event`: `lines`
 * for the pod and workload views, `hits` for the explorer (whole documents).
 */
export function useLiveTail<T extends TailItem = LogLine>(
  params: Record<string, string | undefined>,
  enabled: boolean,
  path = '/api/tail',
  event: 'lines' | 'hits' = 'lines',
): LiveTail<T> {
  const [state, setState] = useState<LiveTail<T>>(IDLE_TAIL);
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

  useEffect(() => {
    if (!enabled) return;
    const stop = followLiveTail<T>(path, query, event, setState);
    return () => {
      stop();
      setState(IDLE_TAIL);
    };
  }, [enabled, query, path, event]);

  return enabled ? state : IDLE_TAIL;
}
