import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, events, hitsText } from './support/dataset';
import { decodeState } from '@/lib/url-state/codec';

const messageOf = (fields: Record<string, unknown>) => String(fields.log ?? fields.message ?? '');

test('ANSI colour codes become styled text, never raw escapes', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const coloured = events().find((e) => messageOf(e.fields).includes('\u001b[32m'));
  expect(coloured, 'the dataset has lines with ANSI colours').toBeDefined();
  const container = String(coloured!.fields['kubernetes.container_name']);
  await explorer.open({ f: JSON.stringify([{ field: 'kubernetes.container_name', op: 'is', value: container }]) });
  await expect(explorer.total).toHaveText(hitsText(count((e) => e.fields['kubernetes.container_name'] === container)));

  const messages = explorer.grid.locator('[data-column="message"]');
  await expect(messages.locator('.ansi-fg-32').first()).toBeVisible();
  for (const text of await messages.allTextContents()) {
    expect(text).not.toContain('\u001b');
    expect(text).not.toMatch(/\[\d+(;\d+)*m/);
  }
});

test('a long line is cut in the table and shown whole on request', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const long = events()
    .filter((e) => messageOf(e.fields).length > 10_000)
    .sort((a, b) => a.ts - b.ts)[0];
  expect(long, 'the dataset has very long lines').toBeDefined();
  const length = messageOf(long!.fields).length;

  // A link straight to the document: its row is on the first page of this narrow range.
  await explorer.open({
    from: new Date(long!.ts - 1000).toISOString(),
    to: new Date(long!.ts + 1000).toISOString(),
    doc: `${long!.index}/${long!.id}`,
  });
  const row = explorer.grid.locator(`[data-doc-id="${long!.id}"]`);
  const cell = row.locator('[data-column="message"]');
  expect(((await cell.textContent()) ?? '').length).toBeLessThan(1000);
  await expect(cell).toHaveText(/…$/);

  await expect(explorer.documentView).toBeVisible();
  const show = explorer.documentView.getByRole('button', { name: `Show all ${length.toLocaleString('en-US')} characters` });
  await show.click();
  const value = explorer.documentView
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'log', exact: true }) })
    .getByRole('cell')
    .first();
  await expect(value).toContainText(messageOf(long!.fields).slice(-40));
});

test('a JSON line shows its keys and pretty form, in the document view and the pod view; a key that is a field filters', async ({
  page,
}) => {
  const explorer = new ExplorerPage(page);
  const line = events().find((e) => /^\{"level":"[a-z]+","ts":/.test(messageOf(e.fields)) && typeof e.fields.level === 'string')!;
  expect(line, 'the dataset has JSON lines (zap)').toBeDefined();
  const json = JSON.parse(messageOf(line.fields)) as Record<string, unknown>;
  expect(events().some((e) => 'caller' in e.fields)).toBe(false);

  await explorer.open({ doc: `${line.index}/${line.id}` });
  const doc = page.getByRole('dialog', { name: 'Document' }).getByTestId('json-message');
  await expect(doc.locator('pre')).toHaveText(JSON.stringify(json, null, 2));
  await expect(doc.locator('tr[data-key="caller"]')).toContainText(String(json.caller));
  await expect(doc.locator('tr[data-key="caller"]').getByRole('button')).toHaveCount(0);
  await doc.getByRole('button', { name: `Filter for level: ${String(json.level)}` }).click();
  await expect(page).toHaveURL(/f=.*level/);

  const ns = String(line.fields['kubernetes.namespace_name']);
  const pod = String(line.fields['kubernetes.pod_name']);
  const around = { since: new Date(line.ts - 60_000).toISOString(), until: new Date(line.ts + 60_000).toISOString(), line: line.id };
  await page.goto(`/pods/${ns}/${pod}?${new URLSearchParams(around).toString()}`);
  const marked = page.locator(`[data-line-id="${line.id}"]`);
  await marked.getByRole('button', { name: 'JSON' }).click();
  const inPod = marked.getByTestId('json-message');
  await expect(inPod.locator('pre')).toHaveText(JSON.stringify(json, null, 2));
  await inPod.getByRole('link', { name: `Filter out level: ${String(json.level)}` }).click();
  await expect(page).toHaveURL(/\/\?.*f=/);
  expect(decodeState(new URL(page.url()).searchParams).filters).toEqual([
    { field: 'pod', op: 'is', value: pod, negate: false, disabled: false },
    { field: 'level', op: 'is', value: String(json.level), negate: true, disabled: false },
  ]);
});
