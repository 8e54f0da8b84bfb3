'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { SavedView } from '@/lib/schema/views';
import { stateToSearch, type ExplorerState } from '@/lib/url-state/codec';
import { sameScreen } from '@/lib/url-state/same-screen';
import { deferred } from '@/components/ui/deferred';
import { SaveMenu } from './save-menu';
import styles from './views.module.css';

/** The list of saved views is fetched when it is first opened. */
export const ViewsDialog = deferred(() => import('./views-dialog').then((m) => m.ViewsDialog));

interface ViewControlsProps {
  state: ExplorerState;
  /** The open view (on /views/{id}); undefined on a plain explorer screen. */
  view: SavedView | undefined;
}

/** The open view's name, and a marker while the screen differs from what the view stores. */
export function ViewTitle({ state, view }: { state: ExplorerState; view: SavedView }) {
  const dirty = !sameScreen(state, view.state);

  useEffect(() => {
    if (!view) return;
    // The tab title is text too: the browser never reads it as markup.
    document.title = `${view.name} · Log Explorer`;
    return () => {
      document.title = 'Log Explorer';
    };
  }, [view]);

  return (
    <span className={styles.current} data-testid="open-view">
      <span className={styles.name} title={view.name}>
        {view.name}
      </span>
      {dirty ? (
        <span className={styles.unsaved} title="The screen differs from the saved view" data-testid="unsaved-changes">
          Unsaved changes
        </span>
      ) : null}
    </span>
  );
}

/** Saved views: the list (open, rename, duplicate, delete) and save. */
export function ViewControls({ state, view }: ViewControlsProps) {
  const [listOpen, setListOpen] = useState(false);
  // Mounted from the first opening on, so closing keeps the native dialog's own close path.
  const [listUsed, setListUsed] = useState(false);
  const router = useRouter();
  const dirty = view ? !sameScreen(state, view.state) : false;

  return (
    <div className={styles.controls}>
      <button
        type="button"
        className="btn"
        aria-haspopup="dialog"
        onClick={() => {
          setListUsed(true);
          setListOpen(true);
        }}
      >
        Views
      </button>
      <SaveMenu state={state} view={view} dirty={dirty} />
      {listUsed ? (
        <ViewsDialog
          open={listOpen}
          openViewId={view?.id}
          onClose={() => setListOpen(false)}
          onDeleted={(deleted) => {
            // The open view is gone: keep the screen, as a plain explorer link.
            if (deleted.id === view?.id) router.replace(`/${stateToSearch(state)}`);
          }}
        />
      ) : null}
    </div>
  );
}
