import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, hitsText } from './support/dataset';

test('reload and a fresh browser with the copied URL show the same rows', async ({ page, browser }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.search('level:warn or level:error');
  await explorer.untilSearched(() => explorer.facetValue('namespace', 'payments', 'Exclude').click());
  await explorer.untilSearched(() => explorer.grid.getByRole('button', { name: /^Time, newest first/ }).click());
  await explorer.grid.getByRole('button', { name: 'Remove column pod' }).click();

  const expected = count(
    (e) => (e.fields.level === 'warn' || e.fields.level === 'error') && e.fields['kubernetes.namespace_name'] !== 'payments',
  );
  await expect(explorer.total).toHaveText(hitsText(expected));
  const ids = (await explorer.renderedIds()).slice(0, 15);
  const url = page.url();

  await explorer.untilSearched(() => page.reload());
  await expect(explorer.total).toHaveText(hitsText(expected));
  expect((await explorer.renderedIds()).slice(0, 15)).toEqual(ids);
  expect(page.url()).toBe(url);

  const context = await browser.newContext();
  try {
    const fresh = new ExplorerPage(await context.newPage());
    await fresh.untilSearched(() => fresh.page.goto(url));
    await expect(fresh.searchBox).toHaveValue('level:warn or level:error');
    await expect(fresh.total).toHaveText(hitsText(expected));
    await expect(fresh.grid.getByRole('button', { name: /^Time, oldest first/ })).toBeVisible();
    await expect(fresh.columnHeaders()).not.toContainText(['pod']);
    expect((await fresh.renderedIds()).slice(0, 15)).toEqual(ids);
  } finally {
    await context.close();
  }
});

test('a broken parameter falls back to its default instead of breaking the screen', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ f: '[{"field":', sort: 'sideways', cols: '', lang: 'sql', q: 'level:fatal' });
  await expect(explorer.total).toHaveText(hitsText(count((e) => e.fields.level === 'fatal')));
  await expect(explorer.grid.getByRole('button', { name: /^Time, newest first/ })).toBeVisible();
  expect(explorer.urlParam('f')).toBeNull();
  expect(explorer.urlParam('sort')).toBeNull();
});
