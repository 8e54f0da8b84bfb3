import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, DATASET_RANGE, events, hitsText } from './support/dataset';

test('dragging across the histogram zooms the time range', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect(explorer.total).toHaveText(hitsText(events().length));
  await expect(page.getByText(/^per \d+ (s|min|h)$/)).toBeVisible();

  await explorer.untilSearched(() => explorer.dragHistogram(0.3, 0.6));
  const from = explorer.urlParam('from') ?? '';
  const to = explorer.urlParam('to') ?? '';
  expect(from).not.toBe(DATASET_RANGE.from);
  expect(to).not.toBe(DATASET_RANGE.to);
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  expect(fromMs).toBeGreaterThan(Date.parse(DATASET_RANGE.from));
  expect(toMs).toBeLessThan(Date.parse(DATASET_RANGE.to));

  // The API's range includes both ends.
  const expected = count((e) => e.ts >= fromMs && e.ts <= toMs);
  expect(expected).toBeLessThan(events().length);
  await expect(explorer.total).toHaveText(hitsText(expected));
  await expect(page.getByRole('button', { name: 'Time range' })).toContainText('→');

  // Back returns to the whole range (from the cache: that screen was already fetched).
  await page.goBack();
  await expect(explorer.total).toHaveText(hitsText(events().length));
});
