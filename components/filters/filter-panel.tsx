'use client';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
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
