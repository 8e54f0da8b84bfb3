'use client';
/** The lower half of the pod and workload views: the status line, the live bar, the terminal. */
import type { ReactNode } from 'react';
import type { JsonFilterActions } from '@/components/document/json-message-view';
import type { LogLine } from '@/lib/schema/pod-logs';
import { LiveBar } from './live-bar';
import { LogTerminal } from './log-terminal';
import styles from './pods.module.css';
import type { useLogsPane } from './use-logs-pane';

type Pane = ReturnType<typeof useLogsPane>;

/** The hook's parts it shows (spread `{...pane}`), and what the view adds. */
interface LogsPaneProps extends Pick<Pane, 'scroller' | 'live' | 'follow' | 'items' | 'slotOf' | 'nameOf'> {
  liveOn: boolean;
  timestamps: boolean;
  markedLine: string | null;
  /** The status line's test id and text. */
  statusId: string;
  status: ReactNode;
  /** Above the first line (the pod view's "older lines" control). */
  top?: ReactNode;
  empty?: ReactNode;
  lineActions?: (line: LogLine) => ReactNode;
  json: JsonFilterActions;
}

export function LogsPane(props: LogsPaneProps) {
  const { scroller, live, follow, items, slotOf, nameOf, liveOn, timestamps, markedLine, statusId, status, top, empty, lineActions, json } =
    props;
  return (
    <>
      <div className={styles.status} data-testid={statusId} aria-live="polite">
        {status}
      </div>
      {liveOn ? <LiveBar live={live} paused={follow.paused} unseen={follow.unseen} onResume={follow.resume} /> : null}
      <div className={styles.scroller} ref={scroller}>
        {top}
        {empty}
        <LogTerminal
          items={items}
          labelOf={nameOf}
          slotOf={slotOf}
          timestamps={timestamps}
          markedLine={markedLine}
          lineActions={lineActions}
          json={json}
        />
      </div>
    </>
  );
}
