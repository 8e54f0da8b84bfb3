'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportFormat, ExportRequestInput } from '@/lib/schema/export';
import type { ExportProgress } from './export-download';

export type ExportStatus =
  | { phase: 'idle' }
  | { phase: 'running'; format: ExportFormat; progress: ExportProgress | null }
  | { phase: 'done'; filename: string; rows: number }
  | { phase: 'cancelled'; rows: number }
  | { phase: 'failed'; message: string };

/** Progress is redrawn at most this often: a fast export delivers hundreds of chunks a second. */
const PROGRESS_EVERY_MS = 100;

/** One export at a time, cancellable; the file is saved only when it arrived whole. */
export function useExport() {
  const [status, setStatus] = useState<ExportStatus>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  // Leaving the screen cancels a running export rather than downloading into nowhere.
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(async (request: ExportRequestInput & { format: ExportFormat }) => {
    running.current?.abort();
    const aborter = new AbortController();
    running.current = aborter;
    const format = request.format;
    let last: ExportProgress | null = null;
    let drawnAt = 0;
    setStatus({ phase: 'running', format, progress: null });
    try {
      // The streaming download's code is fetched with the first export, not with the screen.
      const { downloadExport, saveFile } = await import('./export-download');
      const file = await downloadExport(request, aborter.signal, (progress) => {
        last = progress;
        const now = performance.now();
        if (now - drawnAt < PROGRESS_EVERY_MS) return;
        drawnAt = now;
        setStatus({ phase: 'running', format, progress });
      });
      if (aborter.signal.aborted) return;
      saveFile(file);
      setStatus({ phase: 'done', filename: file.filename, rows: file.rows });
    } catch (err) {
      if (aborter.signal.aborted) {
        setStatus({ phase: 'cancelled', rows: (last as ExportProgress | null)?.rows ?? 0 });
        return;
      }
      setStatus({ phase: 'failed', message: err instanceof Error ? err.message : 'The export failed.' });
    } finally {
      if (running.current === aborter) running.current = null;
    }
  }, []);

  const cancel = useCallback(() => running.current?.abort(), []);
  const reset = useCallback(() => setStatus({ phase: 'idle' }), []);

  return { status, start, cancel, reset };
}
