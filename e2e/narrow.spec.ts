import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ExplorerPage, facetButtonName } from './pages/explorer-page';
import { events, hitsText, topValue } from './support/dataset';

const SHOTS = path.join(import.meta.dirname, 'output', 'screenshots');

test.describe('screen sizes', () => {
  test('1280×800: facets beside the table', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    const explorer = new ExplorerPage(page);
    await explorer.open({ q: 'level:error or level:warn' });
    await expect(page.getByRole('navigation', { name: 'Facets' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Facets', exact: true })).toHaveCount(0);
    await explorer.chartDrawn();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'explorer-1280.png') });
  });

  test('390 px: facets in a drawer, no sideways scrolling of the page', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await expect(explorer.total).toHaveText(hitsText(events().length));
    await expect(page.getByRole('navigation', { name: 'Facets' })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await explorer.chartDrawn();
    await page.screenshot({ path: path.join(SHOTS, 'explorer-390.png') });

    await page.getByRole('button', { name: 'Facets', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Facets' });
    await expect(drawer).toBeVisible();
    const ns = topValue('kubernetes.namespace_name');
    await explorer.untilSearched(() => drawer.getByRole('button', { name: facetButtonName('namespace', ns.value, 'Include') }).click());
    await expect(drawer).toBeHidden();
    await expect(explorer.total).toHaveText(hitsText(ns.count));

    await explorer.dataRows().first().click();
    await expect(explorer.documentView).toBeVisible();
    const box = await explorer.documentView.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    await explorer.documentView.getByRole('button', { name: 'Close document' }).click();
    await expect(explorer.documentView).toHaveCount(0);
  });
});
