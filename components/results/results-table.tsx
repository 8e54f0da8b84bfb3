'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HitEvent } from '@/lib/k8s/hit-groups';
import type { SearchHit, SortOrder } from '@/lib/schema/search';
import type { DocRef } from '@/lib/url-state/codec';
import { columnLabel, displayColumns, tableLayout, TIME_COLUMN } from './columns';
import { MESSAGE_COLUMN, type FieldResolver } from './field-meanings';
import { ResultsRow } from './results-row';
import { useElementWidth } from './use-element-width';
import styles from './results.module.css';
import { CloseIcon } from '@/components/ui/icons';

const ROW_HEIGHT = 30;
const STACKED_ROW_HEIGHT = 50;
/**
 * The table's size before it is laid out: the server renders the first rows into the HTML with it
 * (a desktop window's table), and the browser's first render matches; then the real size takes over.
 */
const FIRST_RECT = { width: 1000, height: 900 };
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;

interface ResultsTableProps {
  rows: SearchHit[];
  /** The rows as the table shows them: multi-line events grouped, or one event per row. */
  events: readonly HitEvent[];
  columns: string[];
  sort: SortOrder;
  /** Long lines wrap onto more lines instead of ending in an ellipsis. */
  wrap: boolean;
  expanded: DocRef | null;
  resolve: FieldResolver;
  /** Changes when the screen's request changes: the list starts again from the top. */
  resetKey: string;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: string | null;
  onLoadMore: () => void;
  onToggleSort: () => void;
  onRemoveColumn: (column: string) => void;
  onToggleRow: (hit: SearchHit) => void;
  /** While live: told when the reader scrolls away from the top (the newest rows) and back. */
  onScrolledAway?: (away: boolean) => void;
  /** Changes when the list must go back to the top (live resumed). */
  topKey?: number;
}

/** Further down than this from the top, the reader has scrolled away from the newest rows. */
const AWAY_PX = 40;

// Memoized: the explorer re-renders on URL and fetch-state changes that leave the rows as they are.
export const ResultsTable = memo(function ResultsTable(props: ResultsTableProps) {
  const { rows, events, sort, expanded, resolve, resetKey, hasMore, loadingMore, onLoadMore, wrap } = props;
  // Open multi-line events, by their head line: kept here, as rows leave and re-enter the DOM.
  const [openEvents, setOpenEvents] = useState<ReadonlySet<string>>(() => new Set());
  const onToggleEvent = useCallback((hit: SearchHit) => {
    const key = `${hit.index}/${hit.id}`;
    setOpenEvents((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const scroller = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scroller, FIRST_RECT.width);
  const columns = displayColumns(props.columns);
  const { mode, template } = tableLayout(props.columns, width);
  const stacked = mode === 'stacked';
  // Rows of one line have one height; two-line, wrapped and open multi-line rows are measured as they are drawn.
  const measured = stacked || wrap || openEvents.size > 0;
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => (stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT),
    overscan: 12,
    initialRect: FIRST_RECT,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, measured, stacked, template]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey, props.topKey]);

  const { onScrolledAway } = props;
  useEffect(() => {
    const box = scroller.current;
    if (!box || !onScrolledAway) return;
    let away = false;
    const onScroll = () => {
      const now = box.scrollTop > AWAY_PX;
      if (now !== away) onScrolledAway((away = now));
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => box.removeEventListener('scroll', onScroll);
  }, [onScrolledAway]);

  useEffect(() => {
    if (hasMore && !loadingMore && events.length > 0 && lastIndex >= events.length - PREFETCH_ROWS) onLoadMore();
  }, [lastIndex, events.length, hasMore, loadingMore, onLoadMore]);

  // Up/down move between rows like a grid; the virtualizer brings the target row into existence first.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!row) return;
    e.preventDefault();
    const next = Number(row.dataset.rowIndex) + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= events.length) return;
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${next}"] button`)?.focus());
  };

  const expandedKey = expanded ? `${expanded.index}/${expanded.id}` : null;
  const sortLabel = sort === 'desc' ? 'newest first' : 'oldest first';

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      data-layout={mode}
      data-wrap={wrap || undefined}
      role="grid"
      aria-label="Log lines"
      aria-rowcount={events.length + 1}
      aria-colcount={columns.length + 2}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className={styles.head}>
        <div role="row" aria-rowindex={1} className={styles.headRow} style={{ gridTemplateColumns: template }}>
          <div role="columnheader" className={styles.headCell}>
            <span className="visually-hidden">Expand</span>
          </div>
          <div role="columnheader" className={styles.headCell} aria-sort={sort === 'desc' ? 'descending' : 'ascending'}>
            <button type="button" className={styles.sort} onClick={props.onToggleSort} aria-label={`Time, ${sortLabel}. Change sort order`}>
              {columnLabel(TIME_COLUMN)} <span aria-hidden="true">{sort === 'desc' ? '↓' : '↑'}</span>
            </button>
          </div>
          {columns.map((column) => (
            <div key={column} role="columnheader" className={styles.headCell} data-column={column}>
              <span className={styles.headLabel} title={column === resolve(column) ? column : `${column} (${resolve(column)})`}>
                {columnLabel(column)}
              </span>
              {column !== MESSAGE_COLUMN ? (
                <button
                  type="button"
                  className={styles.removeColumn}
                  aria-label={`Remove column ${column}`}
                  onClick={() => props.onRemoveColumn(column)}
                >
                  <CloseIcon />
                </button>
              ) : null}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const event = events[item.index];
          const hit = event?.hits[0];
          if (!event || !hit) return null;
          const key = `${hit.index}/${hit.id}`;
          return (
            <ResultsRow
              key={key}
              hit={hit}
              more={event.more}
              open={openEvents.has(key)}
              onToggleEvent={onToggleEvent}
              rowIndex={item.index}
              columns={columns}
              template={template}
              stacked={stacked}
              wrap={wrap}
              measureRef={measured ? virtualizer.measureElement : undefined}
              top={item.start}
              expanded={expandedKey === key}
              resolve={resolve}
              onToggle={props.onToggleRow}
            />
          );
        })}
      </div>
      {/* A grid holds rows only: the footer is a row of its own, one cell wide, read out as it changes. */}
      <div role="rowgroup">
        <div role="row" className={styles.footer}>
          <div role="gridcell" aria-live="polite">
            {props.loadMoreError ? (
              <span className={styles.footerError}>
                Could not load more: {props.loadMoreError}{' '}
                <button type="button" className="link-btn" onClick={onLoadMore}>
                  Try again
                </button>
              </span>
            ) : loadingMore ? (
              'Loading more…'
            ) : hasMore ? (
              ''
            ) : rows.length > 0 ? (
              `End of results — ${rows.length.toLocaleString('en-US')} rows`
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
});
