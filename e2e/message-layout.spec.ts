import { expect, test, type Locator, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { events } from './support/dataset';

const messageOf = (fields: Record<string, unknown>) => String(fields.log ?? fields.message ?? '');

/** The part of an element inside the viewport, in pixels of width. */
async function visibleWidth(page: Page, locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return 0;
  return Math.max(0, Math.min(box.x + box.width, viewport.width) - Math.max(box.x, 0));
}

test.describe('the log line is the point', () => {
  test('1280 px: the message is the last column and keeps a meaningful width, also with added columns', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const row = explorer.dataRows().first();
    const message = row.locator('[data-column="message"]');
    await expect(message).not.toBeEmpty();
    // Half of what the time column leaves on a 1280 px screen with the facets beside the table.
    expect(await visibleWidth(page, message)).toBeGreaterThanOrEqual(380);

    // An added column goes before the message, and the message stays in sight.
    await page.getByRole('button', { name: 'Choose columns' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose columns' });
    await picker.getByRole('searchbox', { name: 'Filter fields' }).fill('kubernetes.host');
    await picker.getByRole('checkbox', { name: 'kubernetes.host', exact: true }).check();
    await page.keyboard.press('Escape');
    await expect(explorer.columnHeaders()).toHaveText([
      'Expand',
      /^Time/,
      'namespace',
      'pod',
      'container',
      'level',
      'kubernetes.host',
      'message',
    ]);
    expect(explorer.urlParam('cols')).toBe('namespace,pod,container,level,kubernetes.host,message');
    expect(await visibleWidth(page, row.locator('[data-column="message"]'))).toBeGreaterThanOrEqual(380);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    // The message cannot be removed: it is what the rows are for.
    await expect(explorer.grid.getByRole('button', { name: 'Remove column message' })).toHaveCount(0);
  });

  test('390 px: a row is two lines, time and Kubernetes names above, the message below across the row', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await expect(explorer.grid).toHaveAttribute('data-layout', 'stacked');
    const row = explorer.dataRows().first();
    const message = row.locator('[data-column="message"]');
    await expect(message).not.toBeEmpty();
    // All three boxes in one frame: the chart and the facets arrive after the rows and move them.
    const { time, namespace, box } = await row.evaluate((el) => {
      const rect = (node: Element | null | undefined) => {
        const r = node?.getBoundingClientRect();
        return r ? { y: r.y, height: r.height } : null;
      };
      return {
        time: rect(el.querySelectorAll('[role="gridcell"]')[1]),
        namespace: rect(el.querySelector('[data-column="namespace"]')),
        box: rect(el.querySelector('[data-column="message"]')),
      };
    });
    expect(time && namespace && box).toBeTruthy();
    // Namespace on the time's line, the message below both.
    expect(Math.abs(namespace!.y - time!.y)).toBeLessThan(4);
    expect(box!.y).toBeGreaterThanOrEqual(time!.y + time!.height - 1);
    expect(await visibleWidth(page, message)).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('Wrap lines shows a long line over several lines and is kept by this browser', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    const long = events()
      .filter((e) => messageOf(e.fields).length > 300 && messageOf(e.fields).length < 2000)
      .sort((a, b) => a.ts - b.ts)[0];
    expect(long, 'the dataset has long lines').toBeDefined();
    await explorer.open({ from: new Date(long!.ts).toISOString(), to: new Date(long!.ts + 1).toISOString() });
    const row = explorer.grid.locator(`[data-doc-id="${long!.id}"]`);
    const oneLine = (await row.boundingBox())?.height ?? 0;
    expect(oneLine).toBeLessThan(40);

    const toggle = page.getByRole('button', { name: 'Wrap lines' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await row.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine * 2);
    // Not in the URL: a shared link shows the rows; each reader wraps them or not.
    expect(new URL(page.url()).search).not.toContain('wrap');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Wrap lines' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await row.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine * 2);
  });
});
