'use client';
import { useId, useState } from 'react';
import { noteId, optionId, SuggestionList, useListNavigation, type ListOption } from '@/components/query-bar/suggestions-list';
import styles from './filters.module.css';

interface ComboInputProps {
  /** The input's accessible name. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly ListOption[];
  onPick: (option: ListOption) => void;
  /** Enter with no option highlighted; return true when handled (the form is then not submitted). */
  onEnter?: () => boolean;
  placeholder?: string;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  /** Why there are no options (a field mapped differently across indices), shown as the query bar shows it. */
  note?: string | undefined;
}

/** A text input with a type-ahead list (ARIA combobox): the filter form's field and value inputs. */
export function ComboInput({
  label,
  value,
  onChange,
  options,
  onPick,
  onEnter,
  placeholder,
  autoFocus,
  invalid,
  describedBy,
  note,
}: ComboInputProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const nav = useListNavigation(
    options.length,
    open,
    setOpen,
    (i) => {
      const option = options[i];
      if (!option) return;
      onPick(option);
      setOpen(false);
    },
    Boolean(note),
  );
  // The note is read with the input, after what is wrong with it.
  const description = [describedBy, nav.visible && note ? noteId(listId) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.combo}>
      <input
        type="text"
        role="combobox"
        className={styles.input}
        aria-label={label}
        aria-expanded={nav.shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={nav.shown && nav.active >= 0 ? optionId(listId, nav.active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={description}
        placeholder={placeholder}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          nav.setActive(-1);
        }}
        // Opened by typing, a click or ArrowDown, not by focus: an autofocused form stays uncovered.
        onClick={() => setOpen(true)}
        // The list sits in the form's flow: closing it as a button is pressed would move the
        // button from under the pointer, so it stays open until another input takes focus.
        onBlur={(e) => {
          if (e.relatedTarget instanceof HTMLInputElement || e.relatedTarget instanceof HTMLSelectElement) setOpen(false);
        }}
        onKeyDown={(e) => {
          nav.onKeyDown(e);
          if (!e.isDefaultPrevented() && e.key === 'Enter' && onEnter?.()) {
            e.preventDefault();
            // The typed text was taken: the list goes until the next keystroke, uncovering the form.
            setOpen(false);
          }
        }}
      />
      {nav.visible ? (
        <SuggestionList
          id={listId}
          label={`${label} suggestions`}
          options={options}
          active={nav.active}
          inline
          onPick={(i) => {
            const option = options[i];
            if (option) onPick(option);
            setOpen(false);
          }}
          onHover={nav.setActive}
          note={note}
        />
      ) : null}
    </div>
  );
}
