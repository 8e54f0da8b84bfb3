'use client';
/**
 * `/pods/{namespace}/{pod}`: a pod's logs like `kubectl logs`, for pods that no longer exist
 * too — oldest to newest, restarts as separators, gone pods pointing to their successor.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useRef, useState } from 'react';
import { colourSlots, logItems } from '@/lib/k8s/separators';
import { contextHref, podViewHref, workloadViewHref } from '@/lib/k8s/view-url';
import { podLogsQueryOptions } from '@/lib/queries/pod-logs';
import type { LogLine } from '@/lib/schema/pod-logs';
import { formatLineTime } from './line-time';
import { LogTerminal } from './log-terminal';
import { LogsToolbar } from './logs-toolbar';
import styles from './pods.module.css';
import { jumpToPreviousInstance, useScrollToLine } from './use-scroll-to-line';
import { LiveBar } from './live-bar';
import { useFollowScroll } from './use-follow-scroll';
import { useLiveTail } from './use-live-tail';
import { useLogsView } from './use-logs-view';
import { usePodNamespace } from './use-pod-namespace';
import { useJsonFilters } from './use-json-filters';
import { LoadNotices } from './load-notices';
import { withLiveLines } from './live-lines';

const SLOTS = 8;

const contextLink = (source: string | null) =>
  function ContextLink(line: LogLine) {
    return (
      <Link href={contextHref(line, undefined, source)} aria-label="Show surrounding lines">
        context
      </Link>
    );
  };

export function PodScreen({ namespace, pod }: { namespace: string; pod: string }) {
  const { state, update } = useLogsView();
  const lineActions = useMemo(() => contextLink(state.source), [state.source]);
  const [refreshTick, setRefreshTick] = useState(0);
  const [grouping, setGrouping] = useState(true);
  const request = useMemo(
    () => ({
      namespace,
      pod,
      since: state.since,
      until: state.until,
      tail: state.tail,
      ...(state.container ? { container: state.container } : {}),
      ...(state.source ? { source: state.source } : {}),
    }),
    [namespace, pod, state.since, state.until, state.tail, state.container, state.source],
  );
  const resolving = usePodNamespace(namespace, pod, state, (found) => podViewHref(found, pod, state));
  const query = useQuery({ ...podLogsQueryOptions(request, refreshTick), enabled: !resolving.looking && !resolving.missing });
  const data = query.data;
  const scroller = useRef<HTMLDivElement>(null);
  useScrollToLine(scroller, state.line, data);

  const live = useLiveTail(
    {
      namespace,
      pod,
      container: state.container ?? undefined,
      source: state.source ?? undefined,
      from: data?.lines.at(-1)?.timestamp ?? 'now',
    },
    state.live && data !== undefined,
  );
  const lines = useMemo(() => withLiveLines(data?.lines ?? [], live.lines), [data, live.lines]);
  const follow = useFollowScroll(scroller, state.live, lines.length);
  const items = useMemo(() => (data ? logItems(lines, data.summary.restarts, grouping) : []), [data, lines, grouping]);
  const slots = useMemo(() => colourSlots(data?.summary.containers ?? [], SLOTS), [data]);
  const slotOf = (line: LogLine) => slots.get(line.container) ?? 0;
  const summary = data?.summary;
  const keep = { since: state.since, until: state.until, source: state.source };
  const json = useJsonFilters({ source: state.source, since: state.since, until: state.until, pod });

  return (
    <main className={styles.screen}>
      <header className={styles.header}>
        <nav className={styles.crumbs} aria-label="Breadcrumbs">
          <Link href="/">Explorer</Link>
          <span>/</span>
          <span>{namespace}</span>
          {summary?.workload ? (
            <>
              <span>/</span>
              <Link href={workloadViewHref(namespace, summary.workload.name, keep)} data-testid="workload-link">
                {summary.workload.kind} {summary.workload.name}
              </Link>
            </>
          ) : null}
        </nav>
        <h1 className={styles.title}>{pod}</h1>
        {summary ? (
          <span className={`${styles.badge} ${summary.gone ? styles.badgeGone : ''}`} data-testid="pod-status">
            {summary.gone ? 'Gone' : summary.lines > 0 ? 'Logging' : 'No lines'}
          </span>
        ) : null}
        {summary && summary.nodes.length > 0 ? <span className={styles.status}>on {summary.nodes.join(', ')}</span> : null}
      </header>

      <LogsToolbar
        state={state}
        update={update}
        grouping={grouping}
        onGrouping={setGrouping}
        onRefresh={() => setRefreshTick((t) => t + 1)}
      >
        <label>
          Container
          <select value={state.container ?? ''} onChange={(e) => update({ container: e.target.value || null })} name="container">
            <option value="">All containers</option>
            {(summary?.containers ?? (state.container ? [state.container] : [])).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={state.live} onChange={(e) => update({ live: e.target.checked })} name="live" />
          Live
        </label>
        <button
          type="button"
          disabled={!summary || summary.restarts.length === 0}
          onClick={() => jumpToPreviousInstance(scroller.current)}
          title="Scroll to where the previous container instance ended (kubectl logs --previous)"
        >
          Previous instance
        </button>
      </LogsToolbar>

      <LoadNotices
        resolving={resolving}
        looking="Finding the pod’s namespace…"
        missing={`No lines from a pod named ${pod} in the range.`}
        error={query.error}
      />

      {summary?.gone ? (
        <div className={`${styles.notice} ${styles.noticeGone}`} data-testid="gone-notice">
          This pod is gone: its last line was at {formatLineTime(summary.gone.lastLine)} on {summary.gone.node}.{' '}
          {data?.successor ? (
            <>
              Rescheduled as{' '}
              <Link href={podViewHref(namespace, data.successor.pod, keep)} data-testid="successor-link">
                {data.successor.pod}
              </Link>{' '}
              on {data.successor.node} (first line {formatLineTime(data.successor.at)}).
            </>
          ) : (
            'No successor in the data.'
          )}
        </div>
      ) : null}
      {data?.predecessor ? (
        <div className={styles.notice} data-testid="predecessor-notice">
          Replaces{' '}
          <Link href={podViewHref(namespace, data.predecessor.pod, keep)} data-testid="predecessor-link">
            {data.predecessor.pod}
          </Link>{' '}
          on {data.predecessor.node}, whose last line was at {formatLineTime(data.predecessor.at)}.
        </div>
      ) : null}

      <div className={styles.status} data-testid="pod-log-status" aria-live="polite">
        {query.isFetching ? 'Loading… ' : ''}
        {data
          ? `${data.lines.length.toLocaleString('en-US')} of ${data.summary.lines.toLocaleString('en-US')} lines in the range${data.truncated ? ' (older ones cut by the line limit)' : ''} · ${data.summary.restarts.length} ${data.summary.restarts.length === 1 ? 'restart' : 'restarts'}`
          : null}
      </div>

      {state.live ? <LiveBar live={live} paused={follow.paused} unseen={follow.unseen} onResume={follow.resume} /> : null}

      <div className={styles.scroller} ref={scroller}>
        {data && data.lines.length === 0 ? <p className={styles.terminal}>No lines from this pod in the range.</p> : null}
        <LogTerminal
          items={items}
          labelOf={(l) => l.container}
          slotOf={slotOf}
          timestamps={state.timestamps}
          markedLine={state.line}
          lineActions={lineActions}
          json={json}
        />
      </div>
    </main>
  );
}
