/**
 * Links from released URL shapes open the screen they opened when they were shared: two of the
 * fixture URLs (lib/url-state/url-fixtures.ts), one current and one from before links carried
 * a version, checked against the counts the generator gives.
 */
import { expect, test } from '@playwright/test';
import { decodeState } from '@/lib/url-state/codec';
import { urlFixture } from '@/lib/url-state/url-fixtures';
import { ExplorerPage } from './pages/explorer-page';
import { count, hitsText } from './support/dataset';

test('a v1 link with a query, an excluded namespace, chosen columns and oldest-first order', async ({ page }) => {
  const fixture = urlFixture('v1: KQL, an excluded namespace, chosen columns, oldest first');
  const explorer = new ExplorerPage(page);
  await explorer.openPath(fixture.url);

  const expected = count((e) => e.fields.level === 'error' && e.fields['kubernetes.namespace_name'] !== 'payments');
  await expect(explorer.total).toHaveText(hitsText(expected));
  await expect(explorer.searchBox).toHaveValue('level:error');
  await expect(explorer.grid.getByRole('button', { name: /^Time, oldest first/ })).toBeVisible();
  await expect(explorer.columnHeaders()).toContainText(['pod', 'message']);
  await expect(explorer.columnHeaders()).not.toContainText(['namespace']);
  expect(decodeState(new URL(page.url()).searchParams)).toEqual(fixture.state);
});

test('an unversioned (v0) link opens the same screen and is rewritten to the current shape', async ({ page }) => {
  const fixture = urlFixture('v0: a hand-typed query and range (unencoded colons)');
  const explorer = new ExplorerPage(page);
  await explorer.openPath(fixture.url);

  const from = Date.parse(fixture.state.time.from);
  const to = Date.parse(fixture.state.time.to);
  const expected = count((e) => e.fields.level === 'warn' && e.ts >= from && e.ts <= to);
  await expect(explorer.total).toHaveText(hitsText(expected));
  await expect(explorer.searchBox).toHaveValue('level:warn');
  await expect.poll(() => explorer.urlParam('v')).toBe('1');
  expect(decodeState(new URL(page.url()).searchParams)).toEqual(fixture.state);
});
