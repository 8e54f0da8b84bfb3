import http from 'node:http';
import { Client } from '@elastic/elasticsearch';
import { expect, test } from '@playwright/test';
import { E2E_LIVE_INDEX_PATTERN } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import { createLiveIndex, deleteLiveIndex, writeLive } from '@/tests/support/live-index';
import { watchCsp } from './support/csp';

/**
 * A live-tail panel inside a host page on another origin (http://localhost:<port + 50>, named in
 * EMBED_ALLOWED_ORIGINS by playwright.config.ts): it follows the embed's pod, showing only the
 * lines its query and filters keep, with no CSP violation in the frame.
 */
const INDEX = E2E_LIVE_INDEX_PATTERN.replace('*', `embed-${process.pid}`);
const NS = 'embed-e2e';
const POD = 'checkout-7d9c5b8f4d-x2x4k';
const OTHER_POD = 'checkout-7d9c5b8f4d-zzzzz';

const client = new Client(engineConnection().options);

test.beforeAll(() => createLiveIndex(client, INDEX));

test.afterAll(async () => {
  await deleteLiveIndex(client, INDEX);
  await client.close();
});

const write = (docs: { id: string; level: string; pod?: string }[], refresh: boolean | 'wait_for' = false) =>
  writeLive(
    client,
    INDEX,
    docs.map((d) => ({ ...d, namespace: NS, pod: d.pod ?? POD, log: `checkout ${d.level} ${d.id}`, container: 'checkout' })),
    refresh,
  );

test('a live-tail panel in another origin’s page follows its pod’s error lines only', async ({ page, request, baseURL }) => {
  const appPort = Number(new URL(baseURL ?? 'http://127.0.0.1:3100').port);
  const host = `http://localhost:${appPort + 50}`;
  await write([{ id: 'before-error', level: 'error' }], 'wait_for');
  const made = await request.post('/api/embeds', {
    data: {
      panel: 'tail',
      title: 'Checkout errors, live',
      pod: { namespace: NS, pod: POD },
      state: {
        schemaVersion: 1,
        source: 'live',
        query: { language: 'kql', text: 'level:error' },
        filters: [],
        time: { from: 'now-15m', to: 'now' },
        columns: ['message'],
        sort: 'desc',
      },
      origins: [host],
      maxWindowHours: 1,
    },
  });
  expect(made.status()).toBe(201);
  const embed = (await made.json()) as CreateEmbedResponse;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>host</title><iframe id="panel" src="${baseURL}${embed.url}" width="900" height="400"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(appPort + 50, '127.0.0.1', resolve));
  try {
    const violations = await watchCsp(page);
    await page.goto(`${host}/`);
    const panel = page.frameLocator('#panel');
    await expect(panel.getByRole('heading', { name: 'Checkout errors, live' })).toBeVisible();
    const terminal = panel.getByTestId('log-terminal');
    await expect(terminal.locator('[data-line-id="before-error"]')).toHaveCount(1);
    await expect(panel.getByTestId('live-bar')).toContainText('● Live');

    await write([
      { id: 'live-error', level: 'error' },
      { id: 'live-info', level: 'info' },
      { id: 'other-pod-error', level: 'error', pod: OTHER_POD },
    ]);
    await expect(terminal.locator('[data-line-id="live-error"]')).toHaveCount(1, { timeout: 5_000 });
    await page.waitForTimeout(1_500); // another poll: what the embed locks out never shows
    const ids = await terminal.locator('[data-line-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-line-id')));
    expect(ids).toEqual(['before-error', 'live-error']);
    const open = panel.getByRole('link', { name: 'Open in Log Explorer' });
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('href', `/pods/${NS}/${POD}?source=live&live=1`);
    expect(violations).toEqual([]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
