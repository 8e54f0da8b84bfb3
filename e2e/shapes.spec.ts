/**
 * A source in another shipper's shape in the browser: the OpenTelemetry Collector's documents
 * (the `otel` source over the shapes suite's `lxtest-shape-otel-*`, seeded here when missing).
 * The footer names the detected profile, and a line leads to its pod's logs and to its
 * surrounding lines in that same source, never the default one.
 */
import { Client } from '@elastic/elasticsearch';
import { expect, test } from '@playwright/test';
import { flattenDoc, generateEvents } from '@/lib/demo-cluster/index';
import { seedDataset } from '@/lib/demo-cluster/load';
import { TEST_SHAPE_DATASETS } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import { DAY, query, scrollToOldest } from './support/k8s';

const OTEL = TEST_SHAPE_DATASETS.otel;
const NS = 'resource.attributes.k8s.namespace.name';
const POD = 'resource.attributes.k8s.pod.name';

test.beforeAll(async () => {
  const client = new Client(engineConnection().options);
  try {
    await seedDataset(client, OTEL);
  } finally {
    await client.close();
  }
});

/** The generator's OpenTelemetry documents of one payments pod, in written order. */
function podLines() {
  const events = [...generateEvents(OTEL)].map((e) => ({ id: e.id, index: e.index, fields: flattenDoc(e.doc) }));
  const pod = String(events.find((e) => e.fields[NS] === 'payments')?.fields[POD]);
  const lines = events
    .map((e, i) => ({ e, i, ts: Date.parse(String(e.fields['@timestamp'])) }))
    .filter(({ e }) => e.fields[POD] === pod)
    .sort((a, b) => a.ts - b.ts || a.i - b.i);
  return { pod, lines };
}

test('an OpenTelemetry source: the footer names its profile, and a line leads to its pod and its context in that source', async ({
  page,
}) => {
  const { pod, lines } = podLines();
  const hit = lines.at(-5)!;
  await page.goto(
    `/${query({ v: 1, src: 'otel', from: DAY.since, to: DAY.until, q: `${POD}:"${pod}"`, doc: `${hit.e.index}/${hit.e.id}` })}`,
  );
  await expect(page.getByTestId('hits-total')).toContainText(lines.length.toLocaleString('en-US'));
  await expect(page.getByTestId('engine-footer')).toContainText('fields read as OpenTelemetry');

  await page.getByTestId('hit-pod-link').click();
  await expect(page).toHaveURL(new RegExp(`/pods/payments/${pod}\\?.*source=otel`));
  const terminal = page.getByTestId('log-terminal');
  const marked = terminal.locator(`[data-line-id="${hit.e.id}"]`);
  await expect(marked).toBeInViewport();
  // The pod view's window is ±15 minutes around the line: the generator's lines in it, all shown
  // (older ones as the reader scrolls up to them).
  const around = lines.filter(({ ts }) => Math.abs(ts - hit.ts) <= 15 * 60_000).length;
  await scrollToOldest(page, around);

  await marked.hover();
  await marked.getByRole('link', { name: 'Show surrounding lines' }).click();
  await expect(page).toHaveURL(new RegExp(`/context/.+/${hit.e.id}\\?source=otel$`));
  await expect(terminal.locator(`[data-line-id="${hit.e.id}"]`)).toBeVisible();
  const back = page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: `pod ${pod}` });
  await expect(back).toHaveAttribute('href', new RegExp(`^/pods/payments/${pod}\\?.*source=otel`));
});
