'use client';
import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { QueryInput, QueryLanguage, TimeRange } from '@/lib/schema/search';
import { SEARCH_LIMITS } from '@/lib/schema/limits';
import styles from './query-bar.module.css';
import { noteId, optionId, SuggestionList, useListNavigation } from './suggestions-list';
import { useSuggestions } from './use-suggestions';
import { CloseIcon } from '@/components/ui/icons';

interface QueryBarProps {
  query: QueryInput;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Called with the query to run; the same query again means "run it again". */
  onSubmit: (query: QueryInput) => void;
  /** Value suggestions are the top values of this source within this time range. */
  source?: string;
  time: TimeRange;
}

const LANGUAGE_LABEL: Record<QueryLanguage, string> = { kql: 'KQL', lucene: 'Lucene' };

export function QueryBar({ query, inputRef, onSubmit, source, time }: QueryBarProps) {
  const [draft, setDraft] = useState(query.text);
  const [caret, setCaret] = useState(query.text.length);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const pendingCaret = useRef<number | null>(null);
  const suggestions = useSuggestions({ text: draft, cursor: caret, enabled: open && query.language === 'kql', source, time });
  const nav = useListNavigation(suggestions.items.length, open, setOpen, accept, Boolean(suggestions.note));

  function accept(index: number) {
    const item = suggestions.items[index];
    const edit = item && suggestions.apply ? suggestions.apply(draft, suggestions.context, item.completion) : null;
    if (!edit) return;
    setDraft(edit.text);
    setCaret(edit.cursor);
    pendingCaret.current = edit.cursor;
    nav.setActive(-1);
  }

  // After a pick the caret goes where the completion says, so the next suggestions follow on.
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    inputRef.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

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
        setOpen(false);
        // A picked suggestion leaves a space for the next one; it is not part of the query.
        onSubmit({ language: query.language, text: draft.trimEnd() });
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
        // Not type="search": Chromium clears a search box on Esc, and Esc here only closes the list.
        type="text"
        enterKeyHint="search"
        role="combobox"
        aria-expanded={nav.shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={nav.shown && nav.active >= 0 ? optionId(listId, nav.active) : undefined}
        aria-describedby={nav.visible && suggestions.note ? noteId(listId) : undefined}
        aria-label="Search logs"
        placeholder={query.language === 'kql' ? 'Search… e.g. level:error and timeout' : 'Search… e.g. level:error AND timeout'}
        value={draft}
        maxLength={SEARCH_LIMITS.queryLength}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setDraft(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
          nav.setActive(-1);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? draft.length)}
        onKeyDown={nav.onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {nav.visible ? (
        <SuggestionList
          id={listId}
          label="Query suggestions"
          options={suggestions.items}
          active={nav.active}
          onPick={accept}
          onHover={nav.setActive}
          note={suggestions.note}
        />
      ) : null}
      {draft ? (
        <button
          type="button"
          className={styles.clear}
          aria-label="Clear search"
          onClick={() => {
            setDraft('');
            setOpen(false);
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
