'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { ApiError } from '@/lib/queries/api-error';
import { fieldsQueryOptions } from '@/lib/queries/fields';
import type { SavedView } from '@/lib/schema/views';
import type { ExplorerState } from '@/lib/url-state/codec';
import styles from './views.module.css';

/**
 * A view outlives configuration: its source may have been removed since it was saved. The view
 * still opens (its query, filters and columns are worth having) with this explanation and a way
 * onto the default source; the stored view changes only if the user saves.
 */
export function ViewSourceNotice({ view, state }: { view: SavedView; state: ExplorerState }) {
  const source = view.state.source;
  const onViewSource = source !== undefined && state.source === source;
  // The field list is the cheapest call that says whether a source exists (and is cached for the column picker).
  const fields = useQuery({ ...fieldsQueryOptions(source), enabled: onViewSource });
  const params = useSearchParams();
  const missing = onViewSource && fields.error instanceof ApiError && fields.error.code === 'unknown_source' ? fields.error : null;
  if (!missing) return null;

  const onDefault = new URLSearchParams(params.toString());
  onDefault.set('src', '');
  return (
    <div className={styles.notice} role="alert" data-testid="view-source-missing">
      <strong>This view’s source “{source}” no longer exists.</strong> It was removed from the configuration after the view was saved (
      {missing.message}).{' '}
      <Link href={`/views/${encodeURIComponent(view.id)}?${onDefault.toString()}`}>Show this view on the default source</Link> — the saved
      view keeps its source until you save it.
    </div>
  );
}
