import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { workloadOfPod } from '@/lib/k8s/workload';
import { ExplorerPage } from './pages/explorer-page';
import { watchCsp } from './support/csp';
import { DAY, podLines, query, restarts } from './support/k8s';

/**
 * The app's pages under their Content-Security-Policy: nothing is refused while a person uses
 * the explorer (scripts by nonce, chart, styles), and no other origin can frame them.
 */

test('the explorer, its chart, a document, views and sharing run with no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const explorer = new ExplorerPage(page);
  const response = await page.request.get('/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-frame-options']).toBe('DENY');

  await explorer.open();
  await explorer.chartDrawn();
  await explorer.dataRows().first().click();
  await expect(explorer.documentView).toBeVisible();
  await page.keyboard.press('Escape');
  await explorer.openViewsList();
  await page.keyboard.press('Escape');
  await explorer.shareLink('relative');
  await page.goto('/s/NoSuchLink0000');
  await expect(page.getByRole('heading', { name: 'This short link does not exist' })).toBeVisible();
  // Each page gets its own nonce.
  const again = (await page.request.get('/')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);
  expect(violations).toEqual([]);
});

test('every kind of response carries the security headers', async ({ request }) => {
  const responses = [
    await request.get('/'),
    await request.get('/views/AAAAAAAAAAAAAAAAAAAA'),
    await request.get('/s/nope', { maxRedirects: 0 }),
    await request.get('/api/health'),
    await request.post('/api/search', { data: { size: 1 } }),
    await request.post('/api/views', { data: {}, headers: { origin: 'http://evil.example' } }),
  ];
  for (const res of responses) {
    const h = res.headers();
    const where = `${res.url()} (${res.status()})`;
    expect(h['x-content-type-options'], where).toBe('nosniff');
    expect(h['x-frame-options'], where).toBe('DENY');
    expect(h['referrer-policy'], where).toBeTruthy();
    expect(h['permissions-policy'], where).toContain('camera=()');
    expect(h['content-security-policy'], where).toContain("frame-ancestors 'none'");
  }
  const apiCsp = responses[3]?.headers()['content-security-policy'];
  expect(apiCsp).toContain("default-src 'none'");
  expect(responses[5]?.status()).toBe(403);
});

test('no other origin can frame the app', async ({ page, baseURL }) => {
  const host = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>host</title><iframe id="app" src="${baseURL}/" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = host.address() as AddressInfo;
    const refused: string[] = [];
    page.on('console', (msg) => refused.push(msg.text()));
    // "localhost" is another origin than the app's 127.0.0.1 base URL.
    await page.goto(`http://localhost:${port}/`);
    const frame = page.frameLocator('#app');
    await page.waitForTimeout(1_500);
    await expect(frame.getByRole('combobox', { name: 'Search logs' })).toHaveCount(0);
    expect(refused.join('\n')).toMatch(/frame-ancestors|X-Frame-Options|Refused to (display|frame)/);
  } finally {
    await new Promise((resolve) => host.close(resolve));
  }
});

test('the pod, workload and context pages run with no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const r = restarts().find((x) => workloadOfPod(x.pod) !== null)!;
  const lines = podLines(r.namespace, r.pod);
  await page.goto(`/pods/${r.namespace}/${r.pod}${query({ ...DAY, tail: 200 })}`);
  await expect(page.getByTestId('log-terminal')).toBeVisible();
  await page.goto(`/workloads/${r.namespace}/${workloadOfPod(r.pod)?.name ?? ''}${query({ ...DAY, tail: 200 })}`);
  await expect(page.getByTestId('log-terminal')).toBeVisible();
  const anchor = lines[Math.floor(lines.length / 2)]!;
  await page.goto(`/context/${anchor.index}/${anchor.id}${query({ before: 20, after: 20 })}`);
  await expect(page.getByTestId('log-terminal')).toBeVisible();
  expect(violations).toEqual([]);
});
