import { expect, test } from '@playwright/test';
import { NO_LEVEL_KEY, sortLevels } from '@/components/histogram/level-colors';
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

test('the chart has a legend for its level colours and linear y ticks at round numbers', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.chartDrawn();
  const levels = new Set(events().map((e) => (typeof e.fields.level === 'string' ? e.fields.level : NO_LEVEL_KEY)));
  await expect(page.getByRole('list', { name: 'Level colours' }).getByRole('listitem')).toHaveText(sortLevels(levels));

  const labels = await explorer.histogram.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  const values = labels.map((l) => Number(l.replace(/,/g, '').replace(/k$/, '000')));
  expect(values[0]).toBe(0);
  const step = values[1]! - values[0]!;
  expect(String(step)).toMatch(/^(1|2|25|5)0*$/);
  expect(values.every((v, i) => v === i * step)).toBe(true);
});

test('a range over more than one year puts the year in the axis labels', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ from: '2025-06-01T00:00:00.000Z', to: DATASET_RANGE.to });
  const ticks = explorer.histogram.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toBeVisible();
  const labels = await ticks.allTextContents();
  expect(labels.length).toBeGreaterThan(1);
  for (const label of labels) expect(label).toMatch(/\b20(25|26)\b/);
});
