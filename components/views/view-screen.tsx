'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { Explorer } from '@/components/explorer/explorer';
import { ExplorerFallback } from '@/components/explorer/explorer-fallback';
import { ApiError } from '@/lib/queries/api-error';
import { viewQueryOptions } from '@/lib/queries/views';
import { viewCodec } from './view-codec';
import styles from './views.module.css';

/** `/views/{id}`: the explorer opened on a saved view, or a clear screen when there is none. */
export function ViewScreen({ id }: { id: string }) {
  const view = useQuery(viewQueryOptions(id));
  const notFound = view.error instanceof ApiError && view.error.status === 404;
  const codec = useMemo(() => (view.data ? viewCodec(view.data) : undefined), [view.data]);

  if (notFound) {
    return (
      <ViewMessage title="View not found">
        <p>There is no saved view with this address. It may have been deleted, or the link was cut short.</p>
      </ViewMessage>
    );
  }
  // A failed re-read keeps showing the copy already loaded; only a view never loaded is an error screen.
  if (view.data) return <Explorer key={id} view={view.data} codec={codec} />;
  if (view.isError) {
    return (
      <ViewMessage title="The view could not be opened">
        <p role="alert">{view.error.message}</p>
        <p>
          <button type="button" className="btn" onClick={() => void view.refetch()}>
            Try again
          </button>
        </p>
      </ViewMessage>
    );
  }
  return <ExplorerFallback />;
}

function ViewMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className={styles.screenMessage}>
      <h1>Log Explorer</h1>
      <h2>{title}</h2>
      {children}
      <p>
        <Link href="/">Open the explorer</Link>
      </p>
    </main>
  );
}
