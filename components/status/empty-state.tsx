import styles from './status.module.css';

interface EmptyStateProps {
  rangeText: string;
  narrowed: boolean;
}

export function EmptyState({ rangeText, narrowed }: EmptyStateProps) {
  return (
    <div className={styles.empty} role="status">
      <h2 className={styles.emptyTitle}>No logs match</h2>
      <p>
        Nothing between <strong>{rangeText}</strong>.
      </p>
      <p className={styles.hint}>
        {narrowed
          ? 'Try a wider time range, a shorter query, or remove or disable a filter.'
          : 'Try a wider time range — logs may not have arrived for this period yet.'}
      </p>
    </div>
  );
}
