'use client';
import type { ReactNode } from 'react';
import styles from './ui.module.css';
import { useModalDialog } from './use-modal-dialog';
import { CloseIcon } from './icons';

interface DrawerProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A modal side sheet on the native <dialog>, which brings focus trapping and Esc for free. */
export function Drawer({ open, title, onClose, children }: DrawerProps) {
  const dialog = useModalDialog(open);

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
