'use client';
/** The Embed dialog's choices: what the panel shows and how it looks and behaves in its host page. */
import { useId } from 'react';
import type { EmbedPanel } from '@/lib/schema/embeds';
import styles from './embed-menu.module.css';

export interface EmbedOptions {
  panel: EmbedPanel;
  namespace: string;
  pod: string;
  origin: string;
  title: string;
  showTitle: boolean;
  theme: 'auto' | 'light' | 'dark';
  refreshSeconds: 0 | 10 | 30 | 60 | 300;
  allowTimeChange: boolean;
  maxWindowHours: number;
  expiresInDays: number | null;
}

const PANELS: [EmbedPanel, string][] = [
  ['histogram', 'Histogram'],
  ['results', 'Results table'],
  ['facets', 'Facet counts'],
  ['tail', 'Live tail of one pod'],
];

const REFRESH: [EmbedOptions['refreshSeconds'], string][] = [
  [0, 'Off'],
  [10, 'every 10 s'],
  [30, 'every 30 s'],
  [60, 'every minute'],
  [300, 'every 5 minutes'],
];

export function EmbedOptionsForm({ options, onChange }: { options: EmbedOptions; onChange: (change: Partial<EmbedOptions>) => void }) {
  const id = useId();
  const ids = (name: string) => `${id}-${name}`;
  const o = options;
  const live = o.panel === 'tail';
  return (
    <>
      <div className={styles.grid}>
        <label htmlFor={ids('panel')}>Panel</label>
        <select id={ids('panel')} value={o.panel} onChange={(e) => onChange({ panel: e.target.value as EmbedPanel })}>
          {PANELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {live ? (
          <>
            <label htmlFor={ids('namespace')}>Namespace</label>
            <input id={ids('namespace')} value={o.namespace} onChange={(e) => onChange({ namespace: e.target.value })} />
            <label htmlFor={ids('pod')}>Pod</label>
            <input id={ids('pod')} value={o.pod} onChange={(e) => onChange({ pod: e.target.value })} />
          </>
        ) : null}
        <label htmlFor={ids('origin')}>Host page origin</label>
        <input
          id={ids('origin')}
          placeholder="https://status.example.com"
          value={o.origin}
          onChange={(e) => onChange({ origin: e.target.value })}
        />
        <label htmlFor={ids('title')}>Title</label>
        <input id={ids('title')} maxLength={200} value={o.title} onChange={(e) => onChange({ title: e.target.value })} />
        <label htmlFor={ids('theme')}>Theme</label>
        <select id={ids('theme')} value={o.theme} onChange={(e) => onChange({ theme: e.target.value as EmbedOptions['theme'] })}>
          <option value="auto">The viewer&apos;s (prefers-color-scheme)</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        {live ? null : (
          <>
            <label htmlFor={ids('refresh')}>Auto-refresh</label>
            <select
              id={ids('refresh')}
              value={o.refreshSeconds}
              onChange={(e) => onChange({ refreshSeconds: Number(e.target.value) as EmbedOptions['refreshSeconds'] })}
            >
              {REFRESH.map(([seconds, label]) => (
                <option key={seconds} value={seconds}>
                  {label}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={ids('window')}>Longest range</label>
        <select id={ids('window')} value={o.maxWindowHours} onChange={(e) => onChange({ maxWindowHours: Number(e.target.value) })}>
          {[1, 6, 24, 168, 720].map((h) => (
            <option key={h} value={h}>
              {h < 24 ? `${h} h` : `${h / 24} d`}
            </option>
          ))}
        </select>
        <label htmlFor={ids('expiry')}>Expires</label>
        <select
          id={ids('expiry')}
          value={o.expiresInDays ?? ''}
          onChange={(e) => onChange({ expiresInDays: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">Never (until revoked)</option>
          <option value={7}>in 7 days</option>
          <option value={30}>in 30 days</option>
          <option value={365}>in a year</option>
        </select>
      </div>
      <label className={styles.check}>
        <input type="checkbox" checked={o.showTitle} onChange={(e) => onChange({ showTitle: e.target.checked })} />
        Show the title in the panel
      </label>
      {live ? null : (
        <label className={styles.check}>
          <input type="checkbox" checked={o.allowTimeChange} onChange={(e) => onChange({ allowTimeChange: e.target.checked })} />
          Viewers may change the time range
        </label>
      )}
    </>
  );
}
