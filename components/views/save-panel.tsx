'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toScreenState } from '@/lib/url-state/screen-document';
import type { SavedView } from '@/lib/schema/views';
import { stateToSearch, type ExplorerState } from '@/lib/url-state/codec';
import { ConflictNotice } from './conflict-notice';
import { SaveViewForm } from './save-view-form';
import { copyName, useViewWrites } from './use-view-writes';
import styles from './views.module.css';

export interface SaveMenuProps {
  state: ExplorerState;
  /** The open view, if the screen came from one. */
  view: SavedView | undefined;
  dirty: boolean;
}

type Step = { kind: 'choose' } | { kind: 'new'; name: string } | { kind: 'conflict'; current: SavedView };

function message(err: unknown): string {
  return err instanceof Error ? err.message : 'The view could not be saved.';
}

export function SavePanel({ state, view, dirty, close }: SaveMenuProps & { close: () => void }) {
  const writes = useViewWrites();
  const router = useRouter();
  const [step, setStep] = useState<Step>(view ? { kind: 'choose' } : { kind: 'new', name: '' });
  const [busy, setBusy] = useState(false);
  // Kept apart so an error shows beside the button that caused it.
  const [overError, setOverError] = useState<string | null>(null);
  const [newError, setNewError] = useState<string | null>(null);

  const run = async (setError: (text: string | null) => void, action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  const saveOver = (version: string) =>
    run(setOverError, async () => {
      if (!view) return;
      const result = await writes.saveState(view.id, version, toScreenState(state));
      if (result.kind === 'conflict') setStep({ kind: 'conflict', current: result.current });
      else close();
    });

  const saveNew = (name: string, description: string) =>
    run(setNewError, async () => {
      const created = await writes.create(name, description, toScreenState(state));
      close();
      // The new view shows this very screen: carry the URL over so nothing (not even the open document) changes.
      router.push(`/views/${encodeURIComponent(created.id)}${stateToSearch(state)}`);
    });

  if (step.kind === 'conflict') {
    return (
      <div className={styles.form}>
        <ConflictNotice
          current={step.current}
          busy={busy}
          onOverwrite={() => void saveOver(step.current.version)}
          onSaveAsNew={() => setStep({ kind: 'new', name: copyName(step.current.name) })}
          onCancel={close}
        />
        {overError ? <p className={styles.error}>{overError}</p> : null}
      </div>
    );
  }

  return (
    <div className={styles.form}>
      {view && step.kind === 'choose' ? (
        <div className={styles.section}>
          <p className={styles.hint}>{dirty ? 'This screen has changes the view does not have.' : 'The view already shows this screen.'}</p>
          <div className={styles.row}>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void saveOver(view.version)}>
              {busy ? 'Saving…' : 'Save changes'}
            </button>
          </div>
          {overError ? (
            <p className={styles.error} role="alert">
              {overError}
            </p>
          ) : null}
        </div>
      ) : null}
      {view ? <h3 className={styles.heading}>Save as a new view</h3> : null}
      <SaveViewForm
        key={step.kind === 'new' ? step.name : 'choose'}
        initialName={step.kind === 'new' ? step.name : ''}
        submitLabel={view ? 'Save as new' : 'Save'}
        busy={busy}
        error={newError}
        onSubmit={(name, description) => void saveNew(name, description)}
        onCancel={close}
      />
    </div>
  );
}
