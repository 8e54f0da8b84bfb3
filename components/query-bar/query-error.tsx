'use client';
import type { ApiError } from '@/lib/queries/api-error';
import styles from './query-bar.module.css';

/** The API's complaint about the query, with a caret under the character it stumbled on. */
export function QueryError({ error, queryText }: { error: ApiError; queryText: string }) {
  const offset = error.detail?.offset;
  const expected = error.detail?.expected;
  const showCaret = typeof offset === 'number' && offset >= 0 && offset <= queryText.length && queryText.length > 0;
  return (
    <div className={styles.error} role="alert">
      <p className={styles.errorMessage}>
        <strong>{error.code === 'query_syntax' ? 'Query error' : 'Search failed'}:</strong> {error.message}
      </p>
      {showCaret ? (
        <pre className={styles.caretBlock} aria-label={`Error at character ${offset + 1}`}>
          {queryText}
          {'\n'}
          {' '.repeat(offset)}
          <span className={styles.caret}>^</span>
        </pre>
      ) : null}
      {expected && expected.length > 0 ? <p className={styles.expected}>Expected: {expected.slice(0, 8).join(', ')}</p> : null}
    </div>
  );
}
