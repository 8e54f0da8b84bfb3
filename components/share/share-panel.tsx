'use client';
import { useId, useState } from 'react';
import { useDisplayZone } from '@/components/time-picker/display-zone';
import { describeRange } from '@/components/time-picker/time-format';
import { copyText } from '@/components/ui/copy-button';
import { createShortLink } from '@/lib/queries/links';
import type { TimeRange } from '@/lib/schema/search';
import { isRelativeRange, sharePath, type ShareTime } from '@/lib/url-state/share-link';
import styles from './share.module.css';

interface Shared {
  kind: 'link' | 'short';
  url: string;
  copied: boolean;
}

/**
 * The URL already is the screen (the state hook keeps it canonical), so sharing reads it rather
 * than re-encoding: whatever the page (`/` or `/views/{id}`), the link opens what is shown.
 */
function currentPath(time: TimeRange, mode: ShareTime): string {
  return sharePath(window.location.pathname, window.location.search, time, mode, Date.now());
}

export function SharePanel({ time }: { time: TimeRange }) {
  const relative = isRelativeRange(time);
  const zone = useDisplayZone();
  const [mode, setMode] = useState<ShareTime>('relative');
  const [shared, setShared] = useState<Shared | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const resultId = useId();

  const show = async (kind: Shared['kind'], url: string) => {
    // The link is shown whether or not the clipboard cooperates, so it can be copied by hand.
    setShared({ kind, url, copied: false });
    const copied = await copyText(url);
    setShared({ kind, url, copied });
  };

  const copyLink = () => {
    setError(null);
    try {
      void show('link', `${window.location.origin}${currentPath(time, mode)}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The link could not be made.');
    }
  };

  const copyShortLink = async () => {
    setError(null);
    setBusy(true);
    try {
      const link = await createShortLink(currentPath(time, mode));
      // The server answers with a relative URL; only this page's own origin is put in front.
      await show('short', `${window.location.origin}${link.url}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The short link could not be made.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel}>
      <fieldset className={styles.modes}>
        <legend>Time in the link</legend>
        <label className={styles.mode}>
          <input type="radio" name={name} checked={mode === 'relative'} onChange={() => setMode('relative')} />
          <span>{relative ? 'Relative time' : 'As shown'}</span>
          <span className={styles.modeHint}>
            {relative ? `“${describeRange(time, zone)}”, moving with the clock when the link is opened` : `${describeRange(time, zone)}`}
          </span>
        </label>
        <label className={styles.mode}>
          <input type="radio" name={name} checked={mode === 'exact'} onChange={() => setMode('exact')} disabled={!relative} />
          <span>Exact moment</span>
          <span className={styles.modeHint}>
            {relative ? 'The range as it is when you copy, frozen as absolute times' : 'The range is already absolute'}
          </span>
        </label>
      </fieldset>
      <div className={styles.actions}>
        <button type="button" className="btn btn-primary" onClick={copyLink}>
          Copy link
        </button>
        <button type="button" className="btn" onClick={() => void copyShortLink()} disabled={busy}>
          {busy ? 'Making short link…' : 'Copy short link'}
        </button>
      </div>
      {shared ? (
        <div className={styles.result}>
          <label htmlFor={resultId}>
            {shared.kind === 'short' ? 'Short link' : 'Link'}
            {shared.copied ? ' — copied' : ' — select it and copy'}
          </label>
          <input id={resultId} readOnly value={shared.url} onFocus={(e) => e.currentTarget.select()} data-testid="shared-link" />
        </div>
      ) : null}
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
