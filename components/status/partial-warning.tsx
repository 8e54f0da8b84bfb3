import type { PartialResults } from '@/lib/schema/search';
import styles from './status.module.css';

export function PartialWarning({ partial }: { partial: PartialResults }) {
  const what = partial.failedShards > 0 ? `${partial.failedShards} of ${partial.totalShards} shards failed` : 'the search timed out';
  return (
    <div className={`${styles.banner} ${styles.partial}`} role="status" data-testid="partial-warning">
      <strong>Partial results:</strong> {what}
      {partial.timedOut && partial.failedShards > 0 ? ' and the search timed out' : ''}; counts and rows may be incomplete.
      {partial.reasons.length > 0 ? (
        <details className={styles.reasons}>
          <summary>Why</summary>
          <ul>
            {partial.reasons.slice(0, 5).map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
