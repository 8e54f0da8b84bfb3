'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { copyText } from '@/components/ui/copy-button';
import { Popover } from '@/components/ui/popover';
import { createEmbed, listEmbeds, revokeEmbed } from '@/lib/queries/embeds';
import type { CreateEmbedResponse, EmbedPanel } from '@/lib/schema/embeds';
import { toViewState, type ViewStateSource } from '@/lib/schema/view-state';
import styles from './embed-menu.module.css';

/** "Embed": make an iframe panel of the screen, preview it, copy its snippet; list and revoke embeds. */
export function EmbedMenu({ state }: { state: ViewStateSource }) {
  return (
    <Popover label="Embed" align="end" trigger="Embed">
      {() => <EmbedPanelForm state={state} />}
    </Popover>
  );
}

const PANELS: [EmbedPanel, string][] = [
  ['histogram', 'Histogram'],
  ['results', 'Results table'],
  ['facets', 'Facet counts'],
  ['tail', 'Live tail of one pod'],
];

/** A pod (or namespace) the screen is already narrowed to by an `is` filter, to start the tail form from. */
function filteredValue(state: ViewStateSource, fields: readonly string[]): string {
  for (const f of state.filters) {
    if (f.op === 'is' && !f.negate && !f.disabled && fields.includes(f.field)) return f.value;
  }
  return '';
}
const NAMESPACE_FIELDS = ['namespace', 'kubernetes.namespace_name', 'kubernetes.namespace', 'resource.attributes.k8s.namespace.name'];
const POD_FIELDS = ['pod', 'kubernetes.pod_name', 'kubernetes.pod.name', 'resource.attributes.k8s.pod.name'];

function EmbedPanelForm({ state }: { state: ViewStateSource }) {
  const [panel, setPanel] = useState<EmbedPanel>('histogram');
  const [origin, setOrigin] = useState('');
  const [allowTimeChange, setAllowTimeChange] = useState(false);
  const [maxWindowHours, setMaxWindowHours] = useState(24);
  const [expiresInDays, setExpiresInDays] = useState<number | null>(null);
  const [theme, setTheme] = useState<'auto' | 'light' | 'dark'>('auto');
  const [namespace, setNamespace] = useState(() => filteredValue(state, NAMESPACE_FIELDS));
  const [pod, setPod] = useState(() => filteredValue(state, POD_FIELDS));
  const [made, setMade] = useState<CreateEmbedResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = {
    panel: useId(),
    namespace: useId(),
    pod: useId(),
    origin: useId(),
    window: useId(),
    expiry: useId(),
    theme: useId(),
    snippet: useId(),
  };

  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['embeds'], queryFn: ({ signal }) => listEmbeds(signal), retry: false });
  const embeds = list.data?.embeds ?? null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['embeds'] });

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const res = await createEmbed({
        panel,
        state: toViewState(state),
        ...(panel === 'tail' ? { pod: { namespace: namespace.trim(), pod: pod.trim() } } : {}),
        origins: [origin.trim()],
        allowTimeChange,
        maxWindowHours,
        expiresInDays,
        theme,
      });
      setMade(res);
      await copyText(res.snippet);
      await refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The embed could not be made.');
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setError(null);
    try {
      await revokeEmbed(id);
      if (made?.embed.id === id) setMade(null);
      await refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The embed could not be revoked.');
    }
  };

  return (
    <div className={styles.panel}>
      <div className={styles.grid}>
        <label htmlFor={ids.panel}>Panel</label>
        <select id={ids.panel} value={panel} onChange={(e) => setPanel(e.target.value as EmbedPanel)}>
          {PANELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {panel === 'tail' ? (
          <>
            <label htmlFor={ids.namespace}>Namespace</label>
            <input id={ids.namespace} value={namespace} onChange={(e) => setNamespace(e.target.value)} />
            <label htmlFor={ids.pod}>Pod</label>
            <input id={ids.pod} value={pod} onChange={(e) => setPod(e.target.value)} />
          </>
        ) : null}
        <label htmlFor={ids.origin}>Host page origin</label>
        <input id={ids.origin} placeholder="https://status.example.com" value={origin} onChange={(e) => setOrigin(e.target.value)} />
        <label htmlFor={ids.window}>Longest range</label>
        <select id={ids.window} value={maxWindowHours} onChange={(e) => setMaxWindowHours(Number(e.target.value))}>
          {[1, 6, 24, 168, 720].map((h) => (
            <option key={h} value={h}>
              {h < 24 ? `${h} h` : `${h / 24} d`}
            </option>
          ))}
        </select>
        <label htmlFor={ids.expiry}>Expires</label>
        <select
          id={ids.expiry}
          value={expiresInDays ?? ''}
          onChange={(e) => setExpiresInDays(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">Never (until revoked)</option>
          <option value={7}>in 7 days</option>
          <option value={30}>in 30 days</option>
          <option value={365}>in a year</option>
        </select>
        <label htmlFor={ids.theme}>Theme</label>
        <select id={ids.theme} value={theme} onChange={(e) => setTheme(e.target.value as 'auto' | 'light' | 'dark')}>
          <option value="auto">The viewer&apos;s</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </div>
      <label className={styles.check}>
        <input type="checkbox" checked={allowTimeChange} onChange={(e) => setAllowTimeChange(e.target.checked)} />
        Viewers may change the time range
      </label>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void submit()}
        disabled={busy || origin.trim() === '' || (panel === 'tail' && (namespace.trim() === '' || pod.trim() === ''))}
      >
        {busy ? 'Making embed…' : 'Make embed and copy snippet'}
      </button>
      {error || list.error ? (
        <p className={styles.error} role="alert">
          {error ?? list.error?.message}
        </p>
      ) : null}
      {made ? (
        <div className={styles.result}>
          <label htmlFor={ids.snippet}>Snippet for the host page</label>
          <textarea id={ids.snippet} readOnly rows={3} value={made.snippet} onFocus={(e) => e.currentTarget.select()} />
          <iframe className={styles.preview} title="Embed preview" src={made.url} />
        </div>
      ) : null}
      <section aria-label="Embeds made">
        <h3 className={styles.heading}>Embeds</h3>
        {embeds === null ? null : embeds.length === 0 ? (
          <p className={styles.muted}>None yet.</p>
        ) : (
          <ul className={styles.list}>
            {embeds.map(({ embed }) => (
              <li key={embed.id} className={styles.item}>
                <span>
                  {embed.title || embed.panel} · {embed.origins.join(', ')}
                  {embed.expiresAt ? ` · until ${embed.expiresAt.slice(0, 10)}` : ''}
                </span>
                <button type="button" className="btn" onClick={() => void revoke(embed.id)} aria-label={`Revoke embed ${embed.id}`}>
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
