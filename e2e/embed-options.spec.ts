import http from 'node:http';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import type { CreateEmbedResponse } from '@/lib/schema/embeds';
import { watchCsp } from './support/csp';
import { DATASET_RANGE, ERRORS_SCREEN, events, hitsText } from './support/dataset';

/**
 * The panel options, seen from a host page on another origin (http://localhost:<port + 50>,
 * allowed by playwright.config.ts): title shown or hidden, light / dark / the viewer's theme,
 * a time-range choice held to the maximum window, auto-refresh, and a panel that fills frames
 * of any size. And the Embed dialog's live preview, which follows the options before anything
 * is made.
 */
const port = (baseURL: string | undefined) => Number(new URL(baseURL ?? 'http://127.0.0.1:3100').port);
const DARK_SURFACE = 'rgb(21, 26, 34)';
const LIGHT_SURFACE = 'rgb(255, 255, 255)';

async function hostPage(hostPort: number, frames: { id: string; src: string; width: number; height: number }[]): Promise<http.Server> {
  const html = frames.map((f) => `<iframe id="${f.id}" src="${f.src}" width="${f.width}" height="${f.height}" style="border:0"></iframe>`);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>host</title>${html.join('')}`);
  });
  await new Promise<void>((resolve) => server.listen(hostPort, '127.0.0.1', resolve));
  return server;
}

async function makeEmbed(page: Page, host: string, options: Record<string, unknown>): Promise<CreateEmbedResponse> {
  const res = await page.request.post('/api/embeds', { data: { state: ERRORS_SCREEN, origins: [host], ...options } });
  expect(res.status()).toBe(201);
  return (await res.json()) as CreateEmbedResponse;
}

const surface = (frame: FrameLocator) => frame.getByTestId('embed-panel').evaluate((el) => getComputedStyle(el).backgroundColor);

test('panel options in a host page: hidden title, dark theme, range within the window, auto-refresh, filling frames of any size', async ({
  page,
  baseURL,
}) => {
  const host = `http://localhost:${port(baseURL) + 50}`;
  const made = await makeEmbed(page, host, {
    panel: 'histogram',
    title: 'Errors per hour',
    showTitle: false,
    theme: 'dark',
    refreshSeconds: 10,
    allowTimeChange: true,
    maxWindowHours: 6,
  });
  const src = `${baseURL}${made.url}`;
  const server = await hostPage(port(baseURL) + 50, [
    { id: 'small', src, width: 340, height: 180 },
    { id: 'large', src, width: 1000, height: 480 },
  ]);
  try {
    const violations = await watchCsp(page);
    const dataRequests: number[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/api/embeds/${made.embed.id}/data`)) dataRequests.push(Date.now());
    });
    await page.goto(`${host}/`);
    const small = page.frameLocator('#small');
    const large = page.frameLocator('#large');
    for (const frame of [small, large]) {
      await expect(frame.getByTestId('histogram-chart')).toBeVisible();
      await expect(frame.getByRole('heading')).toHaveCount(0);
      expect(await surface(frame)).toBe(DARK_SURFACE);
      await expect(frame.getByRole('link', { name: 'Open in Log Explorer' })).toHaveAttribute('target', '_blank');
    }
    // Each panel fills its frame exactly and never scrolls sideways; the chart takes the room it has.
    for (const [id, width, height] of [
      ['small', 340, 180],
      ['large', 1000, 480],
    ] as const) {
      const box = await page.frameLocator(`#${id}`).getByTestId('embed-panel').boundingBox();
      const frameBox = await page.locator(`#${id}`).boundingBox();
      expect(box && frameBox && { w: Math.round(box.width), h: Math.round(box.height) }).toEqual({ w: width, h: height });
      const overflow = await page
        .frameLocator(`#${id}`)
        .locator('html')
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBe(0);
    }
    const chartHeight = async (frame: FrameLocator) => (await frame.getByTestId('histogram-chart').boundingBox())?.height ?? 0;
    expect(await chartHeight(large)).toBeGreaterThan((await chartHeight(small)) + 150);

    // The range choice offers nothing wider than the 6 h window, and asks for the one picked
    // (once the page's script runs: the panel says so).
    await expect(large.getByTestId('embed-panel')).toHaveAttribute('data-ready', 'true');
    const range = large.getByRole('combobox', { name: 'Time range' });
    const labels = await range.locator('option').allTextContents();
    expect(labels).toEqual(['As saved', 'Last 15 minutes', 'Last 1 hour', 'Last 6 hours']);
    const asked = page.waitForRequest((r) => r.url().endsWith('/data') && r.postData()?.includes('"time"') === true);
    await range.selectOption({ label: 'Last 1 hour' });
    expect(JSON.parse((await asked).postData() ?? '{}')).toMatchObject({ time: { from: 'now-60m', to: 'now' } });

    // Auto-refresh: both frames ask again within ~10 s without anyone touching them.
    const first = dataRequests.length;
    await expect.poll(() => dataRequests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(first + 2);
    expect(violations).toEqual([]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the viewer’s theme: an "auto" panel follows the host browser’s prefers-color-scheme; the title shows', async ({ page, baseURL }) => {
  const host = `http://localhost:${port(baseURL) + 50}`;
  const made = await makeEmbed(page, host, { panel: 'results', title: 'Errors in the test cluster', theme: 'auto', maxWindowHours: 48 });
  const server = await hostPage(port(baseURL) + 50, [{ id: 'panel', src: `${baseURL}${made.url}`, width: 800, height: 400 }]);
  try {
    const errors = events().filter((e) => e.fields.level === 'error').length;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${host}/`);
    const frame = page.frameLocator('#panel');
    await expect(frame.getByRole('heading', { name: 'Errors in the test cluster' })).toBeVisible();
    await expect(frame.getByTestId('embed-total')).toHaveText(hitsText(errors));
    expect(await surface(frame)).toBe(DARK_SURFACE);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => surface(frame)).toBe(LIGHT_SURFACE);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the Embed dialog’s live preview follows the options before the embed is made', async ({ page }) => {
  await page.goto(`/?v=1&q=level%3Aerror&from=${encodeURIComponent(DATASET_RANGE.from)}&to=${encodeURIComponent(DATASET_RANGE.to)}`);
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed' });
  const preview = dialog.getByRole('region', { name: 'Live preview' });
  await expect(preview.getByTestId('histogram-chart')).toBeVisible();
  await dialog.getByLabel('Panel', { exact: true }).selectOption('facets');
  await expect(preview.getByRole('region', { name: 'namespace' })).toBeVisible();
  await dialog.getByLabel('Title', { exact: true }).fill('Where the errors are');
  await expect(preview.getByRole('heading', { name: 'Where the errors are' })).toBeVisible();
  await dialog.getByLabel('Show the title in the panel').uncheck();
  await expect(preview.getByRole('heading', { name: 'Where the errors are' })).toHaveCount(0);
  await dialog.getByLabel('Theme').selectOption('dark');
  await expect(preview.getByTestId('embed-panel')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByLabel('Viewers may change the time range').check();
  await dialog.getByLabel('Longest range').selectOption('6');
  await expect(preview.getByRole('combobox', { name: 'Time range' }).locator('option')).toHaveText([
    'As saved',
    'Last 15 minutes',
    'Last 1 hour',
    'Last 6 hours',
  ]);
  await expect(dialog.getByLabel('Auto-refresh')).toHaveValue('0');
  await dialog.getByLabel('Auto-refresh').selectOption('60');
  const errors = events().filter((e) => e.fields.level === 'error');
  const namespaces = new Map<string, number>();
  for (const e of errors) {
    const ns = String(e.fields['kubernetes.namespace_name']);
    namespaces.set(ns, (namespaces.get(ns) ?? 0) + 1);
  }
  const [topNamespace, topCount] = [...namespaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  await expect(preview.getByRole('region', { name: 'namespace' }).getByRole('listitem').first()).toContainText(
    `${topNamespace}${topCount.toLocaleString('en-US')}`,
  );
});
