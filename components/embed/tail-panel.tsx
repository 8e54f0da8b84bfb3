'use client';
/**
 * A `tail` panel: the embed's pod followed live (GET /api/embeds/{id}/tail), in the pod view's
 * own terminal, status line and follow-scroll. The server holds it to the embed's pod, query
 * and filters; the panel only says where to start.
 */
import { useMemo, useRef } from 'react';
import { LiveBar } from '@/components/pods/live-bar';
import { LogTerminal } from '@/components/pods/log-terminal';
import { useFollowScroll } from '@/components/pods/use-follow-scroll';
import { useLiveTail } from '@/components/pods/use-live-tail';
import { logItems } from '@/lib/k8s/separators';
import styles from './embed.module.css';

/** How far back the panel starts: a few minutes, so it is not blank until the next line. */
const START = 'now-5m';

export default function TailPanel({ id, token }: { id: string; token: string }) {
  const live = useLiveTail({ t: token, from: START }, true, `/api/embeds/${id}/tail`);
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useFollowScroll(scroller, true, live.lines.length);
  const items = useMemo(() => logItems(live.lines, []), [live.lines]);
  return (
    <div className={styles.tail}>
      <LiveBar live={live} paused={follow.paused} unseen={follow.unseen} onResume={follow.resume} />
      <div className={styles.tailLines} ref={scroller}>
        {live.connected && live.lines.length === 0 ? <p className={styles.none}>No new lines yet.</p> : null}
        <LogTerminal items={items} labelOf={(l) => l.container} slotOf={() => 0} timestamps markedLine={null} />
      </div>
    </div>
  );
}
