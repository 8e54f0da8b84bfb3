'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { healthQueryOptions } from '@/lib/queries/health';
import styles from './status.module.css';

const POLL_MS = 3_000;

interface EngineBannerProps {
  message: string;
  /** Called once when the health check answers again, to re-run the failed search. */
  onBack: () => void;
}

/** Shown while the engine is unreachable; it polls the health route and retries by itself. */
export function EngineBanner({ message, onBack }: EngineBannerProps) {
  const health = useQuery(healthQueryOptions(POLL_MS));
  const back = useEffectEvent(() => onBack());
  const ok = health.isSuccess && !health.isFetching;

  useEffect(() => {
    if (ok) back();
  }, [ok, health.dataUpdatedAt]);

  return (
    <div className={`${styles.banner} ${styles.down}`} role="alert" data-testid="engine-banner">
      <strong>Elasticsearch is not reachable.</strong> <span>{message}</span>{' '}
      <span className={styles.retrying}>{ok ? 'Back — reloading…' : `Retrying every ${POLL_MS / 1000} s…`}</span>
    </div>
  );
}
