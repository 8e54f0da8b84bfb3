'use client';
/**
 * The listbox half of an ARIA combobox (the input keeps focus; the highlighted option is named
 * by `aria-activedescendant`), and the keys that drive it. Shared by the query bar and the
 * filter form's field and value inputs.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import styles from './suggestions.module.css';

export interface ListOption {
  key: string;
  label: string;
  detail?: string;
  /** Styles the option by what it inserts (field, value, operator, boolean). */
  kind?: string;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

interface SuggestionListProps {
  id: string;
  label: string;
  options: readonly ListOption[];
  active: number;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
  /** In the flow of the page (pushing what follows down) instead of floating over it. */
  inline?: boolean;
  /** Text below the options (or alone, when there are none): why something cannot be suggested. */
  note?: string | undefined;
}

/** The id of the note, for the input's `aria-describedby`. */
export function noteId(listId: string): string {
  return `${listId}-note`;
}

export function SuggestionList({ id, label, options, active, onPick, onHover, inline, note }: SuggestionListProps) {
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' });
  }, [id, active]);
  return (
    <div className={styles.popup} data-inline={inline || undefined}>
      {/* An empty listbox is not allowed (it must own options): with only a note, there is none. */}
      {options.length > 0 ? (
        <SuggestionOptions id={id} label={label} options={options} active={active} onPick={onPick} onHover={onHover} />
      ) : null}
      {note ? (
        <p id={noteId(id)} className={styles.note} role="status">
          {note}
        </p>
      ) : null}
    </div>
  );
}

function SuggestionOptions({ id, label, options, active, onPick, onHover }: Omit<SuggestionListProps, 'inline' | 'note'>) {
  return (
    <ul id={id} role="listbox" aria-label={label} className={styles.list}>
      {options.map((option, i) => (
        <li
          key={option.key}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          // Read as "payments, 5,374": the label first, so a screen reader user can stop there.
          aria-label={option.detail ? `${option.label}, ${option.detail}` : option.label}
          data-kind={option.kind}
          className={styles.option}
          // The input keeps focus: a click must not blur it (which would close the list first).
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(i)}
          onMouseMove={() => {
            if (i !== active) onHover(i);
          }}
        >
          <span className={styles.label}>{option.label}</span>
          {option.detail ? <span className={styles.detail}>{option.detail}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * ArrowUp/Down move the highlight (wrapping), Enter takes the highlighted option, Tab takes it
 * or the first, Esc closes. With nothing highlighted Enter is left alone, so a form still submits.
 * `shown`: the listbox is up (there are options); `visible`: the popup is, options or a note.
 */
export function useListNavigation(
  count: number,
  open: boolean,
  setOpen: (open: boolean) => void,
  onAccept: (index: number) => void,
  hasNote = false,
) {
  const [rawActive, setActive] = useState(-1);
  const active = open && rawActive < count ? rawActive : -1;
  const shown = open && count > 0;
  const visible = shown || (open && hasNote);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(-1);
        } else if (count > 0) setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        if (!shown) return;
        e.preventDefault();
        setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (!shown || active < 0) return;
        e.preventDefault();
        onAccept(active);
        break;
      case 'Tab':
        if (!shown || e.shiftKey) return;
        e.preventDefault();
        onAccept(active >= 0 ? active : 0);
        break;
      case 'Escape':
        if (!visible) return;
        // Handled here: the document view (which closes on Esc) skips prevented events.
        e.preventDefault();
        setOpen(false);
        break;
    }
  }

  return { active, setActive, onKeyDown, shown, visible };
}
