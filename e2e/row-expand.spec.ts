import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, eventById, hitsText } from './support/dataset';

test('expanding a row shows its fields and JSON, and Esc closes it', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ q: 'level:error' });
  const row = explorer.dataRows().nth(1);
  const id = (await row.getAttribute('data-doc-id')) ?? '';
  const expected = eventById(id);
  expect(expected, `document ${id} is in the dataset`).toBeDefined();

  await row.getByRole('button', { name: 'Expand document' }).click();
  await expect(explorer.documentView).toBeVisible();
  expect(explorer.urlParam('doc')).toBe(`${expected!.index}/${id}`);
  await expect(row.getByRole('button', { name: 'Collapse document' })).toHaveAttribute('aria-expanded', 'true');

  for (const field of ['kubernetes.pod_name', 'kubernetes.namespace_name', 'level', 'stream']) {
    const value = expected!.fields[field];
    if (typeof value !== 'string') continue;
    const fieldRow = explorer.documentView.getByRole('row').filter({ has: page.getByRole('rowheader', { name: field, exact: true }) });
    await expect(fieldRow.getByRole('cell').first()).toHaveText(value);
  }

  await explorer.documentView.getByRole('tab', { name: 'JSON' }).click();
  const json = explorer.documentView.getByLabel('Document as JSON');
  await expect(json).toContainText(`"_id": "${id}"`);
  const parsed = JSON.parse((await json.textContent()) ?? '{}') as { fields: Record<string, unknown> };
  expect(parsed.fields['kubernetes.pod_name']).toBe(expected!.fields['kubernetes.pod_name']);

  await page.keyboard.press('Escape');
  await expect(explorer.documentView).toHaveCount(0);
  expect(explorer.urlParam('doc')).toBeNull();
});

test('a value in the document view can be turned into a filter', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ q: 'level:error' });
  const row = explorer.dataRows().first();
  const id = (await row.getAttribute('data-doc-id')) ?? '';
  const pod = String(eventById(id)?.fields['kubernetes.pod_name']);
  await row.click();
  await explorer.untilSearched(() =>
    explorer.documentView.getByRole('button', { name: `Filter for kubernetes.pod_name: ${pod}`, exact: true }).click(),
  );
  await expect(explorer.pill(`kubernetes.pod_name: ${pod}`)).toBeVisible();
  await expect(explorer.total).toHaveText(hitsText(count((e) => e.fields.level === 'error' && e.fields['kubernetes.pod_name'] === pod)));
});
