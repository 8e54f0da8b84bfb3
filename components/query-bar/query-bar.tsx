'use client';
import { useState, type RefObject } from 'react';
import type { QueryInput, QueryLanguage } from '@/lib/schema/search';
import { SEARCH_LIMITS } from '@/lib/schema/search';
import styles from './query-bar.module.css';
import { CloseIcon } from '@/components/ui/icons';

interface QueryBarProps {
  query: QueryInput;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Called with the query to run; the same query again means "run it again". */
  onSubmit: (query: QueryInput) => void;
}

const LANGUAGE_LABEL: Record<QueryLanguage, string> = { kql: 'KQL', lucene: 'Lucene' };

export function QueryBar({ query, inputRef, onSubmit }: QueryBarProps) {
  const [draft, setDraft] = useState(query.text);
  // Back/forward or a pasted link changes the committed query: the box follows it.
  const [committed, setCommitted] = useState(query.text);
  if (committed !== query.text) {
    setCommitted(query.text);
    setDraft(query.text);
  }

  const otherLanguage: QueryLanguage = query.language === 'kql' ? 'lucene' : 'kql';

  return (
    <form
      className={styles.bar}
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ language: query.language, text: draft });
      }}
    >
      <button
        type="button"
        className={styles.language}
        aria-label={`Query language: ${LANGUAGE_LABEL[query.language]}. Switch to ${LANGUAGE_LABEL[otherLanguage]}`}
        title={`Switch to ${LANGUAGE_LABEL[otherLanguage]}`}
        onClick={() => onSubmit({ language: otherLanguage, text: draft })}
      >
        {LANGUAGE_LABEL[query.language]}
      </button>
      <input
        ref={inputRef}
        className={styles.input}
        type="search"
        aria-label="Search logs"
        placeholder={query.language === 'kql' ? 'Search… e.g. level:error and timeout' : 'Search… e.g. level:error AND timeout'}
        value={draft}
        maxLength={SEARCH_LIMITS.queryLength}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setDraft(e.target.value)}
      />
      {draft ? (
        <button
          type="button"
          className={styles.clear}
          aria-label="Clear search"
          onClick={() => {
            setDraft('');
            onSubmit({ language: query.language, text: '' });
            inputRef.current?.focus();
          }}
        >
          <CloseIcon />
        </button>
      ) : null}
      <button type="submit" className={`btn btn-primary ${styles.submit}`}>
        Search
      </button>
    </form>
  );
}
