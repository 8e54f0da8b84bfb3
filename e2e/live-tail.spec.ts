import { Client } from '@elastic/elasticsearch';
import { expect, test } from '@playwright/test';
import { E2E_LIVE_INDEX_PATTERN, E2E_SOURCES_ENV } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import { createLiveIndex, deleteLiveIndex, writeLive } from '@/tests/support/live-index';
import { frontAddress, startApp, stopApp, untilLive } from './support/app-process';

/** The spec's own index, under the e2e server's `live` source; the test dataset is never written to. */
const INDEX = E2E_LIVE_INDEX_PATTERN.replace('*', `${process.pid}`);
const NS = 'live-e2e';
const POD = 'ticker-7d9c5b8f4d-x2x4k';

const client = new Client(engineConnection().options);

test.beforeAll(() => createLiveIndex(client, INDEX));

test.afterAll(async () => {
  await deleteLiveIndex(client, INDEX);
  await client.close();
});

const write = (docs: { id: string; ts: number; pod?: string; log?: string }[], refresh: boolean | 'wait_for' = false) =>
  writeLive(
    client,
    INDEX,
    docs.map((d) => ({ ...d, namespace: NS, pod: d.pod ?? POD, log: d.log ?? `tick ${d.id}`, container: 'ticker' })),
    refresh,
  );

test('live tail: every new line shows once within 3 s, late ones up to a minute included, with the ingest lag', async ({ page }) => {
  await write([{ id: 'first', ts: Date.now() - 10_000 }], 'wait_for');
  await page.goto(`/pods/${NS}/${POD}?source=live&since=now-5m&live=1`);
  const terminal = page.getByTestId('log-terminal');
  await expect(terminal.locator('[data-line-id="first"]')).toHaveCount(1);
  await expect(page.getByTestId('live-bar')).toContainText('● Live');

  const batches = [
    Array.from({ length: 5 }, (_, i) => ({ id: `now-${i}`, ts: Date.now() })),
    [...Array.from({ length: 3 }, (_, i) => ({ id: `late-${i}`, ts: Date.now() - 50_000 + i * 5_000 })), { id: 'now-5', ts: Date.now() }],
    Array.from({ length: 4 }, (_, i) => ({ id: `mid-${i}`, ts: Date.now() - 20_000 + i })),
  ];
  for (const batch of batches) {
    // No refresh asked: lines become visible at the index's 1 s refresh, as a shipper's would.
    await write(batch);
    for (const d of batch) await expect(terminal.locator(`[data-line-id="${d.id}"]`)).toHaveCount(1, { timeout: 3_000 });
  }
  await page.waitForTimeout(2_000); // more polls re-read the overlap: nothing may appear twice
  const ids = await terminal.locator('[data-line-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-line-id')));
  expect(ids.length).toBe(new Set(ids).size);
  expect(new Set(ids)).toEqual(new Set(['first', ...batches.flat().map((d) => d.id)]));
  await expect(page.getByTestId('ingest-lag')).toContainText(/ingest lag \d+\.\d s/);

  await page.getByRole('checkbox', { name: 'Live' }).uncheck();
  await expect(page.getByTestId('live-bar')).toHaveCount(0);
});

test('live workload view: a new pod of the workload shows up with its lines, once each', async ({ page }) => {
  const newcomer = 'ticker-7d9c5b8f4d-b2c4d';
  await write([{ id: 'w-first', ts: Date.now() - 5_000 }], 'wait_for');
  await page.goto(`/workloads/${NS}/ticker?source=live&since=now-5m&live=1`);
  const terminal = page.getByTestId('log-terminal');
  await expect(terminal.locator('[data-line-id="w-first"]')).toHaveCount(1);
  await expect(page.getByTestId('live-bar')).toContainText('● Live');
  const docs = Array.from({ length: 3 }, (_, i) => ({ id: `new-pod-${i}`, ts: Date.now() - i * 10_000, pod: newcomer }));
  await write(docs);
  for (const d of docs) await expect(terminal.locator(`[data-line-id="${d.id}"]`)).toHaveCount(1, { timeout: 3_000 });
  await expect(page.getByTestId('legend-pod').filter({ hasText: newcomer })).toContainText('new while live');
});

