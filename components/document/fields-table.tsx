'use client';
import { useMemo, useState } from 'react';
import { parseJsonMessage } from '@/lib/documents/json-message';
import { JsonMessageView } from './json-message-view';
import type { SearchHit } from '@/lib/schema/search';
import { formatFieldValue } from '@/components/results/field-meanings';
import { MessageText } from '@/components/results/message-text';
import { CopyButton } from '@/components/ui/copy-button';
import styles from './document.module.css';
import { ColumnIcon, FilterForIcon, FilterOutIcon } from '@/components/ui/icons';

const LONG_VALUE_CHARS = 4_000;

interface FieldsTableProps {
  hit: SearchHit;
  columns: string[];
  onFilter: (field: string, value: string, negate: boolean) => void;
  onToggleColumn: (field: string) => void;
  /** Whether a name is a field of the source (a JSON message's key that is one offers filters). */
  isField: (name: string) => boolean;
}

export function FieldsTable({ hit, columns, onFilter, onToggleColumn, isField }: FieldsTableProps) {
  const names = Object.keys(hit.fields).sort((a, b) => a.localeCompare(b));
  return (
    <table className={styles.fields}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const raw = hit.fields[name];
          const value = formatFieldValue(raw);
          // Only scalar values make sense as an `is` filter.
          const filterable = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean';
          const isMessage = value === hit.message && value.length > 0;
          return (
            <tr key={name} data-field={name}>
              <th scope="row" className={styles.fieldName}>
                {name}
              </th>
              <td className={styles.fieldValue}>
                {isMessage ? <LongMessage hit={hit} isField={isField} onFilter={onFilter} /> : <LongText text={value} />}
              </td>
              <td className={styles.actions}>
                {filterable ? (
                  <>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={`Filter for ${name}: ${value}`}
                      title="Filter for value"
                      onClick={() => onFilter(name, value, false)}
                    >
                      <FilterForIcon />
                    </button>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={`Filter out ${name}: ${value}`}
                      title="Filter out value"
                      onClick={() => onFilter(name, value, true)}
                    >
                      <FilterOutIcon />
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`${columns.includes(name) ? 'Remove' : 'Add'} column ${name}`}
                  aria-pressed={columns.includes(name)}
                  title={columns.includes(name) ? 'Remove column' : 'Add column'}
                  onClick={() => onToggleColumn(name)}
                >
                  <ColumnIcon />
                </button>
                <CopyButton text={value} label={`Copy value of ${name}`} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LongMessage({ hit, isField, onFilter }: { hit: SearchHit } & Pick<FieldsTableProps, 'isField' | 'onFilter'>) {
  const [whole, setWhole] = useState(false);
  const long = hit.message.length > LONG_VALUE_CHARS;
  const json = useMemo(() => parseJsonMessage(hit.message), [hit.message]);
  return (
    <>
      <span className={styles.pre}>
        <MessageText message={hit.message} highlight={hit.highlight} maxChars={whole || !long ? undefined : LONG_VALUE_CHARS} />
      </span>
      {long ? <ShowAll whole={whole} length={hit.message.length} onToggle={() => setWhole((w) => !w)} /> : null}
      {/* A JSON line: its keys (to filter on) and its pretty form, under the raw line. */}
      {json ? <JsonMessageView json={json} actions={{ isField, onFilter }} /> : null}
    </>
  );
}

function LongText({ text }: { text: string }) {
  const [whole, setWhole] = useState(false);
  const long = text.length > LONG_VALUE_CHARS;
  return (
    <>
      <span className={styles.pre}>{whole || !long ? text : `${text.slice(0, LONG_VALUE_CHARS)}…`}</span>
      {long ? <ShowAll whole={whole} length={text.length} onToggle={() => setWhole((w) => !w)} /> : null}
    </>
  );
}

function ShowAll({ whole, length, onToggle }: { whole: boolean; length: number; onToggle: () => void }) {
  return (
    <button type="button" className="link-btn" onClick={onToggle}>
      {whole ? 'Show less' : `Show all ${length.toLocaleString('en-US')} characters`}
    </button>
  );
}
