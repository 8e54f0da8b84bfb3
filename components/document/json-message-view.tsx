'use client';
/**
 * A JSON log line, expanded: its keys in a table (a key that is also a field of the source
 * offers filter for / filter out) and the whole object pretty-printed. Shown in the explorer's
 * document view and under a line of the pod, workload and context views.
 */
import Link from 'next/link';
import { useState } from 'react';
import type { JsonKey, JsonMessage } from '@/lib/documents/json-message';
import { FilterForIcon, FilterOutIcon } from '@/components/ui/icons';
import styles from './json-message.module.css';

export interface JsonFilterActions {
  /** Whether `name` is a field of the source, so a filter on it can match. */
  isField: (name: string) => boolean;
  /** The explorer: filters the screen in place. */
  onFilter?: (field: string, value: string, negate: boolean) => void;
  /** The pod views: a link to the explorer with the filter. */
  filterHref?: (field: string, value: string, negate: boolean) => string;
}

export function JsonMessageView({ json, actions }: { json: JsonMessage; actions: JsonFilterActions }) {
  return (
    <div className={styles.json} data-testid="json-message">
      <table className={styles.keys} aria-label="Keys of the JSON message">
        <tbody>
          {json.keys.map((key) => (
            <tr key={key.name} data-key={key.name}>
              <th scope="row">{key.name}</th>
              <td className={styles.value}>
                <LongValue text={key.text} />
              </td>
              <td className={styles.actions}>
                {key.scalar && actions.isField(key.name) ? <FilterActions k={key} actions={actions} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {json.keysCut ? (
        <p className={styles.note}>Only the first {json.keys.length} keys are listed; the JSON below holds them all.</p>
      ) : null}
      <pre className={styles.pretty}>{json.pretty}</pre>
    </div>
  );
}

function FilterActions({ k, actions }: { k: JsonKey; actions: JsonFilterActions }) {
  const both = [false, true] as const;
  return (
    <>
      {both.map((negate) => {
        const label = `${negate ? 'Filter out' : 'Filter for'} ${k.name}: ${k.text}`;
        const icon = negate ? <FilterOutIcon /> : <FilterForIcon />;
        if (actions.onFilter) {
          const onFilter = actions.onFilter;
          return (
            <button
              key={String(negate)}
              type="button"
              className="icon-btn"
              aria-label={label}
              title={label}
              onClick={() => onFilter(k.name, k.text, negate)}
            >
              {icon}
            </button>
          );
        }
        return actions.filterHref ? (
          <Link
            key={String(negate)}
            // The explorer renders its first rows on the server: a prefetch would be a search.
            prefetch={false}
            className="icon-btn"
            aria-label={label}
            title={`${label} (in the explorer)`}
            href={actions.filterHref(k.name, k.text, negate)}
          >
            {icon}
          </Link>
        ) : null;
      })}
    </>
  );
}

/** A value longer than this (a logged response body, say) shows its start and a "show all" button. */
const LONG_VALUE_CHARS = 1_000;

function LongValue({ text }: { text: string }) {
  const [whole, setWhole] = useState(false);
  if (text.length <= LONG_VALUE_CHARS) return text;
  return (
    <>
      {whole ? text : `${text.slice(0, LONG_VALUE_CHARS)}…`}{' '}
      <button type="button" className="link-btn" onClick={() => setWhole(!whole)}>
        {whole ? 'Show less' : `Show all ${text.length.toLocaleString('en-US')} characters`}
      </button>
    </>
  );
}