test('a replica shutting down: the pod view follows on the other replica behind the same address, each line once', async ({ page }) => {
  test.setTimeout(120_000);
  // Two `next start` replicas of their own behind one address, as a Service puts them.
  const [a, b] = await Promise.all([startApp({ LOG_SOURCES: E2E_SOURCES_ENV }), startApp({ LOG_SOURCES: E2E_SOURCES_ENV })]);
  const front = await frontAddress([a.url, b.url]);
  try {
    await Promise.all([untilLive(a), untilLive(b)]);
    await write([{ id: 'r-first', ts: Date.now() - 5_000 }], 'wait_for');
    await page.goto(`${front.url}/pods/${NS}/${POD}?source=live&since=now-5m&live=1`);
    const terminal = page.getByTestId('log-terminal');
    await expect(terminal.locator('[data-line-id="r-first"]')).toHaveCount(1);
    await expect(page.getByTestId('live-bar')).toContainText('● Live');
    await write([{ id: 'r-on-a', ts: Date.now() }]);
    await expect(terminal.locator('[data-line-id="r-on-a"]')).toHaveCount(1, { timeout: 3_000 });

    a.child.kill('SIGTERM');
    // A's tail ended with `reconnect`: A exits at once (no open stream holds it to its deadline).
    expect((await a.exited).code).toBe(143);
    await write([{ id: 'r-on-b', ts: Date.now() }]);
    await expect(terminal.locator('[data-line-id="r-on-b"]')).toHaveCount(1, { timeout: 5_000 });
    await expect(page.getByTestId('live-bar')).toContainText('● Live');
    await page.waitForTimeout(1_500); // B's polls re-read the overlap: nothing may appear twice
    const ids = await terminal.locator('[data-line-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-line-id')));
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids).toEqual(expect.arrayContaining(['r-first', 'r-on-a', 'r-on-b']));
    expect(b.stdout()).toMatch(/"route":"\/api\/tail","status":200/);
  } finally {
    front.server.close();
    await Promise.all([stopApp(a), stopApp(b)]);
  }
});

test('live explorer: new hits of the search show once within 3 s, late ones too; the count and bars follow; scrolling away pauses', async ({
  page,
}) => {
  await write([{ id: 'x-first', ts: Date.now() - 10_000 }], 'wait_for');
  await page.goto(`/?v=1&src=live&from=now-5m&to=now&q=${encodeURIComponent('log:"tick x"')}`);
  const grid = page.getByRole('grid', { name: 'Log lines' });
  await expect(grid.locator('[data-doc-id="x-first"]')).toHaveCount(1);
  await expect(page.getByText('1 hit', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await expect(page.getByTestId('live-bar')).toContainText('● Live');

  const batches = [
    Array.from({ length: 5 }, (_, i) => ({ id: `x-now-${i}`, ts: Date.now() })),
    [
      ...Array.from({ length: 3 }, (_, i) => ({ id: `x-late-${i}`, ts: Date.now() - 55_000 + i * 5_000 })),
      { id: 'x-now-5', ts: Date.now() },
    ],
  ];
  for (const batch of batches) {
    await write(batch.map((d) => ({ ...d, log: `tick x ${d.id}` })));
    for (const d of batch) await expect(grid.locator(`[data-doc-id="${d.id}"]`)).toHaveCount(1, { timeout: 3_000 });
  }
  // Lines of other pods than the search's are never sent.
  await write([{ id: 'not-x', ts: Date.now(), log: 'tock' }]);
  await page.waitForTimeout(2_000); // more polls re-read the overlap: nothing may appear twice
  const ids = await grid.locator('[data-doc-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-doc-id')));
  expect(ids.length).toBe(new Set(ids).size);
  expect(new Set(ids)).toEqual(new Set(['x-first', ...batches.flat().map((d) => d.id)]));
  await expect(page.getByText('10 hits', { exact: true })).toBeVisible();

  // Scrolled away from the newest rows: new ones are counted, not shown, until resumed.
  await write(Array.from({ length: 40 }, (_, i) => ({ id: `x-fill-${i}`, ts: Date.now() - i, log: 'tick x fill' })));
  await expect(grid.locator('[data-doc-id="x-fill-0"]')).toHaveCount(1, { timeout: 3_000 });
  await grid.evaluate((el) => el.scrollTo(0, 400));
  await write([{ id: 'x-after-pause', ts: Date.now(), log: 'tick x after' }]);
  await expect(page.getByTestId('resume-live')).toContainText('1 new line', { timeout: 3_000 });
  await expect(grid.locator('[data-doc-id="x-after-pause"]')).toHaveCount(0);
  await page.getByTestId('resume-live').click();
  await expect(grid.locator('[data-doc-id="x-after-pause"]')).toHaveCount(1);
  await expect(page.getByText('51 hits', { exact: true })).toBeVisible();

  // Live is in the URL: a reload (or the link, shared) comes back live; switching it off drops it.
  await expect(page).toHaveURL(/[?&]live=1(&|$)/);
  await page.reload();
  await expect(page.getByTestId('live-bar')).toContainText('● Live');
  await expect(page.getByText('51 hits', { exact: true })).toBeVisible();
  await write([{ id: 'x-after-reload', ts: Date.now(), log: 'tick x reload' }]);
  await expect(grid.locator('[data-doc-id="x-after-reload"]')).toHaveCount(1, { timeout: 3_000 });
  await expect(page.getByText('52 hits', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await expect(page).not.toHaveURL(/live=1/);
});
