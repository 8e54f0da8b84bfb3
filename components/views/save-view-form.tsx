'use client';
import { useState, type FormEvent } from 'react';
import { VIEW_LIMITS } from '@/lib/schema/limits';
import styles from './views.module.css';

interface SaveViewFormProps {
  initialName?: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit: (name: string, description: string) => void;
  onCancel?: () => void;
}

/** Name and optional description of a new view; the server checks them again. */
export function SaveViewForm({ initialName = '', submitLabel, busy, error, onSubmit, onCancel }: SaveViewFormProps) {
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState('');
  const trimmed = name.trim();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (trimmed && !busy) onSubmit(trimmed, description);
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="New view">
      <label>
        Name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={VIEW_LIMITS.nameLength}
          required
          autoFocus
          placeholder="e.g. Payments errors, last 24 h"
        />
      </label>
      <label>
        Description (optional)
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={VIEW_LIMITS.descriptionLength} />
      </label>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.row}>
        <button type="submit" className="btn btn-primary" disabled={!trimmed || busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
