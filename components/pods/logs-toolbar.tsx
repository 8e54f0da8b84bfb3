'use client';
/** Since / until / tail / live / timestamps / grouping controls of the pod and workload views. */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { LogsViewState } from '@/lib/k8s/view-url';
import { POD_LOG_LIMITS } from '@/lib/schema/limits';
import styles from './pods.module.css';

interface LogsToolbarProps {
  state: LogsViewState;
  update: (change: Partial<LogsViewState>) => void;
  grouping: boolean;
  onGrouping: (on: boolean) => void;
  onRefresh: () => void;
  /** The view's own controls (container, pods, previous instance), before *Live*. */
  children?: ReactNode;
}

export function LogsToolbar({ state, update, grouping, onGrouping, onRefresh, children }: LogsToolbarProps) {
  // The boxes are edited freely and applied together; the URL changes only on Apply / Enter.
  const [draft, setDraft] = useState({ since: state.since, until: state.until, tail: String(state.tail) });
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setDraft({ since: state.since, until: state.until, tail: String(state.tail) });
  }
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const tail = Number(draft.tail);
    update({
      since: draft.since.trim() || 'now-24h',
      until: draft.until.trim() || 'now',
      tail: Number.isInteger(tail) && tail >= 1 && tail <= POD_LOG_LIMITS.maxTail ? tail : state.tail,
      line: null,
    });
  };
  return (
    <form className={styles.toolbar} onSubmit={apply} aria-label="Which lines">
      <label>
        Since
        <input type="text" name="since" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
      </label>
      <label>
        Until
        <input type="text" name="until" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />
      </label>
      <label>
        Last
        <input
          type="number"
          name="tail"
          min={1}
          max={POD_LOG_LIMITS.maxTail}
          value={draft.tail}
          onChange={(e) => setDraft({ ...draft, tail: e.target.value })}
        />
        lines
      </label>
      <button type="submit">Apply</button>
      <button type="button" onClick={onRefresh}>
        Refresh
      </button>
      {children}
      <label>
        <input type="checkbox" checked={state.live} onChange={(e) => update({ live: e.target.checked })} name="live" />
        Live
      </label>
      <label>
        <input type="checkbox" checked={state.timestamps} onChange={(e) => update({ timestamps: e.target.checked })} />
        Timestamps
      </label>
      <label>
        <input type="checkbox" checked={grouping} onChange={(e) => onGrouping(e.target.checked)} />
        Group multi-line events
      </label>
    </form>
  );
}
