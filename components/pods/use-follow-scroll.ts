'use client';
/**
 * While live: new lines keep the view at the bottom unless the reader scrolled up — then it is
 * paused, new lines are counted instead, and `resume` goes back to the bottom.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

const AT_BOTTOM_PX = 40;

export function useFollowScroll(scroller: RefObject<HTMLElement | null>, live: boolean, total: number) {
  // The line count when the reader scrolled away; null while following.
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const totalNow = useRef(total);

  useEffect(() => {
    totalNow.current = total;
  }, [total]);

  useEffect(() => {
    const box = scroller.current;
    if (!box || !live) return;
    const onScroll = () => {
      const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < AT_BOTTOM_PX;
      setPausedAt((was) => (atBottom ? null : (was ?? totalNow.current)));
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => box.removeEventListener('scroll', onScroll);
  }, [scroller, live]);

  const paused = live && pausedAt !== null;
  useEffect(() => {
    if (live && !paused) scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [scroller, live, paused, total]);

  const resume = () => {
    setPausedAt(null);
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  };
  return { paused, unseen: paused && pausedAt !== null ? Math.max(0, total - pausedAt) : 0, resume };
}
