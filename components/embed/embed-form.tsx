'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { copyText } from '@/components/ui/copy-button';
import { createEmbed, listEmbeds, revokeEmbed } from '@/lib/queries/embeds';
import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import { toScreenState, type ScreenLike } from '@/lib/url-state/screen-document';
import { EmbedList } from './embed-list';
import { EmbedPanel } from './embed-panel';
import { EmbedOptionsForm, type EmbedOptions } from './embed-options';
import styles from './embed-menu.module.css';

/** A pod (or namespace) the screen is already narrowed to by an `is` filter, to start the tail form from. */
function filteredValue(state: ScreenLike, fields: readonly string[]): string {
  for (const f of state.filters) {
    if (f.op === 'is' && !f.negate && !f.disabled && fields.includes(f.field)) return f.value;
  }
  return '';
}
const NAMESPACE_FIELDS = ['namespace', 'kubernetes.namespace_name', 'kubernetes.namespace', 'resource.attributes.k8s.namespace.name'];
const POD_FIELDS = ['pod', 'kubernetes.pod_name', 'kubernetes.pod.name', 'resource.attributes.k8s.pod.name'];

export function EmbedPanelForm({ state }: { state: ScreenLike }) {
  const [options, setOptions] = useState<EmbedOptions>(() => ({
    panel: 'histogram',
    namespace: filteredValue(state, NAMESPACE_FIELDS),
    pod: filteredValue(state, POD_FIELDS),
    origin: '',
    title: '',
    showTitle: true,
    theme: 'auto',
    refreshSeconds: 0,
    allowTimeChange: false,
    maxWindowHours: 24,
    expiresInDays: null,
  }));
  const [made, setMade] = useState<CreateEmbedResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const snippetId = useId();
  const tail = options.panel === 'tail';
  const pod = tail ? { namespace: options.namespace.trim(), pod: options.pod.trim() } : undefined;
  const podMissing = tail && (pod?.namespace === '' || pod?.pod === '');
  const change = (next: Partial<EmbedOptions>) => {
    setOptions((o) => ({ ...o, ...next }));
    // The snippet shown is for the options it was made with.
    setMade(null);
  };

  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['embeds'], queryFn: ({ signal }) => listEmbeds(signal), retry: false });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['embeds'] });

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const { namespace: _ns, pod: _pod, origin, refreshSeconds, allowTimeChange, ...rest } = options;
      const res = await createEmbed({
        ...rest,
        state: toScreenState(state),
        ...(pod ? { pod } : {}),
        origins: [origin.trim()],
        // A live tail neither refreshes nor has a range to change.
        refreshSeconds: tail ? 0 : refreshSeconds,
        allowTimeChange: tail ? false : allowTimeChange,
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
      <EmbedOptionsForm options={options} onChange={change} />
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void submit()}
        disabled={busy || options.origin.trim() === '' || podMissing}
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
          <label htmlFor={snippetId}>Snippet for the host page</label>
          <textarea id={snippetId} readOnly rows={3} value={made.snippet} onFocus={(e) => e.currentTarget.select()} />
          <iframe className={styles.preview} title="Embed preview" src={made.url} />
        </div>
      ) : podMissing ? null : (
        <section className={styles.preview} aria-label="Live preview">
          <EmbedPanel
            source={{ kind: 'preview', state: toScreenState(state), pod }}
            panel={options.panel}
            title={options.title}
            showTitle={options.showTitle}
            theme={options.theme}
            refreshSeconds={options.refreshSeconds}
            allowTimeChange={options.allowTimeChange}
            maxWindowHours={options.maxWindowHours}
            openPath={`${window.location.pathname}${window.location.search}`}
            fill="box"
          />
        </section>
      )}
      <EmbedList embeds={list.data?.embeds ?? null} onRevoke={(id) => void revoke(id)} />
    </div>
  );
}
