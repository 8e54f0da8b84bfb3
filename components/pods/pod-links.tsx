'use client';
/** Links into the Kubernetes views from the explorer: a hit's pod and surrounding lines, a pod facet value. */
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { ANY_NAMESPACE, contextHref, isKubernetesName, podOfFields, podViewAroundLine, podViewHref } from '@/lib/k8s/view-url';
import type { SearchHit } from '@/lib/schema/search';
import styles from './pod-links.module.css';

export function PodLinks({ hit }: { hit: SearchHit }) {
  const where = podOfFields(hit.fields);
  return (
    <p className={styles.links}>
      <Link href={contextHref(hit)} data-testid="hit-context-link">
        Show surrounding lines
      </Link>
      {where ? (
        <>
          {' · '}
          <Link href={podViewAroundLine(where.namespace, where.pod, hit)} data-testid="hit-pod-link">
            Pod logs around this line
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** A pod facet value knows no namespace: the pod view finds it (`/pods/-/{pod}`). */
export function PodViewLink({ pod }: { pod: string }) {
  // The explorer's time range, when its URL has one: the pod view opens on the same range.
  const params = useSearchParams();
  if (!isKubernetesName(pod)) return null;
  const since = params.get('from');
  const until = params.get('to');
  const range = { ...(since ? { since } : {}), ...(until ? { until } : {}) };
  return (
    <Link className={styles.facetLink} href={podViewHref(ANY_NAMESPACE, pod, range)} aria-label={`Logs of pod ${pod}`} title="Pod logs">
      ↗
    </Link>
  );
}
