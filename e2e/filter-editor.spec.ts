import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, DATASET_RANGE, events, hitsText } from './support/dataset';

const CONTAINER = 'kubernetes.container_name';

test('add a filter with the form: field type-ahead, value suggestion', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const form = await explorer.openAddFilter();

  const field = form.getByRole('combobox', { name: 'Field' });
  await expect(field).toBeFocused();
  await field.pressSequentially('container_na');
  const fields = form.getByRole('listbox', { name: 'Field suggestions' });
  await explorer.highlightWithKeyboard(field, fields, CONTAINER);
  await field.press('Enter');
  await expect(field).toHaveValue(CONTAINER);
  await expect(form.getByRole('combobox', { name: 'Operator' })).toHaveValue('is');

  const value = form.getByRole('combobox', { name: 'Value' });
  await value.click();
  await value.pressSequentially('payments');
  const expected = count((e) => e.fields[CONTAINER] === 'payments-api');
  const option = explorer.option(form.getByRole('listbox', { name: 'Value suggestions' }), 'payments-api');
  await expect(option).toHaveAccessibleName(`payments-api, ${expected.toLocaleString('en-US')}`);
  await option.click();
  await expect(value).toHaveValue('payments-api');

  await explorer.untilSearched(() => form.getByRole('button', { name: 'Add filter' }).click());
  await expect(form).toBeHidden();
  await expect(explorer.pill(`${CONTAINER}: payments-api`)).toBeVisible();
  await expect(explorer.total).toHaveText(hitsText(expected));
  expect(JSON.parse(explorer.urlParam('f') ?? '[]')).toEqual([{ field: CONTAINER, op: 'is', value: 'payments-api' }]);
});

test('the form refuses an incomplete filter and says why', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const form = await explorer.openAddFilter();
  await form.getByRole('button', { name: 'Add filter' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose a field');
  await form.getByRole('combobox', { name: 'Field' }).fill('no.such.field');
  await form.getByRole('button', { name: 'Add filter' }).click();
  await expect(form.getByRole('alert')).toHaveText('This source has no field "no.such.field"');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  expect(explorer.urlParam('f')).toBeNull();
});

test('edit a pill: change its value, then its operator; negate and disable it', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ f: JSON.stringify([{ field: CONTAINER, op: 'is', value: 'payments-api' }]) });
  await expect(explorer.total).toHaveText(hitsText(count((e) => e.fields[CONTAINER] === 'payments-api')));

  let form = await explorer.openPillEditor(`${CONTAINER}: payments-api`);
  await expect(form.getByRole('combobox', { name: 'Field' })).toHaveValue(CONTAINER);
  const value = form.getByRole('combobox', { name: 'Value' });
  await expect(value).toHaveValue('payments-api');
  await value.fill('checkout');
  await explorer.untilSearched(() => form.getByRole('button', { name: 'Update filter' }).click());
  const checkout = count((e) => e.fields[CONTAINER] === 'checkout');
  expect(checkout).toBeGreaterThan(0);
  await expect(explorer.total).toHaveText(hitsText(checkout));
  await expect(explorer.pill(`${CONTAINER}: checkout`)).toBeVisible();
  expect(JSON.parse(explorer.urlParam('f') ?? '[]')).toEqual([{ field: CONTAINER, op: 'is', value: 'checkout' }]);

  // "is one of" on the level, values added with Enter.
  form = await explorer.openPillEditor(`${CONTAINER}: checkout`);
  await form.getByRole('combobox', { name: 'Field' }).fill('level');
  await form.getByRole('combobox', { name: 'Operator' }).selectOption({ label: 'is one of' });
  const values = form.getByRole('combobox', { name: 'Value' });
  await values.fill('error');
  await values.press('Enter');
  await values.fill('fatal');
  await values.press('Enter');
  await expect(form.getByRole('list', { name: 'Values' }).getByRole('listitem')).toHaveText(['error', 'fatal']);
  await explorer.untilSearched(() => form.getByRole('button', { name: 'Update filter' }).click());
  const label = 'level: is one of (error, fatal)';
  const severe = count((e) => e.fields.level === 'error' || e.fields.level === 'fatal');
  await expect(explorer.total).toHaveText(hitsText(severe));

  const pill = explorer.pill(label);
  await explorer.untilSearched(() => pill.getByRole('button', { name: `Negate filter ${label}` }).click());
  await expect(pill).toContainText('NOT');
  await expect(explorer.total).toHaveText(hitsText(events().length - severe));
  await explorer.untilSearched(() => pill.getByRole('button', { name: `Disable filter ${label}` }).click());
  await expect(explorer.total).toHaveText(hitsText(events().length));
  expect(JSON.parse(explorer.urlParam('f') ?? '[]')).toEqual([
    { field: 'level', op: 'is_one_of', value: ['error', 'fatal'], negate: true, disabled: true },
  ]);
});

test('exists and between from the form', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  let form = await explorer.openAddFilter();
  await form.getByRole('combobox', { name: 'Field' }).fill('message');
  await form.getByRole('combobox', { name: 'Operator' }).selectOption({ label: 'exists' });
  await expect(form.getByRole('combobox', { name: 'Value' })).toHaveCount(0);
  await explorer.untilSearched(() => form.getByRole('button', { name: 'Add filter' }).click());
  await expect(explorer.total).toHaveText(hitsText(count((e) => e.fields.message !== undefined)));
  await expect(explorer.pill('message: exists')).toBeVisible();

  const end = Date.parse(DATASET_RANGE.to);
  const gte = new Date(end - 6 * 3_600_000).toISOString();
  const lt = new Date(end - 3_600_000).toISOString();
  form = await explorer.openPillEditor('message: exists');
  await form.getByRole('combobox', { name: 'Field' }).fill('@timestamp');
  await form.getByRole('combobox', { name: 'Operator' }).selectOption({ label: 'between' });
  await form.getByRole('textbox', { name: 'From (≥)' }).fill(gte);
  await form.getByRole('textbox', { name: 'To (<)' }).fill(lt);
  await explorer.untilSearched(() => form.getByRole('button', { name: 'Update filter' }).click());
  await expect(explorer.pill(`@timestamp: between ${gte} and ${lt}`)).toBeVisible();
  await expect(explorer.total).toHaveText(hitsText(count((e) => e.ts >= Date.parse(gte) && e.ts < Date.parse(lt))));
});
