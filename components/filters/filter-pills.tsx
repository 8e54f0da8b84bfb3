'use client';
import type { Filter } from '@/lib/schema/search';
import { filterLabel } from './filter-label';
import styles from './filters.module.css';
import { CloseIcon } from '@/components/ui/icons';

interface FilterPillsProps {
  filters: Filter[];
  onRemove: (index: number) => void;
  onToggleNegate: (index: number) => void;
  onToggleDisabled: (index: number) => void;
}

export function FilterPills({ filters, onRemove, onToggleNegate, onToggleDisabled }: FilterPillsProps) {
  if (filters.length === 0) return null;
  return (
    <ul className={styles.pills} aria-label="Active filters">
      {filters.map((filter, index) => {
        const label = filterLabel(filter);
        const spoken = `${filter.negate ? 'NOT ' : ''}${label}`;
        return (
          <li
            key={`${index}:${label}`}
            className={styles.pill}
            data-negate={filter.negate || undefined}
            data-disabled={filter.disabled || undefined}
            aria-label={`Filter ${spoken}${filter.disabled ? ' (disabled)' : ''}`}
          >
            <span className={styles.text} title={spoken}>
              {filter.negate ? <span className={styles.not}>NOT </span> : null}
              {label}
            </span>
            <button
              type="button"
              className={styles.action}
              aria-label={`${filter.negate ? 'Include' : 'Negate'} filter ${label}`}
              title={filter.negate ? 'Include matches instead' : 'Exclude matches instead'}
              onClick={() => onToggleNegate(index)}
            >
              {filter.negate ? '=' : '≠'}
            </button>
            <button
              type="button"
              className={styles.action}
              aria-label={`${filter.disabled ? 'Enable' : 'Disable'} filter ${label}`}
              aria-pressed={filter.disabled}
              title={filter.disabled ? 'Apply this filter again' : 'Keep this filter but do not apply it'}
              onClick={() => onToggleDisabled(index)}
            >
              {filter.disabled ? '◯' : '◉'}
            </button>
            <button
              type="button"
              className={styles.action}
              aria-label={`Remove filter ${label}`}
              title="Remove"
              onClick={() => onRemove(index)}
            >
              <CloseIcon />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
