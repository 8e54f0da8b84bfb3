'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import styles from './ui.module.css';
import { CloseIcon } from './icons';

interface DrawerProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal side sheet on the native <dialog>, which brings focus trapping and Esc for free. */
export function Drawer({ open, title, onClose, children }: DrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog ref={dialog} className={styles.drawer} aria-label={title} onClose={onClose}>
      <div className={styles.drawerHeader}>
        <h2 className={styles.drawerTitle}>{title}</h2>
        <button type="button" className="icon-btn" aria-label={`Close ${title.toLowerCase()}`} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className={styles.drawerBody}>{open ? children : null}</div>
    </dialog>
  );
}
