'use client';
import { displayColumns } from '@/components/results/columns';
import type { ExportFormat } from '@/lib/schema/export';
import type { SearchResponse } from '@/lib/schema/search';
import type { ExplorerState } from '@/lib/url-state/codec';
import { exportRequest } from './export-request';
import type { ExportStatus, useExport } from './use-export';
import styles from './export.module.css';

export interface ExportMenuProps {
  state: ExplorerState;
  total: SearchResponse['total'] | undefined;
  /** The source's field for each meaning (`SearchResponse.meanings`), once the screen has answered. */
  meanings: SearchResponse['meanings'] | undefined;
}

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'ndjson', label: 'NDJSON' },
];

const n = (value: number) => value.toLocaleString('en-US');

/** What the menu shows: the rows it would export, the format buttons, the progress and outcome. */
export function ExportPanel({ state, total, meanings, exporter }: ExportMenuProps & { exporter: ReturnType<typeof useExport> }) {
  const { status } = exporter;
  const running = status.phase === 'running';
  return (
    <div className={styles.panel}>
      <p>
        {total
          ? `All ${total.relation === 'gte' ? `${n(total.value)}+` : n(total.value)} rows matching this screen`
          : 'All rows matching this screen'}
        , {state.sort === 'desc' ? 'newest first' : 'oldest first'}.
      </p>
      <p className={styles.columns}>Columns: time, {displayColumns(state.columns).join(', ')}</p>
      {running ? (
        <ExportProgressView status={status} onCancel={exporter.cancel} />
      ) : (
        <div className={styles.actions}>
          {FORMATS.map(({ format, label }) => (
            <button key={format} type="button" className="btn" onClick={() => void exporter.start(exportRequest(state, format, meanings))}>
              Export {label}
            </button>
          ))}
        </div>
      )}
      <ExportOutcome status={status} />
    </div>
  );
}

function ExportProgressView({ status, onCancel }: { status: Extract<ExportStatus, { phase: 'running' }>; onCancel: () => void }) {
  const progress = status.progress;
  return (
    <div className={styles.progress}>
      <progress max={progress?.total || 1} value={progress?.rows ?? 0} aria-label="Export progress" />
      <span className={styles.count} role="status" data-testid="export-progress">
        {progress ? `${n(progress.rows)} of ${n(progress.total)} rows` : 'Starting…'}
      </span>
      {progress && progress.matched > progress.total ? (
        <span className={styles.columns}>
          {n(progress.matched)} rows match; this server exports at most {n(progress.total)}, the first in time order.
        </span>
      ) : null}
      <div className={styles.actions}>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel export
        </button>
      </div>
    </div>
  );
}

function ExportOutcome({ status }: { status: ExportStatus }) {
  switch (status.phase) {
    case 'done':
      return (
        <p className={styles.done} role="status" data-testid="export-outcome">
          Downloaded {status.filename} ({n(status.rows)} rows).
        </p>
      );
    case 'cancelled':
      return (
        <p className={styles.done} role="status" data-testid="export-outcome">
          Export cancelled after {n(status.rows)} rows; nothing was saved.
        </p>
      );
    case 'failed':
      return (
        <p className={styles.error} role="alert" data-testid="export-outcome">
          Export failed: {status.message}
        </p>
      );
    default:
      return null;
  }
}
