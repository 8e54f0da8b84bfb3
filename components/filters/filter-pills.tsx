'use client';
import { useRef, useState, type ReactNode } from 'react';
import type { Filter, TimeRange } from '@/lib/schema/search';
import { deferred } from '@/components/ui/deferred';
import { CloseIcon } from '@/components/ui/icons';
import { filterLabel } from './filter-label';
import { FilterPanel } from './filter-panel';
import styles from './filters.module.css';

/** The form (field list, value suggestions) is fetched when a filter is first added or edited. */
export const FilterEditor = deferred(
  () => import('./filter-editor').then((m) => m.FilterEditor),
  <p role="status">Loading the filter form…</p>,
);

interface FilterPillsProps {
  filters: Filter[];
  /** The filter form suggests this source's fields, and their values in this time range. */
  source: string | undefined;
  time: TimeRange;
  onRemove: (index: number) => void;
  onToggleNegate: (index: number) => void;
  onToggleDisabled: (index: number) => void;
  onAdd: (filter: Filter) => void;
  onReplace: (index: number, filter: Filter) => void;
}

/** The pills above the table, each editable in place, and the "Add filter" form. One form open at a time. */
export function FilterPills({ filters, source, time, onRemove, onToggleNegate, onToggleDisabled, onAdd, onReplace }: FilterPillsProps) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const addAnchor = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const closeAdd = () => {
    setEditing(null);
    addButton.current?.focus();
  };
  return (
    <div className={styles.bar}>
      {filters.length > 0 ? (
        <ul className={styles.pills} aria-label="Active filters">
          {filters.map((filter, index) => (
            <Pill
              key={`${index}:${filterLabel(filter)}`}
              filter={filter}
              editing={editing === index}
              onEdit={(open) => setEditing(open ? index : null)}
              onRemove={() => onRemove(index)}
              onToggleNegate={() => onToggleNegate(index)}
              onToggleDisabled={() => onToggleDisabled(index)}
              editor={
                <FilterEditor
                  initial={filter}
                  source={source}
                  time={time}
                  submitLabel="Update filter"
                  onSubmit={(f) => {
                    setEditing(null);
                    onReplace(index, f);
                  }}
                  onCancel={() => setEditing(null)}
                />
              }
            />
          ))}
        </ul>
      ) : null}
      <div className={styles.anchor} ref={addAnchor}>
        <button
          ref={addButton}
          type="button"
          className={`btn ${styles.add}`}
          aria-haspopup="dialog"
          aria-expanded={editing === 'new'}
          onClick={() => setEditing(editing === 'new' ? null : 'new')}
        >
          + Add filter
        </button>
        {editing === 'new' ? (
          <FilterPanel label="Add filter" anchor={addAnchor} onClose={closeAdd}>
            <FilterEditor
              source={source}
              time={time}
              submitLabel="Add filter"
              onSubmit={(f) => {
                closeAdd();
                onAdd(f);
              }}
              onCancel={closeAdd}
            />
          </FilterPanel>
        ) : null}
      </div>
    </div>
  );
}

interface PillProps {
  filter: Filter;
  editing: boolean;
  onEdit: (open: boolean) => void;
  onRemove: () => void;
  onToggleNegate: () => void;
  onToggleDisabled: () => void;
  editor: ReactNode;
}

function Pill({ filter, editing, onEdit, onRemove, onToggleNegate, onToggleDisabled, editor }: PillProps) {
  const anchor = useRef<HTMLLIElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const label = filterLabel(filter);
  const spoken = `${filter.negate ? 'NOT ' : ''}${label}`;
  const close = () => {
    onEdit(false);
    trigger.current?.focus();
  };
  return (
    <li
      ref={anchor}
      className={styles.pill}
      data-negate={filter.negate || undefined}
      data-disabled={filter.disabled || undefined}
      aria-label={`Filter ${spoken}${filter.disabled ? ' (disabled)' : ''}`}
    >
      <button
        ref={trigger}
        type="button"
        className={styles.text}
        title={`${spoken} — click to edit`}
        aria-label={`Edit filter ${label}`}
        aria-haspopup="dialog"
        aria-expanded={editing}
        onClick={() => onEdit(!editing)}
      >
        {filter.negate ? <span className={styles.not}>NOT </span> : null}
        {label}
      </button>
      <button
        type="button"
        className={styles.action}
        aria-label={`${filter.negate ? 'Include' : 'Negate'} filter ${label}`}
        title={filter.negate ? 'Include matches instead' : 'Exclude matches instead'}
        onClick={onToggleNegate}
      >
        {filter.negate ? '=' : '≠'}
      </button>
      <button
        type="button"
        className={styles.action}
        aria-label={`${filter.disabled ? 'Enable' : 'Disable'} filter ${label}`}
        aria-pressed={filter.disabled}
        title={filter.disabled ? 'Apply this filter again' : 'Keep this filter but do not apply it'}
        onClick={onToggleDisabled}
      >
        {filter.disabled ? '◯' : '◉'}
      </button>
      <button type="button" className={styles.action} aria-label={`Remove filter ${label}`} title="Remove" onClick={onRemove}>
        <CloseIcon />
      </button>
      {editing ? (
        <FilterPanel label={`Edit filter ${label}`} anchor={anchor} onClose={close}>
          {editor}
        </FilterPanel>
      ) : null}
    </li>
  );
}
