'use client';
/** The live tail's status line: connected, ingest lag, rate (and when it is too fast to read), dropped lines, paused. */
import type { LiveTail } from './use-live-tail';
import { MAX_LIVE_LINES, READABLE_LINES_PER_SECOND } from './use-live-tail';
import styles from './pods.module.css';

interface LiveBarProps {
  live: LiveTail<unknown>;
  paused: boolean;
  unseen: number;
  onResume: () => void;
}

export function LiveBar({ live, paused, unseen, onResume }: LiveBarProps) {
  const rate = Math.round(live.linesPerSecond);
  return (
    <div className={styles.liveBar} data-testid="live-bar" aria-live="polite">
      <span className={live.connected ? styles.liveOn : styles.liveOff}>{live.connected ? '● Live' : '○ Connecting…'}</span>
      {live.lagMs !== null ? <span data-testid="ingest-lag">ingest lag {(live.lagMs / 1000).toFixed(1)} s</span> : null}
      <span>{live.lines.length.toLocaleString('en-US')} new lines</span>
      {rate > READABLE_LINES_PER_SECOND ? (
        <strong data-testid="too-fast">≈ {rate} lines/s — faster than anyone can read; pause, or narrow to one container</strong>
      ) : null}
      {live.dropped > 0 ? (
        <span>
          {live.dropped.toLocaleString('en-US')} older live lines dropped (the view keeps the newest{' '}
          {MAX_LIVE_LINES.toLocaleString('en-US')})
        </span>
      ) : null}
      {live.problem ? <span className={styles.liveProblem}>{live.problem}</span> : null}
      {paused ? (
        <button type="button" onClick={onResume} data-testid="resume-live">
          Paused · {unseen.toLocaleString('en-US')} new {unseen === 1 ? 'line' : 'lines'} — resume
        </button>
      ) : null}
    </div>
  );
}
