'use client';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import styles from './filters.module.css';

interface FilterPanelProps {
  label: string;
  /** The element holding the panel and its trigger: a press outside it closes the panel. */
  anchor: RefObject<HTMLElement | null>;
  onClose: () => void;
  children: ReactNode;
}

/**
 * The floating panel of the filter form. Unlike the generic Popover it lets Esc reach the
 * inputs first, so Esc in an open suggestion list closes only that list.
 */
export function FilterPanel({ label, anchor, onClose, children }: FilterPanelProps) {
  const close = useRef(onClose);
  // Placed once, as it opens, from where its anchor is: decided before the first paint so the
  // input that takes focus is already on screen (focusing an off-screen input scrolls the page).
  const [offset] = useState(() => leftOffset(anchor.current));
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (anchor.current && e.target instanceof Node && !anchor.current.contains(e.target)) close.current();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [anchor]);
  return (
    <div
      className={styles.panel}
      style={offset ? { left: offset } : undefined}
      role="dialog"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.isDefaultPrevented()) return;
        // Prevented, so the document view (closed by Esc too) stays open.
        e.preventDefault();
        close.current();
      }}
    >
      {children}
    </div>
  );
}

/** Mirrors `.panel`'s width in filters.module.css. */
const PANEL_WIDTH = 380;
const EDGE = 12;

/** How far left of its anchor the panel starts so that it ends inside the window (never past its left edge). */
function leftOffset(anchor: HTMLElement | null): number {
  if (!anchor || typeof window === 'undefined') return 0;
  const viewport = document.documentElement.clientWidth;
  const left = anchor.getBoundingClientRect().left;
  const width = Math.min(PANEL_WIDTH, viewport - 2 * EDGE);
  const overflow = left + width - (viewport - EDGE);
  return overflow > 0 ? -Math.min(overflow, Math.max(0, left - EDGE)) : 0;
}
