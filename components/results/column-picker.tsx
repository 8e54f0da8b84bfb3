'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldsQueryOptions } from '@/lib/queries/fields';
import { Popover } from '@/components/ui/popover';
import { MAX_COLUMNS } from '@/lib/url-state/codec';
import { displayColumns } from './columns';
import { MEANINGS, MESSAGE_COLUMN } from './field-meanings';
import styles from './results.module.css';

interface ColumnPickerProps {
  source: string | undefined;
  columns: string[];
  /** Fields seen in the loaded rows: shown until (or if) the source's field list cannot be had. */
  rowFields: string[];
  onToggle: (column: string) => void;
}

export function ColumnPicker(props: ColumnPickerProps) {
  return (
    <Popover label="Choose columns" align="end" trigger={<>Columns ({displayColumns(props.columns).length})</>}>
      {() => <ColumnList {...props} />}
    </Popover>
  );
}

// The field list is fetched when the picker first opens, not with every screen.
function ColumnList({ source, columns, rowFields, onToggle }: ColumnPickerProps) {
  const [filter, setFilter] = useState('');
  const sourceFields = useQuery(fieldsQueryOptions(source));
  const fields = sourceFields.data ? sourceFields.data.fields.map((f) => f.name) : rowFields;
  const needle = filter.trim().toLowerCase();
  const choices = [...MEANINGS, MESSAGE_COLUMN, ...fields.filter((f) => !MEANINGS.includes(f) && f !== MESSAGE_COLUMN)];
  const shown = needle ? choices.filter((c) => c.toLowerCase().includes(needle)) : choices;
  const full = columns.length >= MAX_COLUMNS;
  return (
    <div className={styles.picker}>
      <input
        type="search"
        className={styles.pickerFilter}
        aria-label="Filter fields"
        placeholder="Filter fields…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        autoFocus
      />
      <ul className={styles.pickerList}>
        {shown.map((name) => {
          // The message is always shown, whatever the URL says.
          const always = name === MESSAGE_COLUMN;
          const checked = always || columns.includes(name);
          const last = checked && columns.length === 1;
          return (
            <li key={name}>
              <label className={styles.pickerItem}>
                <input type="checkbox" checked={checked} disabled={always || last || (!checked && full)} onChange={() => onToggle(name)} />
                <span className={MEANINGS.includes(name) || name === MESSAGE_COLUMN ? styles.meaning : undefined}>{name}</span>
              </label>
            </li>
          );
        })}
        {shown.length === 0 ? <li className={styles.pickerNone}>No field matches</li> : null}
      </ul>
    </div>
  );
}
