'use client';
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import styles from './ui.module.css';

interface PopoverProps {
  /**
   * What the popover is: the name of its panel, and part of the trigger's name. The trigger's
   * name starts with its visible text (WCAG 2.5.3, label in name: a speech user says what they
   * see), then this label when it says something the visible text does not.
   */
  label: string;
  trigger: ReactNode;
  triggerClassName?: string;
  align?: 'start' | 'end';
  children: (close: () => void) => ReactNode;
}

/** A button that opens a panel below it; Esc, a click outside or `close()` shuts it. */
export function Popover({ label, trigger, triggerClassName, align = 'start', children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const contentId = useId();
  const labelId = useId();
  const labelled = typeof trigger === 'string' && trigger.toLowerCase().includes(label.toLowerCase());

  // Where toolbars wrap (narrow screens) a trigger may sit anywhere in its row: shift the panel
  // sideways so it stays on screen instead of being cut off or widening the page.
  useLayoutEffect(() => {
    const el = panel.current;
    if (!open || !el) return;
    el.style.translate = '';
    const margin = 8;
    const rect = el.getBoundingClientRect();
    const viewport = document.documentElement.clientWidth;
    const shift = rect.left < margin ? margin - rect.left : rect.right > viewport - margin ? viewport - margin - rect.right : 0;
    if (shift !== 0) el.style.translate = `${Math.round(shift)}px 0`;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Esc belongs to the innermost open thing: stop it reaching the document view.
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <div className={styles.popoverRoot} ref={root}>
      <button
        ref={button}
        type="button"
        className={triggerClassName ?? 'btn'}
        aria-labelledby={labelled ? undefined : `${contentId} ${labelId}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <span id={contentId} className={styles.popoverTrigger}>
          {trigger}
        </span>
        {labelled ? null : (
          <span id={labelId} className="visually-hidden">
            {label}
          </span>
        )}
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          className={`${styles.popover} ${align === 'end' ? styles.alignEnd : ''}`}
          role="dialog"
          aria-label={label}
        >
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}
