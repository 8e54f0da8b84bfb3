/** The Kubernetes views' expectations over the test dataset, from the generator (lib/demo-cluster/k8s-expectations.ts). */
import { expect, type Page } from '@playwright/test';
import { seededEvictions, seededRestarts } from '@/lib/demo-cluster/k8s-expectations';
import { TEST_DATASET } from '@/lib/demo-cluster/test-dataset';
import { DATASET_RANGE, events, type ExpectedEvent } from './dataset';

export const restarts = () => seededRestarts(events());
export const evictions = () => seededEvictions({ ...TEST_DATASET, end: new Date(TEST_DATASET.end) });

/** The whole dataset as the views' since/until. */
export const DAY = { since: DATASET_RANGE.from, until: DATASET_RANGE.to };

export function podLines(namespace: string, pod: string): ExpectedEvent[] {
  return events()
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.fields['kubernetes.namespace_name'] === namespace && e.fields['kubernetes.pod_name'] === pod)
    .sort((a, b) => a.e.ts - b.e.ts || a.i - b.i)
    .map(({ e }) => e);
}

export function query(params: Record<string, string | number>): string {
  return `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

/**
 * Scrolls the pod view to its top until its status says `n` of `n` lines: older lines load a
 * page at a time as the reader scrolls up to them.
 */
export async function scrollToOldest(page: Page, n: number): Promise<void> {
  const total = n.toLocaleString('en-US');
  await expect
    .poll(
      async () => {
        await page.getByTestId('log-terminal').evaluate((el) => el.parentElement?.scrollTo({ top: 0 }));
        return page.getByTestId('pod-log-status').textContent();
      },
      { timeout: 30_000 },
    )
    .toContain(`${total} of ${total} lines`);
}
