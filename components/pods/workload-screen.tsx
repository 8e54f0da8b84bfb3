'use client';
/**
 * `/workloads/{namespace}/{name}`: every pod of a Deployment, StatefulSet or DaemonSet with
 * their lines interleaved in time, each pod in its own colour; the legend filters by pod.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useRef, useState } from 'react';
import { colourSlots, logItems } from '@/lib/k8s/separators';
import { podViewHref, workloadViewHref } from '@/lib/k8s/view-url';
import { workloadLogsQueryOptions } from '@/lib/queries/pod-logs';
import type { LogLine, PodSummary } from '@/lib/schema/pod-logs';
import { formatLineTime } from './line-time';
import { LogTerminal } from './log-terminal';
import { LogsToolbar } from './logs-toolbar';
import styles from './pods.module.css';
import { useScrollToLine } from './use-scroll-to-line';
import { LiveBar } from './live-bar';
import { useFollowScroll } from './use-follow-scroll';
import { useLiveTail } from './use-live-tail';
import { useLogsView } from './use-logs-view';
import { usePodNamespace } from './use-pod-namespace';
import { useJsonFilters } from './use-json-filters';
import { LoadNotices } from './load-notices';
import { withLiveLines } from './live-lines';

const SLOTS = 8;

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
  const scroller = useRef<HTMLDivElement>(null);
  useScrollToLine(scroller, state.line, data);

  const restarts = useMemo(() => data?.pods.flatMap((p) => p.restarts) ?? [], [data]);
  const live = useLiveTail(
    { namespace, workload: name, source: state.source ?? undefined, from: data?.lines.at(-1)?.timestamp ?? 'now' },
    state.live && data !== undefined,
  );
  // New pods show up while following; the pod filter applies to live lines too.
  const lines = useMemo(
    () => withLiveLines(data?.lines ?? [], live.lines, state.pods.length > 0 ? (l) => state.pods.includes(l.pod) : undefined),
    [data, live.lines, state.pods],
  );
  const follow = useFollowScroll(scroller, state.live, lines.length);
  const items = useMemo(() => (data ? logItems(lines, restarts, grouping) : []), [data, lines, restarts, grouping]);
  const slots = useMemo(
    () => colourSlots([...(data?.pods.map((p) => p.pod) ?? []), ...live.lines.map((l) => l.pod)], SLOTS),
    [data, live.lines],
  );
  const slotOf = (line: LogLine) => slots.get(line.pod) ?? 0;
  const keep = { since: state.since, until: state.until, source: state.source };
  const json = useJsonFilters({ source: state.source, since: state.since, until: state.until });
  const toggle = (pod: string) => {
    const on = state.pods.includes(pod);
    update({ pods: on ? state.pods.filter((p) => p !== pod) : [...state.pods, pod] });
  };

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
        <label>
          <input type="checkbox" checked={state.live} onChange={(e) => update({ live: e.target.checked })} name="live" />
          Live
        </label>
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
              pod={p}
              slot={slots.get(p.pod) ?? 0}
              shown={state.pods.length === 0 || state.pods.includes(p.pod)}
              onToggle={() => toggle(p.pod)}
              href={podViewHref(namespace, p.pod, keep)}
            />
          ))}
          {[...new Set(live.lines.map((l) => l.pod))]
            .filter((pod) => !data.pods.some((p) => p.pod === pod))
            .map((pod) => (
              <li key={pod} data-testid="legend-pod" data-pod={pod}>
                <span className={`${styles.swatch} ${styles[`slot${slots.get(pod) ?? 0}`] ?? ''}`} aria-hidden="true" />
                <span className={styles.legendPod}>{pod}</span>
                <span className={styles.status}>new while live</span>
                <Link href={podViewHref(namespace, pod, keep)} aria-label={`Logs of ${pod}`}>
                  logs
                </Link>
              </li>
            ))}
        </ul>
      ) : null}

      <LoadNotices
        resolving={resolving}
        looking="Finding the workload’s namespace…"
        missing={`No lines from a pod of ${name} in the range.`}
        error={query.error}
      />

      <div className={styles.status} data-testid="workload-log-status" aria-live="polite">
        {query.isFetching ? 'Loading… ' : ''}
        {data ? `${data.lines.length.toLocaleString('en-US')} lines${data.truncated ? ' (older ones cut by the line limit)' : ''}` : null}
      </div>

      {state.live ? <LiveBar live={live} paused={follow.paused} unseen={follow.unseen} onResume={follow.resume} /> : null}

      <div className={styles.scroller} ref={scroller}>
        <LogTerminal
          items={items}
          labelOf={(l) => l.pod}
          slotOf={slotOf}
          timestamps={state.timestamps}
          markedLine={state.line}
          json={json}
        />
      </div>
    </main>
  );
}

interface LegendItemProps {
  pod: PodSummary;
  slot: number;
  shown: boolean;
  onToggle: () => void;
  href: string;
}

function LegendItem({ pod, slot, shown, onToggle, href }: LegendItemProps) {
  const state = pod.gone ? `gone since ${formatLineTime(pod.gone.lastLine)}` : 'logging';
  return (
    <li className={shown ? undefined : styles.legendOff} data-testid="legend-pod" data-pod={pod.pod}>
      <span className={`${styles.swatch} ${styles[`slot${slot}`] ?? ''}`} aria-hidden="true" />
      <button type="button" className={styles.legendPod} aria-pressed={shown} onClick={onToggle} title="Show only the pods you pick">
        {pod.pod}
      </button>
      <span className={styles.status}>
        {pod.nodes.join(', ')} · {state} · {pod.restarts.length} {pod.restarts.length === 1 ? 'restart' : 'restarts'}
      </span>
      <Link href={href} aria-label={`Logs of ${pod.pod}`}>
        logs
      </Link>
    </li>
  );
}
