'use client';
import { useDisplayZone } from '@/components/time-picker/display-zone';
import { formatTimestamp } from '@/components/time-picker/time-format';
import type { SavedView } from '@/lib/schema/views';
import styles from './views.module.css';

interface ConflictNoticeProps {
  /** The view as it is stored now, from the 409 answer. */
  current: SavedView;
  busy: boolean;
  onOverwrite: () => void;
  onSaveAsNew: () => void;
  onCancel: () => void;
}

/** A save that lost the race: nothing was written, and the user picks what happens next. */
export function ConflictNotice({ current, busy, onOverwrite, onSaveAsNew, onCancel }: ConflictNoticeProps) {
  const zone = useDisplayZone();
  return (
    <div className={styles.conflict} role="alert" aria-label="Save conflict">
      <p>
        <strong>Someone else changed this view</strong> since you opened it: “{current.name}” was saved{' '}
        {formatTimestamp(current.updatedAt, zone)}. Nothing was saved.
      </p>
      <p>Overwrite their version with this screen, keep both by saving this screen as a new view, or cancel.</p>
      <div className={styles.row}>
        <button type="button" className="btn btn-primary" onClick={onOverwrite} disabled={busy}>
          {busy ? 'Saving…' : 'Overwrite'}
        </button>
        <button type="button" className="btn" onClick={onSaveAsNew} disabled={busy}>
          Save as new view
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
