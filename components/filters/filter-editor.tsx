'use client';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { fieldsQueryOptions } from '@/lib/queries/fields';
import type { Filter, TimeRange } from '@/lib/schema/search';
import { rankFieldNames } from '@/lib/suggest/rank-fields';
import { valueSuggestionField } from '@/lib/suggest/value-field';
import { CloseIcon } from '@/components/ui/icons';
import { ComboInput } from './combo-input';
import {
  draftFromFilter,
  EMPTY_DRAFT,
  filterFromDraft,
  FORM_OPERATORS,
  isProblem,
  withPending,
  type DraftProblem,
  type FilterDraft,
  type FormOperator,
} from './filter-draft';
import { useValueOptions } from './use-value-options';
import styles from './filters.module.css';

const MAX_FIELD_OPTIONS = 50;

interface FilterEditorProps {
  /** The filter being edited; none for a new one. */
  initial?: Filter;
  source: string | undefined;
  time: TimeRange;
  submitLabel: string;
  onSubmit: (filter: Filter) => void;
  onCancel: () => void;
}

/** The filter form: a field (type-ahead over the source's fields), an operator and its value(s). */
export function FilterEditor({ initial, source, time, submitLabel, onSubmit, onCancel }: FilterEditorProps) {
  const [draft, setDraft] = useState<FilterDraft>(() => (initial ? draftFromFilter(initial) : EMPTY_DRAFT));
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const problemId = useId();
  const fieldList = useQuery(fieldsQueryOptions(source));
  const fields = useMemo(() => fieldList.data?.fields ?? [], [fieldList.data]);
  const known = useMemo(() => (fieldList.data ? new Set(fields.map((f) => f.name)) : null), [fieldList.data, fields]);
  const byName = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields]);
  const fieldOptions = useMemo(
    () =>
      rankFieldNames(
        fields.map((f) => f.name),
        draft.field,
        MAX_FIELD_OPTIONS,
      ).map((name) => ({ key: name, label: name, detail: fields.find((f) => f.name === name)?.type, kind: 'field' })),
    [fields, draft.field],
  );
  const withValues = draft.operator === 'is' || draft.operator === 'is_not' || draft.operator === 'is_one_of';
  const valueSuggestions = useValueOptions({
    source,
    time,
    field: draft.field,
    prefix: draft.value,
    enabled: withValues && known !== null && known.has(draft.field) && valueSuggestionField(byName, draft.field) !== null,
  });

  const change = (patch: Partial<FilterDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
  };
  const addPending = () => change({ values: withPending(draft.values, draft.value), value: '' });
  const invalid = (input: DraftProblem['input']) => problem?.input === input;
  const described = (input: DraftProblem['input']) => (invalid(input) ? problemId : undefined);

  return (
    <form
      className={styles.editor}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const result = filterFromDraft(draft, known);
        if (isProblem(result)) setProblem(result);
        else onSubmit(result);
      }}
    >
      <div className={styles.row}>
        <span className={styles.caption}>Field</span>
        <ComboInput
          label="Field"
          value={draft.field}
          onChange={(field) => change({ field })}
          options={fieldOptions}
          onPick={(o) => change({ field: o.label })}
          placeholder={fieldList.isPending ? 'Loading fields…' : 'Choose a field…'}
          autoFocus={!initial}
          invalid={invalid('field')}
          describedBy={described('field')}
        />
      </div>
      <label className={styles.row}>
        <span className={styles.caption}>Operator</span>
        <select className={styles.input} value={draft.operator} onChange={(e) => change({ operator: e.target.value as FormOperator })}>
          {FORM_OPERATORS.map((op) => (
            <option key={op.value} value={op.value}>
              {op.label}
            </option>
          ))}
        </select>
      </label>

      {draft.operator === 'is_one_of' && draft.values.length > 0 ? (
        <ul className={styles.chips} aria-label="Values">
          {draft.values.map((v) => (
            <li key={v} className={styles.chip}>
              <span className={styles.chipText}>{v}</span>
              <button
                type="button"
                className={styles.action}
                aria-label={`Remove value ${v}`}
                onClick={() => change({ values: draft.values.filter((x) => x !== v) })}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {withValues ? (
        <div className={styles.row}>
          <span className={styles.caption}>{draft.operator === 'is_one_of' ? 'Add value' : 'Value'}</span>
          <ComboInput
            label="Value"
            value={draft.value}
            onChange={(value) => change({ value })}
            options={valueSuggestions.options}
            note={valueSuggestions.note}
            onPick={(o) =>
              draft.operator === 'is_one_of'
                ? change({ values: withPending(draft.values, o.label), value: '' })
                : change({ value: o.label })
            }
            // In "is one of", Enter adds the typed value to the list; with nothing typed it submits.
            onEnter={() => {
              if (draft.operator !== 'is_one_of' || draft.value === '') return false;
              addPending();
              return true;
            }}
            placeholder={draft.operator === 'is_one_of' ? 'Type a value, Enter to add…' : 'Type a value…'}
            autoFocus={Boolean(initial)}
            invalid={invalid('value') || invalid('values')}
            describedBy={described('value') ?? described('values')}
          />
        </div>
      ) : null}
      {draft.operator === 'between' ? (
        <div className={styles.range}>
          <label className={styles.row}>
            <span className={styles.caption}>From (≥)</span>
            <input
              className={styles.input}
              value={draft.gte}
              onChange={(e) => change({ gte: e.target.value })}
              placeholder="e.g. 500 or now-1h"
              aria-invalid={invalid('range') || undefined}
              aria-describedby={described('range')}
            />
          </label>
          <label className={styles.row}>
            <span className={styles.caption}>To (&lt;)</span>
            <input
              className={styles.input}
              value={draft.lt}
              onChange={(e) => change({ lt: e.target.value })}
              placeholder="e.g. 600 or now"
              aria-invalid={invalid('range') || undefined}
              aria-describedby={described('range')}
            />
          </label>
        </div>
      ) : null}

      {problem ? (
        <p id={problemId} className={styles.problem} role="alert">
          {problem.message}
        </p>
      ) : null}
      <div className={styles.buttons}>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
