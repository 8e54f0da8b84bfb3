import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { eventById } from './support/dataset';

test('columns can be removed and added from the field list', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await expect(explorer.columnHeaders()).toHaveText(['Expand', /^Time/, 'namespace', 'pod', 'container', 'level', 'message']);

  await explorer.grid.getByRole('button', { name: 'Remove column container' }).click();
  await expect(explorer.columnHeaders()).toHaveText(['Expand', /^Time/, 'namespace', 'pod', 'level', 'message']);
  expect(explorer.urlParam('cols')).toBe('namespace,pod,level,message');

  await page.getByRole('button', { name: 'Choose columns' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose columns' });
  await picker.getByRole('searchbox', { name: 'Filter fields' }).fill('kubernetes.host');
  await picker.getByRole('checkbox', { name: 'kubernetes.host', exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(explorer.columnHeaders()).toHaveText(['Expand', /^Time/, 'namespace', 'pod', 'level', 'kubernetes.host', 'message']);

  const row = explorer.dataRows().first();
  const id = (await row.getAttribute('data-doc-id')) ?? '';
  const host = eventById(id)?.fields['kubernetes.host'];
  await expect(row.locator('[data-column="kubernetes.host"]')).toHaveText(typeof host === 'string' ? host : '');

  // Columns are screen state only: no new search for them, and they survive a reload.
  await page.reload();
  await expect(explorer.columnHeaders()).toHaveText(['Expand', /^Time/, 'namespace', 'pod', 'level', 'kubernetes.host', 'message']);
});
