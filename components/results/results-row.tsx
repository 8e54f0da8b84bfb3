'use client';
import { useDisplayZone } from '@/components/time-picker/display-zone';
import { memo } from 'react';
import type { SearchHit } from '@/lib/schema/search';
import { levelColour } from '@/components/histogram/level-colors';
import { cellText, TIME_COLUMN } from './columns';
import { MESSAGE_COLUMN, type FieldResolver } from './field-meanings';
import { MessageText } from './message-text';
import styles from './results.module.css';
import { ChevronIcon } from '@/components/ui/icons';
import { deferred } from '@/components/ui/deferred';

/**
 * A row's links into its pod and its surrounding lines, shown under the pointer: their code (the
 * Kubernetes views' URL building) comes once the first rows are shown, not with the first load.
 */
export const HitLinks = deferred(() => import('@/components/pods/pod-links').then((m) => m.HitLinks));

// A table row shows one line (a few when wrapped); the document view shows the rest.
const ROW_MESSAGE_CHARS = 600;
const WRAPPED_MESSAGE_CHARS = 4000;

interface ResultsRowProps {
  hit: SearchHit;
  rowIndex: number;
  columns: readonly string[];
  template: string;
  /** Two lines: time and the other columns above, the message below. */
  stacked: boolean;
  wrap: boolean;
  /** Set when row heights vary (stacked or wrapped): the virtualizer measures the row. */
  measureRef: ((element: HTMLElement | null) => void) | undefined;
  top: number;
  expanded: boolean;
  resolve: FieldResolver;
  onToggle: (hit: SearchHit) => void;
  /** The other lines of a multi-line event whose head is `hit`, oldest first. */
  more: readonly SearchHit[];
  /** The event's other lines are shown. */
  open: boolean;
  onToggleEvent: (hit: SearchHit) => void;
}

export const ResultsRow = memo(function ResultsRow({
  hit,
  rowIndex,
  columns,
  template,
  stacked,
  wrap,
  measureRef,
  top,
  expanded,
  resolve,
  onToggle,
  more,
  open,
  onToggleEvent,
}: ResultsRowProps) {
  const maxChars = wrap ? WRAPPED_MESSAGE_CHARS : ROW_MESSAGE_CHARS;
  const zone = useDisplayZone();
  return (
    <div
      ref={measureRef}
      role="row"
      aria-rowindex={rowIndex + 2}
      className={styles.row}
      data-expanded={expanded || undefined}
      data-index={rowIndex}
      data-row-index={rowIndex}
      data-doc-id={hit.id}
      data-lines={more.length > 0 ? more.length + 1 : undefined}
      data-open={open || undefined}
      data-testid={more.length > 0 ? 'multiline-event' : undefined}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onClick={() => {
        // Selecting text in a row must not open it.
        if (window.getSelection()?.toString()) return;
        onToggle(hit);
      }}
    >
      <div role="gridcell" className={styles.expandCell}>
        <button
          type="button"
          className={styles.expand}
          aria-label={expanded ? 'Collapse document' : 'Expand document'}
          aria-expanded={expanded}
        >
          <ChevronIcon open={expanded} />
        </button>
      </div>
      <div role="gridcell" className={`${styles.cell} ${styles.time}`}>
        {cellText(hit, TIME_COLUMN, resolve, zone, stacked)}
      </div>
      {columns.map((column) => (
        <div
          key={column}
          role="gridcell"
          className={`${styles.cell} ${column === MESSAGE_COLUMN ? styles.message : ''}`}
          data-column={column}
        >
          {/* The toggle goes first: a long message ends in an ellipsis, and would hide it. */}
          {column === MESSAGE_COLUMN && more.length > 0 ? (
            <EventToggle hit={hit} more={more} open={open} onToggleEvent={onToggleEvent} />
          ) : null}
          <Cell hit={hit} column={column} resolve={resolve} zone={zone} maxChars={maxChars} />
          {column === MESSAGE_COLUMN && open
            ? more.map((line) => (
                <span key={`${line.index}/${line.id}`} className={styles.eventLine} data-line-id={line.id}>
                  <MessageText message={line.message} highlight={line.highlight} maxChars={maxChars} />
                </span>
              ))
            : null}
        </div>
      ))}
      <HitLinks hit={hit} className={styles.rowLinks} />
    </div>
  );
});

function Cell({
  hit,
  column,
  resolve,
  zone,
  maxChars,
}: {
  hit: SearchHit;
  column: string;
  resolve: FieldResolver;
  zone: string;
  maxChars: number;
}) {
  if (column === MESSAGE_COLUMN) return <MessageText message={hit.message} highlight={hit.highlight} maxChars={maxChars} />;
  const text = cellText(hit, column, resolve, zone);
  if (column === 'level' && text) {
    return (
      <>
        <span className={styles.levelDot} style={{ background: levelColour(text) }} aria-hidden="true" />
        {text}
      </>
    );
  }
  return text;
}

/** Folds and unfolds a multi-line event: its other lines show under the head line. */
function EventToggle({
  hit,
  more,
  open,
  onToggleEvent,
}: {
  hit: SearchHit;
  more: readonly SearchHit[];
  open: boolean;
  onToggleEvent: (hit: SearchHit) => void;
}) {
  return (
    <>
      <button
        type="button"
        className={styles.eventToggle}
        aria-expanded={open}
        onClick={(e) => {
          // The row's own click opens the document; this one only folds the event.
          e.stopPropagation();
          onToggleEvent(hit);
        }}
      >
        {open ? '▾' : '▸'} {more.length} more {more.length === 1 ? 'line' : 'lines'}
      </button>{' '}
    </>
  );
}
