import AxeBuilder from '@axe-core/playwright';
import { Client } from '@elastic/elasticsearch';
import { expect, test, type Page } from '@playwright/test';
import { E2E_CONFLICTS_INDEX_PATTERN } from '@/lib/demo-cluster/test-dataset';
import { engineConnection } from '@/lib/es/connection';
import { ExplorerPage } from './pages/explorer-page';

/**
 * The e2e server's `conflicts` source: two small indices of the spec's own in which `level` is a
 * keyword in one and a long in the other, so its values cannot be counted.
 */
const INDICES = ['keyword', 'long'].map((kind) => E2E_CONFLICTS_INDEX_PATTERN.replace('*', `${process.pid}-${kind}`));
const client = new Client(engineConnection().options);

/** axe's serious and critical findings (WCAG 2.x A/AA and best practice) inside `include`. */
async function seriousViolations(page: Page, include: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test.beforeAll(async () => {
  await client.indices.delete({ index: INDICES, ignore_unavailable: true });
  for (const [i, index] of INDICES.entries()) {
    await client.indices.create({
      index,
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: {
        properties: {
          '@timestamp': { type: 'date' },
          log: { type: 'text' },
          level: { type: i === 0 ? 'keyword' : 'long' },
          kubernetes: { properties: { namespace_name: { type: 'keyword' }, pod_name: { type: 'keyword' } } },
        },
      },
    });
  }
  const now = Date.now();
  const res = await client.bulk({
    refresh: true,
    operations: INDICES.flatMap((index, i) => [
      { index: { _index: index } },
      {
        '@timestamp': new Date(now - (i + 1) * 60_000).toISOString(),
        log: `line ${i}`,
        level: i === 0 ? 'error' : 3,
        kubernetes: { namespace_name: 'clash', pod_name: `clash-${i}` },
      },
    ]),
  });
  expect(res.errors).toBe(false);
});

test.afterAll(async () => {
  await client.indices.delete({ index: INDICES, ignore_unavailable: true });
  await client.close();
});

test('a field mapped differently across indices: the query bar says why it suggests no values', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ src: 'conflicts', from: 'now-1h', to: 'now' });
  const box = explorer.searchBox;
  await box.click();
  await box.pressSequentially('level:');

  const note = page.getByRole('status').filter({ hasText: /level is mapped as keyword in some indices and long in others/ });
  await expect(note).toBeVisible();
  await expect(note).toContainText('cannot be counted');
  // Read with the input, and not dressed up as an option: there is nothing to pick.
  await expect(box).toHaveAccessibleDescription(/level is mapped as keyword in some indices and long in others/);
  await expect(explorer.querySuggestions()).toHaveCount(0);
  expect(await seriousViolations(page, 'form[role="search"]')).toEqual([]);

  // Esc closes it like a list, and never clears the query.
  await box.press('Escape');
  await expect(note).toBeHidden();
  await expect(box).toHaveValue('level:');

  // A field that can be counted suggests its values as before, with no note.
  await box.fill('');
  await box.pressSequentially('kubernetes.namespace_name:');
  await expect(explorer.option(explorer.querySuggestions(), 'clash')).toBeVisible();
  await expect(note).toBeHidden();
});

test('the filter form says the same for its value, adding a filter and editing one', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ src: 'conflicts', from: 'now-1h', to: 'now' });
  const noteText = /level is mapped as keyword in some indices and long in others/;

  const form = await explorer.openAddFilter();
  const field = form.getByRole('combobox', { name: 'Field' });
  await field.pressSequentially('level');
  await explorer.highlightWithKeyboard(field, form.getByRole('listbox', { name: 'Field suggestions' }), 'level');
  await field.press('Enter');
  const value = form.getByRole('combobox', { name: 'Value' });
  await value.click();
  const note = form.getByRole('status').filter({ hasText: noteText });
  await expect(note).toBeVisible();
  await expect(note).toContainText('cannot be counted');
  await expect(value).toHaveAccessibleDescription(noteText);
  await expect(form.getByRole('listbox', { name: 'Value suggestions' })).toHaveCount(0);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await value.press('Escape');
  await expect(note).toBeHidden();

  // A value is still typed by hand, and the filter applies to the index where it is a keyword.
  await value.fill('error');
  await explorer.untilSearched(() => form.getByRole('button', { name: 'Add filter' }).click());
  await expect(explorer.pill('level: error')).toBeVisible();

  const edit = await explorer.openPillEditor('level: error');
  const editValue = edit.getByRole('combobox', { name: 'Value' });
  await editValue.click();
  await expect(edit.getByRole('status').filter({ hasText: noteText })).toBeVisible();
  await expect(editValue).toHaveAccessibleDescription(noteText);

  // A countable field in the same form suggests its values with no note.
  await edit.getByRole('combobox', { name: 'Field' }).fill('kubernetes.namespace_name');
  await editValue.fill('');
  await expect(explorer.option(edit.getByRole('listbox', { name: 'Value suggestions' }), 'clash')).toBeVisible();
  await expect(edit.getByRole('status').filter({ hasText: noteText })).toHaveCount(0);
});
