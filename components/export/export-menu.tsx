'use client';
import { deferred } from '@/components/ui/deferred';
import { Popover } from '@/components/ui/popover';
import type { ExportMenuProps } from './export-panel';
import { useExport, type ExportStatus } from './use-export';
import styles from './export.module.css';

/** The menu's panel is fetched when it first opens; the export itself runs in the menu's hook. */
export const ExportPanel = deferred(() => import('./export-panel').then((m) => m.ExportPanel));

function percent(status: ExportStatus): string | null {
  if (status.phase !== 'running' || !status.progress || status.progress.total === 0) return null;
  return `${Math.floor((100 * status.progress.rows) / status.progress.total)}%`;
}

export function ExportMenu({ state, total, meanings }: ExportMenuProps) {
  const exporter = useExport();
  const { status } = exporter;
  const running = status.phase === 'running';
  const shownPercent = percent(status);

  return (
    <Popover
      label="Export"
      align="end"
      trigger={running ? <span className={styles.triggerProgress}>Exporting{shownPercent ? ` ${shownPercent}` : '…'}</span> : 'Export'}
    >
      {() => <ExportPanel state={state} total={total} meanings={meanings} exporter={exporter} />}
    </Popover>
  );
}
