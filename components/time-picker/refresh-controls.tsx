'use client';
import { useEffect, useEffectEvent } from 'react';
import styles from './time-picker.module.css';
import { RefreshIcon } from '@/components/ui/icons';

export const AUTO_REFRESH_CHOICES = [
  { label: 'Off', ms: 0 },
  { label: '5 s', ms: 5_000 },
  { label: '10 s', ms: 10_000 },
  { label: '30 s', ms: 30_000 },
  { label: '1 m', ms: 60_000 },
] as const;

interface RefreshControlsProps {
  refreshing: boolean;
  autoRefreshMs: number;
  onAutoRefreshChange: (ms: number) => void;
  onRefresh: () => void;
}

export function RefreshControls({ refreshing, autoRefreshMs, onAutoRefreshChange, onRefresh }: RefreshControlsProps) {
  // Reads the latest props when the timer fires, without restarting the timer when they change.
  const tick = useEffectEvent(() => {
    if (!refreshing && document.visibilityState === 'visible') onRefresh();
  });

  useEffect(() => {
    if (autoRefreshMs <= 0) return;
    // A slow engine must not pile up requests: skip a tick while the last one is still running.
    const timer = setInterval(() => tick(), autoRefreshMs);
    return () => clearInterval(timer);
  }, [autoRefreshMs]);

  return (
    <div className={styles.refresh}>
      <button type="button" className="btn" onClick={onRefresh} aria-label="Refresh" title="Refresh">
        <span className={refreshing ? styles.spinning : undefined} aria-hidden="true">
          <RefreshIcon />
        </span>
      </button>
      <label className={styles.auto}>
        <span className="visually-hidden">Auto-refresh</span>
        <select
          aria-label="Auto-refresh"
          value={autoRefreshMs}
          onChange={(e) => onAutoRefreshChange(Number(e.target.value))}
          className={styles.select}
        >
          {AUTO_REFRESH_CHOICES.map((c) => (
            <option key={c.ms} value={c.ms}>
              {c.ms === 0 ? 'Auto: off' : `Every ${c.label}`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
