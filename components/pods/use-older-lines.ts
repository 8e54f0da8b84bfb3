'use client';
/**
 * The pod view's older lines: the first answer carries a screenful (POD_LOG_LIMITS.defaultPage)
 * so the view shows fast; older ones are read a page at a time from its `older` cursor when the
 * reader scrolls up to them (or a marked line is further back), never past `tail` in all.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { olderPodLinesQueryOptions } from '@/lib/queries/pod-logs';
import { POD_LOG_LIMITS } from '@/lib/schema/limits';
import type { LogLine, PodLinesRequestInput, PodLogsResponse } from '@/lib/schema/pod-logs';

export interface OlderLines {
  /** Oldest first, all older than the first answer's lines. */
  lines: LogLine[];
  /** Older lines of the range are there to read (within `tail`). */
  more: boolean;
  /** Older lines of the range are there but past `tail`: cut by the line limit. */
  cut: boolean;
  loading: boolean;
  error: unknown;
  load: () => void;
}

export function useOlderLines(
  first: PodLogsResponse | undefined,
  scope: Omit<PodLinesRequestInput, 'before' | 'size' | 'since' | 'until'>,
  tail: number,
): OlderLines {
  const start = first?.older ?? null;
  const firstCount = first?.lines.length ?? 0;
  // Nothing is read until asked for, and asking again after a new first answer starts over.
  const [wantedFor, setWantedFor] = useState<string | null>(null);
  const range = first?.range;
  const request = useMemo(
    () => ({ ...scope, since: String(range?.from ?? ''), until: String(range?.to ?? '') }),
    [scope, range?.from, range?.to],
  );
  const query = useInfiniteQuery({
    ...olderPodLinesQueryOptions(request, start, tail, firstCount, POD_LOG_LIMITS.defaultPage),
    enabled: start !== null && wantedFor === start && firstCount < tail,
  });
  const pages = useMemo(() => (start !== null && wantedFor === start ? (query.data?.pages ?? []) : []), [query.data, start, wantedFor]);
  const lines = useMemo(() => [...pages].reverse().flatMap((p) => p.lines), [pages]);
  const last = pages.at(-1);
  const olderThere = start !== null && (last === undefined || last.older !== null);
  const more = olderThere && firstCount + lines.length < tail;
  const { isFetching, fetchNextPage } = query;
  const load = useCallback(() => {
    if (!more || isFetching) return;
    if (wantedFor !== start) setWantedFor(start);
    else void fetchNextPage();
  }, [more, isFetching, wantedFor, start, fetchNextPage]);
  return { lines, more, cut: olderThere && !more, loading: isFetching, error: query.error, load };
}
