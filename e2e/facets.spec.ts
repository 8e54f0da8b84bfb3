import { expect, test } from '@playwright/test';
import { ExplorerPage, facetButtonName } from './pages/explorer-page';
import { count, events, hitsText, topValue } from './support/dataset';

test('including and excluding a facet value filters the logs', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const ns = topValue('kubernetes.namespace_name');

  const facet = page.getByRole('region', { name: 'namespace', exact: true });
  await expect(facet.getByRole('button', { name: facetButtonName('namespace', ns.value, 'Include') })).toContainText(
    ns.count.toLocaleString('en-US'),
  );

  await explorer.untilSearched(() => explorer.facetValue('namespace', ns.value, 'Include').click());
  await expect(explorer.total).toHaveText(hitsText(ns.count));
  await expect(explorer.pill(`kubernetes.namespace_name: ${ns.value}`)).toBeVisible();
  const filters = JSON.parse(explorer.urlParam('f') ?? '[]') as unknown[];
  expect(filters).toEqual([{ field: 'kubernetes.namespace_name', op: 'is', value: ns.value }]);

  // Excluding the same value flips the filter rather than adding a contradicting one.
  await explorer.untilSearched(() => explorer.facetValue('namespace', ns.value, 'Exclude').click());
  await expect(explorer.total).toHaveText(hitsText(events().length - ns.count));
  await expect(explorer.pill(`kubernetes.namespace_name: ${ns.value}`)).toContainText('NOT');

  // A second facet narrows further.
  await explorer.untilSearched(() => explorer.facetValue('level', 'error', 'Include').click());
  const expected = count((e) => e.fields['kubernetes.namespace_name'] !== ns.value && e.fields.level === 'error');
  await expect(explorer.total).toHaveText(hitsText(expected));
});

test('the filter box inside a facet narrows its values', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const facet = page.getByRole('region', { name: 'pod', exact: true });
  const box = facet.getByRole('searchbox', { name: 'Filter pod values' });
  await box.fill('payments-api');
  const values = facet.getByRole('button', { name: /^Include pod / });
  await expect(values.first()).toBeVisible();
  for (const name of await values.allTextContents()) expect(name).toContain('payments-api');
});
