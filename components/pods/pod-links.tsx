'use client';
/**
 * Links into the Kubernetes views from the explorer: a hit's pod and surrounding lines, a pod
 * facet value. None is prefetched: next/link would fetch every link's page as it scrolls into
 * view — two per table row and per pod facet value, dozens per screen, each a server render,
 * competing with the screen's own searches (measured: bench/README.md, bench:ui of 2026-11-30
 * 14:30). The page is fetched when the link is followed.
 */
import Link from 'next/link';
import type { MouseEvent } from 'react';
import { useSearchParams } from 'next/navigation';
import {
  ANY_NAMESPACE,
  contextHref,
  isKubernetesName,
  podOfFields,
  podViewAroundLine,
  podViewHref,
  workloadViewHref,
} from '@/lib/k8s/view-url';
import { workloadOfPod } from '@/lib/k8s/workload';
import type { SearchHit } from '@/lib/schema/search';
import styles from './pod-links.module.css';

/** The explorer's source (`src` in its URL): the Kubernetes views must read the same one. */
function useExplorerSource(): string | null {
  return useSearchParams().get('src');
}

export function PodLinks({ hit }: { hit: SearchHit }) {
  const source = useExplorerSource();
  const where = podOfFields(hit.fields);
  return (
    <p className={styles.links}>
      <Link prefetch={false} href={contextHref(hit, undefined, source)} data-testid="hit-context-link">
        Show surrounding lines
      </Link>
      {where ? (
        <>
          {' · '}
          <Link prefetch={false} href={podViewAroundLine(where.namespace, where.pod, hit, source)} data-testid="hit-pod-link">
            Pod logs around this line
          </Link>
        </>
      ) : null}
    </p>
  );
}

/**
 * The same two links, short, on each row of the results table. A click follows the link and
 * does not also open the row's document.
 */
export function HitLinks({ hit, className }: { hit: SearchHit; className?: string }) {
  const source = useExplorerSource();
  const where = podOfFields(hit.fields);
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <span className={className} data-testid="row-links">
      {where ? (
        <Link
          prefetch={false}
          href={podViewAroundLine(where.namespace, where.pod, hit, source)}
          onClick={stop}
          data-testid="row-pod-link"
          aria-label={`Logs of pod ${where.pod} around this line`}
          title="Pod logs around this line"
        >
          pod
        </Link>
      ) : null}
      <Link
        prefetch={false}
        href={contextHref(hit, undefined, source)}
        onClick={stop}
        data-testid="row-context-link"
        aria-label="Show surrounding lines"
        title="Show surrounding lines"
      >
        context
      </Link>
    </span>
  );
}

/** A pod facet value knows no namespace: the pod and workload views find it (`/pods/-/{pod}`, `/workloads/-/{name}?via={pod}`). */
export function PodViewLink({ pod }: { pod: string }) {
  // The explorer's time range, when its URL has one: the views open on the same range.
  const params = useSearchParams();
  if (!isKubernetesName(pod)) return null;
  const since = params.get('from');
  const until = params.get('to');
  const source = params.get('src');
  const range = { ...(since ? { since } : {}), ...(until ? { until } : {}), ...(source ? { source } : {}) };
  const workload = workloadOfPod(pod);
  return (
    <>
      <Link
        prefetch={false}
        className={styles.facetLink}
        href={podViewHref(ANY_NAMESPACE, pod, range)}
        aria-label={`Logs of pod ${pod}`}
        title="Pod logs"
      >
        ↗
      </Link>
      {workload ? (
        <Link
          prefetch={false}
          className={styles.facetLink}
          href={workloadViewHref(ANY_NAMESPACE, workload.name, { ...range, via: pod })}
          aria-label={`Logs of ${workload.kind} ${workload.name}`}
          title={`All pods of ${workload.kind} ${workload.name}`}
        >
          ⇶
        </Link>
      ) : null}
    </>
  );
}
