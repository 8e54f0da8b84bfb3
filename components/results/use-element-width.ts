'use client';
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The inner width of an element, following its size; `before` until it is laid out (and on the server). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, before = 0): number {
  const [width, setWidth] = useState(before);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
