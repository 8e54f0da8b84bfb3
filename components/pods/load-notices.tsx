'use client';
/** What the pod, workload and context views say while their lines load or when they cannot: one place for all three. */
import styles from './pods.module.css';

interface LoadNoticesProps {
  /** A `/pods/-/…` or `/workloads/-/…` link looking up its namespace (use-pod-namespace). */
  resolving?: { looking: boolean; missing: boolean };
  looking?: string;
  missing?: string;
  error: unknown;
}

export function LoadNotices({ resolving, looking, missing, error }: LoadNoticesProps) {
  return (
    <>
      {resolving?.looking ? <div className={styles.status}>{looking}</div> : null}
      {resolving?.missing ? (
        <div className={styles.error} role="alert">
          {missing}
        </div>
      ) : null}
      {error ? (
        <div className={styles.error} role="alert">
          {error instanceof Error ? error.message : 'The lines could not be loaded.'}
        </div>
      ) : null}
    </>
  );
}
