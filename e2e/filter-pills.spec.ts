import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, events, hitsText } from './support/dataset';

test('a filter pill can be negated, disabled and removed', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const filter = [{ field: 'kubernetes.container_name', op: 'is', value: 'payments-api' }];
  await explorer.open({ f: JSON.stringify(filter) });
  const matching = count((e) => e.fields['kubernetes.container_name'] === 'payments-api');
  expect(matching).toBeGreaterThan(0);
  await expect(explorer.total).toHaveText(hitsText(matching));

  const label = 'kubernetes.container_name: payments-api';
  const pill = explorer.pill(label);
  await explorer.untilSearched(() => pill.getByRole('button', { name: `Negate filter ${label}` }).click());
  await expect(explorer.total).toHaveText(hitsText(events().length - matching));
  await expect(pill).toContainText('NOT');
  expect(JSON.parse(explorer.urlParam('f') ?? '[]')).toEqual([{ ...filter[0], negate: true }]);

  await explorer.untilSearched(() => pill.getByRole('button', { name: `Disable filter ${label}` }).click());
  await expect(explorer.total).toHaveText(hitsText(events().length));
  await expect(pill.getByRole('button', { name: `Enable filter ${label}` })).toBeVisible();

  // Screens seen before come from the cache, without a request.
  await pill.getByRole('button', { name: `Enable filter ${label}` }).click();
  await expect(explorer.total).toHaveText(hitsText(events().length - matching));

  await pill.getByRole('button', { name: `Remove filter ${label}` }).click();
  await expect(pill).toHaveCount(0);
  await expect(explorer.total).toHaveText(hitsText(events().length));
  expect(explorer.urlParam('f')).toBeNull();
});
