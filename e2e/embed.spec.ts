import http from 'node:http';
import { expect, test } from '@playwright/test';
import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import { watchCsp } from './support/csp';
import { DATASET_RANGE, ERRORS_SCREEN, events, hitsText } from './support/dataset';

/**
 * Embedded panels inside host pages served from other origins on this machine: the allowed host
 * (playwright.config.ts names http://localhost:<port + 50> in EMBED_ALLOWED_ORIGINS) shows the
 * panel; another one is refused by Chromium itself.
 */

const port = (baseURL: string | undefined) => Number(new URL(baseURL ?? 'http://127.0.0.1:3100').port);

async function hostPage(hostPort: number, iframeSrc: string): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><title>host</title><h1>Status page</h1><iframe id="panel" src="${iframeSrc}" width="900" height="420"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(hostPort, '127.0.0.1', resolve));
  return server;
}

test('a results panel renders inside an allowed host, is refused inside another, and a revoked one shows nothing', async ({
  page,
  request,
  baseURL,
}) => {
  const appPort = port(baseURL);
  const made = await request.post('/api/embeds', {
    data: {
      panel: 'results',
      title: 'Errors in the test cluster',
      state: ERRORS_SCREEN,
      origins: [`http://localhost:${appPort + 50}`],
      maxWindowHours: 48,
    },
  });
  expect(made.status()).toBe(201);
  const embed = (await made.json()) as CreateEmbedResponse;
  const src = `${baseURL}${embed.url}`;
  const allowed = await hostPage(appPort + 50, src);
  const other = await hostPage(appPort + 51, src);
  try {
    const violations = await watchCsp(page);
    const frameScripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && r.frame() !== page.mainFrame()) frameScripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`http://localhost:${appPort + 50}/`);
    const panel = page.frameLocator('#panel');
    await expect(panel.getByRole('heading', { name: 'Errors in the test cluster' })).toBeVisible();
    const errors = events().filter((e) => e.fields.level === 'error').length;
    await expect(panel.getByTestId('embed-total')).toHaveText(hitsText(errors));
    const rows = panel.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
    await expect(rows).toHaveCount(Math.min(100, errors));
    // The page is its HTML and one small script of its own (no React, no Next.js runtime).
    await expect(panel.getByTestId('embed-panel')).toHaveAttribute('data-ready', 'true');
    expect(frameScripts).toEqual([expect.stringMatching(/^\/embed-assets\/panel-[0-9a-f]{12}\.js$/)]);
    await rows.first().getByRole('button').click();
    await expect(
      panel
        .getByRole('definition')
        .filter({ hasText: /^error$/ })
        .first(),
    ).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Open in Log Explorer' })).toHaveAttribute('target', '_blank');
    expect(violations).toEqual([]);

    // The same panel on a host the token does not name: Chromium refuses to show it.
    const refused: string[] = [];
    page.on('console', (msg) => refused.push(msg.text()));
    await page.goto(`http://127.0.0.1:${appPort + 51}/`);
    await page.waitForTimeout(1_500);
    await expect(page.frameLocator('#panel').getByText('Errors in the test cluster')).toHaveCount(0);
    expect(refused.join('\n')).toMatch(/frame-ancestors/);

    // Revoked: the page and its data answer "not available", nothing else.
    expect((await request.delete(`/api/embeds/${embed.embed.id}`)).status()).toBe(204);
    await page.goto(`http://localhost:${appPort + 50}/`);
    await expect(page.frameLocator('#panel').getByText('This panel is not available.')).toBeVisible();
  } finally {
    await new Promise((resolve) => allowed.close(resolve));
    await new Promise((resolve) => other.close(resolve));
  }
});

test('the panel’s data is in the page itself: it shows with scripts turned off', async ({ browser, request, baseURL }) => {
  const appPort = port(baseURL);
  const made = await request.post('/api/embeds', {
    data: {
      panel: 'facets',
      title: 'Where the errors are',
      state: ERRORS_SCREEN,
      origins: [`http://localhost:${appPort + 50}`],
    },
  });
  const embed = (await made.json()) as CreateEmbedResponse;
  const host = await hostPage(appPort + 50, `${baseURL}${embed.url}`);
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`http://localhost:${appPort + 50}/`);
    const panel = page.frameLocator('#panel');
    const errors = events().filter((e) => e.fields.level === 'error').length;
    await expect(panel.getByTestId('embed-total')).toHaveText(hitsText(errors));
    await expect(panel.getByRole('region', { name: 'namespace' }).getByRole('listitem').first()).toBeVisible();
    await expect(panel.getByTestId('embed-panel')).not.toHaveAttribute('data-ready', 'true');
  } finally {
    await context.close();
    await new Promise((resolve) => host.close(resolve));
  }
});

test('a tampered token gets a 403 page that no one may frame', async ({ request }) => {
  const res = await request.get('/embed/AAAAAAAAAAAAAAAAAAAA?t=eyJhbGciOiJIUzI1NiJ9.e30.AAAA');
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain('This panel is not available.');
  expect(res.headers()['x-frame-options']).toBe('DENY');
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('the Embed dialog makes a panel of the screen, previews it, copies its snippet and revokes it', async ({ page, baseURL }) => {
  const appPort = port(baseURL);
  const violations = await watchCsp(page);
  await page.goto(`/?v=1&from=${encodeURIComponent(DATASET_RANGE.from)}&to=${encodeURIComponent(DATASET_RANGE.to)}`);
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await page.getByLabel('Panel', { exact: true }).selectOption('facets');
  await page.getByLabel('Host page origin').fill(`http://localhost:${appPort + 50}`);
  await page.getByLabel('Longest range').selectOption('168');
  const made = page.waitForResponse((r) => r.url().endsWith('/api/embeds') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Make embed and copy snippet' }).click();
  expect((await made).status()).toBe(201);
  const snippet = page.getByLabel('Snippet for the host page');
  await expect(snippet).toHaveValue(new RegExp(`^<iframe src="${baseURL}/embed/[0-9A-Za-z]{20}\\?t=`));
  const preview = page.frameLocator('iframe[title="Embed preview"]');
  await expect(preview.getByRole('region', { name: 'namespace' })).toBeVisible();
  const id = /\/embed\/([0-9A-Za-z]{20})/.exec(await snippet.inputValue())?.[1] ?? '';
  const revoke = page.getByRole('button', { name: `Revoke embed ${id}` });
  await expect(revoke).toBeVisible();
  await revoke.click();
  await expect(revoke).toHaveCount(0);
  expect(violations).toEqual([]);
});
