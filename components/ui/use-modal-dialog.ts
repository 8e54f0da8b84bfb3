'use client';
import { useEffect, useRef } from 'react';

/**
 * Opens and closes a native <dialog> as a modal with `open`: the browser then traps focus and
 * closes it on Esc (its `close` event reports that back through the dialog's onClose).
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return dialog;
}
