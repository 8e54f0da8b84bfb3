'use client';
/**
 * `/workloads/{namespace}/{name}`: every pod of a Deployment, StatefulSet or DaemonSet with
 * their lines interleaved in time, each pod in its own colour; the legend filters by pod.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import { podViewHref, workloadViewHref } from '@/lib/k8s/view-url';
import { workloadLogsQueryOptions } from '@/lib/queries/pod-logs';
import type { LogLine, PodSummary } from '@/lib/schema/pod-logs';
import { formatLineTime } from './line-time';
import { LoadNotices } from './load-notices';
import { LogsPane } from './logs-pane';
import { LogsToolbar } from './logs-toolbar';
import styles from './pods.module.css';
import { useJsonFilters } from './use-json-filters';
import { useLogsPane } from './use-logs-pane';
import { useLogsView } from './use-logs-view';
import { usePodNamespace } from './use-pod-namespace';

const podOf = (line: LogLine) => line.pod;

export function WorkloadScreen({ namespace, name }: { namespace: string; name: string }) {
  const { state, update } = useLogsView();
  const [refreshTick, setRefreshTick] = useState(0);
  const [grouping, setGrouping] = useState(true);
  const request = useMemo(
    () => ({
      namespace,
      name,
      since: state.since,
      until: state.until,
      tail: state.tail,
      ...(state.pods.length > 0 ? { pods: state.pods } : {}),
      ...(state.source ? { source: state.source } : {}),
    }),
    [namespace, name, state.since, state.until, state.tail, state.pods, state.source],
  );
  const resolving = usePodNamespace(namespace, state.via, state, (found) => workloadViewHref(found, name, { ...state, via: null }));
  const query = useQuery({ ...workloadLogsQueryOptions(request, refreshTick), enabled: !resolving.looking && !resolving.missing });
  const data = query.data;

  const restarts = useMemo(() => data?.pods.flatMap((p) => p.restarts) ?? [], [data]);
  const names = useMemo(() => data?.pods.map((p) => p.pod) ?? [], [data]);
  const tail = useMemo(() => ({ namespace, workload: name }), [namespace, name]);
  // New pods show up while following; the pod filter applies to live lines too.
  const picked = state.pods;
  const keep = useCallback((l: LogLine) => picked.length === 0 || picked.includes(l.pod), [picked]);
  const pane = useLogsPane({ state, loaded: data, tail, restarts, nameOf: podOf, names, keep, grouping });
  const links = { since: state.since, until: state.until, source: state.source };
  const json = useJsonFilters({ source: state.source, since: state.since, until: state.until });
  const toggle = (pod: string) => {
    const on = state.pods.includes(pod);
    update({ pods: on ? state.pods.filter((p) => p !== pod) : [...state.pods, pod] });
  };
  const newWhileLive = data ? [...new Set(pane.live.lines.map(podOf))].filter((pod) => !data.pods.some((p) => p.pod === pod)) : [];

  return (
    <main className={styles.screen}>
      <header className={styles.header}>
        <nav className={styles.crumbs} aria-label="Breadcrumbs">
          <Link href="/">Explorer</Link>
          <span>/</span>
          <span>{namespace}</span>
        </nav>
        <h1 className={styles.title}>
          {data?.workload.kind ? `${data.workload.kind} ` : ''}
          {name}
        </h1>
        {data ? <span className={styles.status}>{data.pods.length} pods with lines in the range</span> : null}
      </header>

      <LogsToolbar
        state={state}
        update={update}
        grouping={grouping}
        onGrouping={setGrouping}
        onRefresh={() => setRefreshTick((t) => t + 1)}
      >
        {state.pods.length > 0 ? (
          <button type="button" onClick={() => update({ pods: [] })}>
            All pods
          </button>
        ) : null}
      </LogsToolbar>

      {data ? (
        <ul className={styles.legend} aria-label="Pods" data-testid="pod-legend">
          {data.pods.map((p) => (
            <LegendItem
              key={p.pod}
              pod={p.pod}
              summary={p}
              slot={pane.slots.get(p.pod) ?? 0}
              shown={state.pods.length === 0 || state.pods.includes(p.pod)}
              onToggle={() => toggle(p.pod)}
              href={podViewHref(namespace, p.pod, links)}
            />
          ))}
          {newWhileLive.map((pod) => (
            <LegendItem key={pod} pod={pod} slot={pane.slots.get(pod) ?? 0} shown href={podViewHref(namespace, pod, links)} />
          ))}
        </ul>
      ) : null}

      <LoadNotices
        resolving={resolving}
        looking="Finding the workload’s namespace…"
        missing={`No lines from a pod of ${name} in the range.`}
        error={query.error}
      />

      <LogsPane
        {...pane}
        liveOn={state.live}
        timestamps={state.timestamps}
        markedLine={state.line}
        statusId="workload-log-status"
        status={
          <>
            {query.isFetching ? 'Loading… ' : ''}
            {data
              ? `${data.lines.length.toLocaleString('en-US')} lines${data.truncated ? ' (older ones cut by the line limit)' : ''}`
              : null}
          </>
        }
        json={json}
      />
    </main>
  );
}

interface LegendItemProps {
  pod: string;
  /** Left out for a pod that appeared while following: nothing is known of it but its lines. */
  summary?: PodSummary;
  slot: number;
  shown: boolean;
  onToggle?: () => void;
  href: string;
}

function LegendItem({ pod, summary, slot, shown, onToggle, href }: LegendItemProps) {
  const status = summary
    ? `${summary.nodes.join(', ')} · ${summary.gone ? `gone since ${formatLineTime(summary.gone.lastLine)}` : 'logging'} · ${summary.restarts.length} ${summary.restarts.length === 1 ? 'restart' : 'restarts'}`
    : 'new while live';
  return (
    <li className={shown ? undefined : styles.legendOff} data-testid="legend-pod" data-pod={pod}>
      <span className={`${styles.swatch} ${styles[`slot${slot}`] ?? ''}`} aria-hidden="true" />
      {onToggle ? (
        <button type="button" className={styles.legendPod} aria-pressed={shown} onClick={onToggle} title="Show only the pods you pick">
          {pod}
        </button>
      ) : (
        <span className={styles.legendPod}>{pod}</span>
      )}
      <span className={styles.status}>{status}</span>
      <Link href={href} aria-label={`Logs of ${pod}`}>
        logs
      </Link>
    </li>
  );
}
