'use client';
/**
 * A `tail` panel: the embed's pod followed live (GET /api/embeds/{id}/tail), in the pod view's
 * own terminal, status line and follow-scroll. The server holds it to the embed's pod, query
 * and filters; the panel only says where to start (lib/embed/panel-data.ts).
 */
import { useMemo, useRef } from 'react';
import { LiveBar } from '@/components/pods/live-bar';
import { LogTerminal } from '@/components/pods/log-terminal';
import { useFollowScroll } from '@/components/pods/use-follow-scroll';
import { useLiveTail } from '@/components/pods/use-live-tail';
import { panelTail, type PanelData } from '@/lib/embed/panel-data';
import { logItems } from '@/lib/k8s/separators';
import styles from './embed.module.css';

export default function TailPanel({ data }: { data: PanelData }) {
  const tail = panelTail(data);
  const live = useLiveTail(tail.params, true, tail.path);
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
