'use client';
import { useEffect, type RefObject } from 'react';

/**
 * After new lines arrive: the marked line centred when there is one (opened from a hit),
 * otherwise the newest line at the bottom, like a terminal. `markedShown`: the marked line came
 * with a later page (the pod view's older lines), scroll to it then.
 */
export function useScrollToLine(
  scroller: RefObject<HTMLElement | null>,
  markedLine: string | null,
  dataKey: unknown,
  markedShown = false,
): void {
  useEffect(() => {
    const box = scroller.current;
    if (!box || !dataKey) return;
    const marked = markedLine ? box.querySelector<HTMLElement>(`[data-line-id="${CSS.escape(markedLine)}"]`) : null;
    if (marked) marked.scrollIntoView({ block: 'center' });
    else box.scrollTo({ top: box.scrollHeight });
  }, [scroller, markedLine, dataKey, markedShown]);
}

/** Scrolls to the restart separator above the top of the view (the end of the previous instance), or the last one. */
export function jumpToPreviousInstance(scroller: HTMLElement | null): void {
  if (!scroller) return;
  const separators = [...scroller.querySelectorAll<HTMLElement>('[data-testid="restart-separator"]')];
  if (separators.length === 0) return;
  const top = scroller.getBoundingClientRect().top;
  const above = separators.filter((s) => s.getBoundingClientRect().top < top - 2);
  const target = above.at(-1) ?? separators.at(-1);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}
