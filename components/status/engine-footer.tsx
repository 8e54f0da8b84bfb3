'use client';
import { useQuery } from '@tanstack/react-query';
import { fieldsQueryOptions } from '@/lib/queries/fields';
import { engineQueryOptions } from '@/lib/queries/health';
import styles from './status.module.css';

const PROFILE_NAMES: Record<string, string> = {
  fluentd: 'Fluentd',
  'fluent-bit': 'Fluent Bit',
  ecs: 'ECS',
  otel: 'OpenTelemetry',
  generic: 'plain documents (no profile)',
};

/** One quiet line: which engine answers, and which field profile the source was read with. */
export function EngineFooter({ source }: { source: string | undefined }) {
  const engine = useQuery(engineQueryOptions());
  const fields = useQuery(fieldsQueryOptions(source));
  const profile = fields.data?.profile;
  return (
    <footer className={styles.footer} data-testid="engine-footer">
      <span>{engine.data?.engine?.name ?? 'engine: checking…'}</span>
      {profile ? <span> · fields read as {PROFILE_NAMES[profile] ?? profile}</span> : null}
    </footer>
  );
}
