'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createView, deleteView, getView, updateView, viewKeys, type ViewWrite } from '@/lib/queries/views';
import { VIEW_LIMITS } from '@/lib/schema/limits';
import type { ScreenState } from '@/lib/schema/screen-state';
import type { SavedView, SavedViewSummary } from '@/lib/schema/views';

/** "name (copy)", shortened so that the result still fits the name limit. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, VIEW_LIMITS.nameLength - suffix.length)}${suffix}`;
}

/**
 * Every write to saved views, each followed by what it means for the cache: the written view
 * replaces its cached copy (so the header and the unsaved-changes marker see it at once) and
 * every list is refetched.
 */
export function useViewWrites() {
  const client = useQueryClient();
  return useMemo(() => {
    const afterWrite = (view: SavedView | null, id: string) => {
      if (view) client.setQueryData(viewKeys.one(view.id), view);
      // A deleted view still open on screen keeps its copy until the page leaves; the next
      // page that opens it reads it again (refetchOnMount) and finds it gone.
      else client.removeQueries({ queryKey: viewKeys.one(id), type: 'inactive' });
      void client.invalidateQueries({ queryKey: viewKeys.lists() });
    };
    const settle = <T extends SavedView | null>(id: string, result: ViewWrite<T>): ViewWrite<T> => {
      if (result.kind === 'done') afterWrite(result.value, id);
      // Lists show versions too: after a conflict they should show the current one.
      else void client.invalidateQueries({ queryKey: viewKeys.lists() });
      return result;
    };
    return {
      async create(name: string, description: string, state: ScreenState): Promise<SavedView> {
        const view = await createView({ name, description, state });
        afterWrite(view, view.id);
        return view;
      },
      async saveState(id: string, version: string, state: ScreenState): Promise<ViewWrite<SavedView>> {
        return settle(id, await updateView(id, { version, state }));
      },
      async rename(view: SavedViewSummary, name: string): Promise<ViewWrite<SavedView>> {
        return settle(view.id, await updateView(view.id, { version: view.version, name }));
      },
      async duplicate(view: SavedViewSummary): Promise<SavedView> {
        // The list carries no state: read the whole view first.
        const full = await getView(view.id);
        const copy = await createView({ name: copyName(full.name), description: full.description, state: full.state });
        afterWrite(copy, copy.id);
        return copy;
      },
      async remove(view: SavedViewSummary): Promise<ViewWrite<null>> {
        return settle(view.id, await deleteView(view.id, view.version));
      },
    };
  }, [client]);
}
