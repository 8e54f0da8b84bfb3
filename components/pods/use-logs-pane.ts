'use client';
/**
 * What the pod and workload views share below their own request: the lines loaded (and, in the
 * pod view, older pages) with the live tail's after them, each once; following while live; the
 * terminal's items with restart separators; colour slots; scrolling to the marked line.
 */
import { useMemo, useRef } from 'react';
import { colourSlots, logItems } from '@/lib/k8s/separators';
import type { LogsViewState } from '@/lib/k8s/view-url';
import type { LogLine, RestartSeparator } from '@/lib/schema/pod-logs';
import { withLiveLines } from './live-lines';
import { useFollowScroll } from './use-follow-scroll';
import { useLiveTail } from './use-live-tail';
import { useScrollToLine } from './use-scroll-to-line';

const SLOTS = 8;

export interface LogsPaneInput {
  state: LogsViewState;
  /** The first answer: its lines, oldest first, or undefined while loading. */
  loaded: { lines: LogLine[] } | undefined;
  /** Older lines read since (the pod view's pages), oldest first. */
  older?: readonly LogLine[];
  /** What the live tail follows: the pod or workload, narrowed as the view is. */
  tail: { namespace: string; pod?: string; workload?: string; container?: string };
  restarts: readonly RestartSeparator[];
  /** A line's colour and label: its container (pod view) or its pod (workload view). */
  nameOf: (line: LogLine) => string;
  /** Names known before any line shows (containers, pods), for stable colours. */
  names: readonly string[];
  /** Only these live lines (the workload view's pod filter). */
  keep?: (line: LogLine) => boolean;
  grouping: boolean;
}

export function useLogsPane({ state, loaded, older, tail, restarts, nameOf, names, keep, grouping }: LogsPaneInput) {
  const scroller = useRef<HTMLDivElement>(null);
  const base = useMemo(() => (older && older.length > 0 ? [...older, ...(loaded?.lines ?? [])] : (loaded?.lines ?? [])), [older, loaded]);
  const markedShown = state.line !== null && base.some((l) => l.id === state.line);
  useScrollToLine(scroller, state.line, loaded, markedShown);

  const live = useLiveTail(
    { ...tail, source: state.source ?? undefined, from: loaded?.lines.at(-1)?.timestamp ?? 'now' },
    state.live && loaded !== undefined,
  );
  const lines = useMemo(() => withLiveLines(base, live.lines, keep), [base, live.lines, keep]);
  const follow = useFollowScroll(scroller, state.live, lines.length);
  const items = useMemo(() => (loaded ? logItems(lines, restarts, grouping) : []), [loaded, lines, restarts, grouping]);
  const slots = useMemo(() => colourSlots([...names, ...live.lines.map(nameOf)], SLOTS), [names, live.lines, nameOf]);
  const slotOf = (line: LogLine) => slots.get(nameOf(line)) ?? 0;
  return { scroller, live, lines, follow, items, slots, slotOf, nameOf, markedShown };
}
