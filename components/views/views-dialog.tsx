'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CloseIcon } from '@/components/ui/icons';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { viewListQueryOptions } from '@/lib/queries/views';
import type { SavedViewSummary } from '@/lib/schema/views';
import { useViewWrites } from './use-view-writes';
import { ViewListItem } from './view-list-item';
import styles from './views.module.css';

interface ViewsDialogProps {
  open: boolean;
  openViewId: string | undefined;
  onClose: () => void;
  onDeleted: (view: SavedViewSummary) => void;
}

/** Typing settles for this long before the list is asked again. */
const SEARCH_DEBOUNCE_MS = 200;

/** The saved views, newest first, searchable by name; a modal on the native <dialog>. */
export function ViewsDialog({ open, openViewId, onClose, onDeleted }: ViewsDialogProps) {
  const dialog = useModalDialog(open);

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-label="Saved views"
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className={styles.dialogHeader}>
        <h2 className={styles.dialogTitle}>Saved views</h2>
        <button type="button" className="icon-btn" aria-label="Close saved views" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {open ? <ViewsList openViewId={openViewId} onClose={onClose} onDeleted={onDeleted} /> : null}
    </dialog>
  );
}

function ViewsList({ openViewId, onClose, onDeleted }: Omit<ViewsDialogProps, 'open'>) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const writes = useViewWrites();

  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text]);

  const list = useInfiniteQuery(viewListQueryOptions(q));
  const views = list.data?.pages.flatMap((p) => p.views) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <div className={styles.dialogBody}>
      <input
        type="search"
        className={styles.search}
        aria-label="Search saved views"
        placeholder="Search by name…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus
      />
      {list.isPending ? (
        <p className={styles.hint} role="status">
          Loading saved views…
        </p>
      ) : list.isError ? (
        <p className={styles.error} role="alert">
          The saved views could not be loaded: {list.error instanceof Error ? list.error.message : 'unknown error'}{' '}
          <button type="button" className="link-btn" onClick={() => void list.refetch()}>
            Try again
          </button>
        </p>
      ) : views.length === 0 ? (
        <p className={styles.hint}>
          {q ? `No saved view has “${q}” in its name.` : 'No saved views yet. Use “Save view” to keep a screen.'}
        </p>
      ) : (
        <>
          <p className={styles.hint} aria-live="polite">
            {total === 1 ? '1 view' : `${total.toLocaleString('en-US')} views`}, newest first
          </p>
          <ul className={styles.list} aria-label="Saved views list">
            {views.map((view) => (
              <ViewListItem
                key={view.id}
                view={view}
                isOpen={view.id === openViewId}
                writes={writes}
                onOpen={onClose}
                onDeleted={onDeleted}
              />
            ))}
          </ul>
          {list.hasNextPage ? (
            <button type="button" className="btn" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
