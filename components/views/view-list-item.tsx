'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useDisplayZone } from '@/components/time-picker/display-zone';
import { formatTimestamp } from '@/components/time-picker/time-format';
import { VIEW_LIMITS } from '@/lib/schema/limits';
import type { SavedViewSummary } from '@/lib/schema/views';
import type { useViewWrites } from './use-view-writes';
import styles from './views.module.css';

interface ViewListItemProps {
  view: SavedViewSummary;
  isOpen: boolean;
  writes: ReturnType<typeof useViewWrites>;
  onOpen: () => void;
  onDeleted: (view: SavedViewSummary) => void;
}

type Mode = 'idle' | 'rename' | 'delete';

const CHANGED_MEANWHILE = 'Someone else changed this view meanwhile; the list now shows its current version. Try again.';

/** One saved view: a same-origin link that opens it, and rename / duplicate / delete in place. */
export function ViewListItem({ view, isOpen, writes, onOpen, onDeleted }: ViewListItemProps) {
  const zone = useDisplayZone();
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(view.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  };

  const rename = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void run(async () => {
      const result = await writes.rename(view, trimmed);
      if (result.kind === 'conflict') setError(CHANGED_MEANWHILE);
      else setMode('idle');
    });
  };

  const remove = () =>
    void run(async () => {
      const result = await writes.remove(view);
      if (result.kind === 'conflict') {
        setError(CHANGED_MEANWHILE);
        setMode('idle');
      } else onDeleted(view);
    });

  const duplicate = () =>
    void run(async () => {
      const copy = await writes.duplicate(view);
      setNote(`Saved a copy as “${copy.name}”.`);
    });

  return (
    <li className={styles.item} aria-label={view.name}>
      <div className={styles.itemHead}>
        <Link href={`/views/${encodeURIComponent(view.id)}`} className={styles.itemName} onClick={onOpen}>
          {view.name}
        </Link>
        {isOpen ? <span className={styles.meta}>(open)</span> : null}
        <span className={styles.meta}>updated {formatTimestamp(view.updatedAt, zone)}</span>
      </div>
      {view.description ? <p className={styles.description}>{view.description}</p> : null}

      {mode === 'rename' ? (
        <form className={styles.row} onSubmit={rename} aria-label={`Rename ${view.name}`}>
          <input
            className={`${styles.search} ${styles.renameInput}`}
            aria-label="New name"
            value={name}
            maxLength={VIEW_LIMITS.nameLength}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
            {busy ? 'Saving…' : 'Save name'}
          </button>
          <button type="button" className="btn" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      ) : mode === 'delete' ? (
        <div className={styles.row} role="group" aria-label={`Confirm deleting ${view.name}`}>
          <span>Delete this view? Links to it will show “view not found”.</span>
          <button type="button" className="btn btn-primary" onClick={remove} disabled={busy}>
            {busy ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" className="btn" onClick={() => setMode('idle')} disabled={busy}>
            Cancel
          </button>
        </div>
      ) : (
        <div className={styles.row}>
          <button
            type="button"
            className="link-btn"
            onClick={() => {
              setName(view.name);
              setMode('rename');
            }}
          >
            Rename
          </button>
          <button type="button" className="link-btn" onClick={duplicate} disabled={busy}>
            Duplicate
          </button>
          <button type="button" className="link-btn" onClick={() => setMode('delete')}>
            Delete
          </button>
        </div>
      )}
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      {note ? (
        <p className={styles.hint} role="status">
          {note}
        </p>
      ) : null}
    </li>
  );
}
