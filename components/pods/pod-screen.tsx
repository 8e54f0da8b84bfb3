'use client';
/**
 * `/pods/{namespace}/{pod}`: a pod's logs like `kubectl logs`, for pods that no longer exist
 * too — oldest to newest, restarts as separators, gone pods pointing to their successor.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { contextHref, podViewHref, workloadViewHref } from '@/lib/k8s/view-url';
import { podLogsQueryOptions } from '@/lib/queries/pod-logs';
import { POD_LOG_LIMITS } from '@/lib/schema/limits';
import type { LogLine, RestartSeparator } from '@/lib/schema/pod-logs';
import { formatLineTime } from './line-time';
import { LoadNotices } from './load-notices';
import { LogsPane } from './logs-pane';
import { LogsToolbar } from './logs-toolbar';
import { OlderLinesControl } from './older-lines-control';
import styles from './pods.module.css';
import { useJsonFilters } from './use-json-filters';
import { useLogsPane } from './use-logs-pane';
import { useLogsView } from './use-logs-view';
import { useOlderLines } from './use-older-lines';
import { usePodNamespace } from './use-pod-namespace';
import { jumpToPreviousInstance } from './use-scroll-to-line';

const NO_RESTARTS: RestartSeparator[] = [];
const NO_NAMES: string[] = [];
const containerOf = (line: LogLine) => line.container;

const contextLink = (source: string | null) =>
  function ContextLink(line: LogLine) {
    return (
      <Link prefetch={false} href={contextHref(line, undefined, source)} aria-label="Show surrounding lines">
        context
      </Link>
    );
  };

export function PodScreen({ namespace, pod }: { namespace: string; pod: string }) {
  const { state, update } = useLogsView();
  const lineActions = useMemo(() => contextLink(state.source), [state.source]);
  const [refreshTick, setRefreshTick] = useState(0);
  const [grouping, setGrouping] = useState(true);
  const scope = useMemo(
    () => ({
      namespace,
      pod,
      ...(state.container ? { container: state.container } : {}),
      ...(state.source ? { source: state.source } : {}),
    }),
    [namespace, pod, state.container, state.source],
  );
  // A first screenful, so the view shows fast; older lines are read as the reader scrolls up.
  const request = useMemo(
    () => ({ ...scope, since: state.since, until: state.until, tail: state.tail, page: Math.min(state.tail, POD_LOG_LIMITS.defaultPage) }),
    [scope, state.since, state.until, state.tail],
  );
  const resolving = usePodNamespace(namespace, pod, state, (found) => podViewHref(found, pod, state));
  const query = useQuery({ ...podLogsQueryOptions(request, refreshTick), enabled: !resolving.looking && !resolving.missing });
  const data = query.data;
  const older = useOlderLines(data, scope, state.tail);
  const tail = useMemo(
    () => ({ namespace, pod, ...(state.container ? { container: state.container } : {}) }),
    [namespace, pod, state.container],
  );
  const pane = useLogsPane({
    state,
    loaded: data,
    older: older.lines,
    tail,
    restarts: data?.summary.restarts ?? NO_RESTARTS,
    nameOf: containerOf,
    names: data?.summary.containers ?? NO_NAMES,
    grouping,
  });
  // Opened at a line further back than the first screenful: older pages are read until it is there.
  const { more, loading, load } = older;
  useEffect(() => {
    if (state.line && data && !pane.markedShown && more && !loading) load();
  }, [state.line, data, pane.markedShown, more, loading, load]);
  const summary = data?.summary;
  const keep = { since: state.since, until: state.until, source: state.source };
  const json = useJsonFilters({ source: state.source, since: state.since, until: state.until, pod });
  const shown = (data?.lines.length ?? 0) + older.lines.length;

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
        <button
          type="button"
          disabled={!summary || summary.restarts.length === 0}
          onClick={() => jumpToPreviousInstance(pane.scroller.current)}
          title="Scroll to where the previous container instance ended (kubectl logs --previous)"
        >
          Previous instance
        </button>
      </LogsToolbar>

      <LoadNotices
        resolving={resolving}
        looking="Finding the pod’s namespace…"
        missing={`No lines from a pod named ${pod} in the range.`}
        error={query.error ?? older.error}
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

      <LogsPane
        {...pane}
        liveOn={state.live}
        timestamps={state.timestamps}
        markedLine={state.line}
        statusId="pod-log-status"
        status={
          <>
            {query.isFetching || older.loading ? 'Loading… ' : ''}
            {data
              ? `${shown.toLocaleString('en-US')} of ${data.summary.lines.toLocaleString('en-US')} lines in the range${older.cut ? ' (older ones cut by the line limit)' : ''} · ${data.summary.restarts.length} ${data.summary.restarts.length === 1 ? 'restart' : 'restarts'}`
              : null}
          </>
        }
        top={<OlderLinesControl scroller={pane.scroller} older={older} />}
        empty={data && data.lines.length === 0 ? <p className={styles.terminal}>No lines from this pod in the range.</p> : null}
        lineActions={lineActions}
        json={json}
      />
    </main>
  );
}
