'use client';
/**
 * Above the pod view's first line: older lines load when the reader scrolls up to here (or
 * presses the button), and the lines on screen stay where they were while older ones are put
 * above them.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import styles from './pods.module.css';
import type { OlderLines } from './use-older-lines';

/** How far above the first line loading starts, so the reader seldom waits at the top. */
const AHEAD_PX = 400;

export function OlderLinesControl({ scroller, older }: { scroller: RefObject<HTMLElement | null>; older: OlderLines }) {
  const sentinel = useRef<HTMLDivElement>(null);
  // Distance from the bottom when a load began: kept when the older lines are put above.
  const fromBottom = useRef<number | null>(null);
  const { more, loading, load } = older;

  useEffect(() => {
    const box = scroller.current;
    const mark = sentinel.current;
    if (!box || !mark || !more || loading) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        fromBottom.current = box.scrollHeight - box.scrollTop;
        load();
      },
      { root: box, rootMargin: `${AHEAD_PX}px 0px 0px 0px` },
    );
    observer.observe(mark);
    return () => observer.disconnect();
  }, [scroller, more, loading, load]);

  const count = older.lines.length;
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || fromBottom.current === null) return;
    box.scrollTo({ top: box.scrollHeight - fromBottom.current });
    fromBottom.current = null;
  }, [scroller, count]);

  if (!more && !loading) return null;
  return (
    <div ref={sentinel} className={styles.olderLines}>
      <button
        type="button"
        disabled={loading}
        onClick={() => {
          const box = scroller.current;
          if (box) fromBottom.current = box.scrollHeight - box.scrollTop;
          load();
        }}
      >
        {loading ? 'Loading older lines…' : 'Load older lines'}
      </button>
    </div>
  );
}
