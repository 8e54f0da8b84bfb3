'use client';
import { useMemo } from 'react';
import { insertColumn } from '@/components/results/columns';
import { MESSAGE_COLUMN } from '@/components/results/field-meanings';
import type { Filter, QueryInput, SearchHit, TimeRange } from '@/lib/schema/search';
import { MAX_COLUMNS } from '@/lib/url-state/codec';
import { addFilter, applyValueFilter, removeFilterAt, replaceFilterAt, toggleDisabledAt, toggleNegateAt } from '@/lib/url-state/filters';
import type { UpdateState } from './use-explorer-state';

/**
 * Every user action as a change to the URL state. Changes that alter which rows match close the
 * document view (its row may be gone); sort and columns keep it open.
 */
export function useExplorerActions(update: UpdateState, refresh: () => void) {
  return useMemo(
    () => ({
      submitQuery(query: QueryInput) {
        update((s) => {
          if (s.query.text === query.text && s.query.language === query.language) {
            refresh();
            return {};
          }
          return { query, doc: null };
        });
      },
      setTime(time: TimeRange) {
        update({ time, doc: null });
      },
      zoom(fromMs: number, toMs: number) {
        update({ time: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() }, doc: null });
      },
      filterValue(field: string, value: string, negate: boolean) {
        update((s) => ({ filters: applyValueFilter(s.filters, field, value, negate), doc: null }));
      },
      addFilter(filter: Filter) {
        update((s) => ({ filters: addFilter(s.filters, filter), doc: null }));
      },
      replaceFilter(index: number, filter: Filter) {
        update((s) => ({ filters: replaceFilterAt(s.filters, index, filter), doc: null }));
      },
      removeFilter(index: number) {
        update((s) => ({ filters: removeFilterAt(s.filters, index), doc: null }));
      },
      toggleNegate(index: number) {
        update((s) => ({ filters: toggleNegateAt(s.filters, index), doc: null }));
      },
      toggleDisabled(index: number) {
        update((s) => ({ filters: toggleDisabledAt(s.filters, index), doc: null }));
      },
      toggleSort() {
        update((s) => ({ sort: s.sort === 'desc' ? 'asc' : 'desc' }));
      },
      // The message is always shown (last); added columns go before it.
      toggleColumn(column: string) {
        if (column === MESSAGE_COLUMN) return;
        update((s) => {
          if (s.columns.includes(column)) {
            return s.columns.length > 1 ? { columns: s.columns.filter((c) => c !== column) } : {};
          }
          return s.columns.length < MAX_COLUMNS ? { columns: insertColumn(s.columns, column) } : {};
        });
      },
      removeColumn(column: string) {
        if (column === MESSAGE_COLUMN) return;
        update((s) => (s.columns.length > 1 ? { columns: s.columns.filter((c) => c !== column) } : {}));
      },
      // Opening documents replaces the history entry: Back should leave the screen, not replay clicks.
      toggleDocument(hit: SearchHit) {
        update((s) => ({ doc: s.doc?.index === hit.index && s.doc.id === hit.id ? null : { index: hit.index, id: hit.id } }), {
          replace: true,
        });
      },
      closeDocument() {
        update({ doc: null }, { replace: true });
      },
    }),
    [update, refresh],
  );
}
