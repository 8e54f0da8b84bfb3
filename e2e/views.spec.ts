import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, DATASET_RANGE, hitsText } from './support/dataset';
import { uniqueViewName, viewState, ViewsMadeBySpecs } from './support/views';

const views = new ViewsMadeBySpecs();

test.afterAll(async ({ playwright }, testInfo) => {
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  await views.deleteAll(api);
  await api.dispose();
});

const errors = count((e) => e.fields.level === 'error');
const warnings = count((e) => e.fields.level === 'warn');

test('a saved view reopens at /views/{id} in a fresh browser; URL parameters override it without changing it', async ({
  page,
  browser,
  request,
}) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ q: 'level:error', sort: 'asc' });
  await expect(explorer.total).toHaveText(hitsText(errors));

  // Markup in a name is text, never markup.
  const name = uniqueViewName('<b>errors</b>');
  const id = views.track(await explorer.saveNewView(name, 'all errors, oldest first'));
  await expect(explorer.openViewName()).toContainText(name);
  await expect(explorer.openViewName().locator('b')).toHaveCount(0);
  await expect(explorer.unsavedMarker()).toHaveCount(0);
  await expect(explorer.total).toHaveText(hitsText(errors));

  const context = await browser.newContext();
  try {
    const fresh = new ExplorerPage(await context.newPage());
    await fresh.openPath(`/views/${id}`);
    await expect(fresh.openViewName()).toContainText(name);
    await expect(fresh.searchBox).toHaveValue('level:error');
    await expect(fresh.total).toHaveText(hitsText(errors));
    await expect(fresh.grid.getByRole('button', { name: /^Time, oldest first/ })).toBeVisible();
    await expect(fresh.unsavedMarker()).toHaveCount(0);
    // The address bar spells the screen out, so it can be copied as it is.
    expect(fresh.urlParam('q')).toBe('level:error');
    await expect(fresh.page).toHaveTitle(`${name} · Log Explorer`);

    // Only the time comes from the URL; the query and the order stay the view's.
    const from = '2026-11-20T06:00:00.000Z';
    await fresh.openPath(`/views/${id}?from=${from}&to=${DATASET_RANGE.to}`);
    const narrowed = count((e) => e.fields.level === 'error' && e.ts >= Date.parse(from) && e.ts <= Date.parse(DATASET_RANGE.to));
    expect(narrowed).toBeLessThan(errors);
    await expect(fresh.total).toHaveText(hitsText(narrowed));
    await expect(fresh.searchBox).toHaveValue('level:error');
    await expect(fresh.grid.getByRole('button', { name: /^Time, oldest first/ })).toBeVisible();
    await expect(fresh.unsavedMarker()).toBeVisible();
  } finally {
    await context.close();
  }
  const stored = await views.get(request, id);
  expect(stored.state.time).toEqual({ from: DATASET_RANGE.from, to: DATASET_RANGE.to });
  expect(stored.name).toBe(name);
  expect(stored.description).toBe('all errors, oldest first');
});

test('the unsaved-changes marker shows while the screen differs and goes once saved over the view', async ({ page, request }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ q: 'level:error' });
  const id = views.track(await explorer.saveNewView(uniqueViewName('marker')));
  await expect(explorer.unsavedMarker()).toHaveCount(0);

  await explorer.untilSearched(() => explorer.submitQuery('level:warn'));
  await expect(explorer.unsavedMarker()).toBeVisible();
  await explorer.submitQuery('level:error');
  await expect(explorer.total).toHaveText(hitsText(errors));
  await expect(explorer.unsavedMarker()).toHaveCount(0);

  await explorer.submitQuery('level:warn');
  await expect(explorer.total).toHaveText(hitsText(warnings));
  await expect(explorer.unsavedMarker()).toBeVisible();
  const panel = await explorer.openSavePanel();
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel).toBeHidden();
  await expect(explorer.unsavedMarker()).toHaveCount(0);
  expect((await views.get(request, id)).state.query.text).toBe('level:warn');

  // A cleared query is a change too, and survives a reload of the view's page.
  await explorer.untilSearched(() => explorer.submitQuery(''));
  await expect(explorer.unsavedMarker()).toBeVisible();
  await explorer.untilSearched(() => page.reload());
  await expect(explorer.searchBox).toHaveValue('');
  await expect(explorer.unsavedMarker()).toBeVisible();
});

test('rename, duplicate and delete (with confirmation) from the list of views', async ({ page, request }) => {
  const explorer = new ExplorerPage(page);
  const name = uniqueViewName('list');
  const view = await views.create(request, name, viewState({ query: { language: 'kql', text: 'level:warn' } }));
  await explorer.openPath(`/views/${view.id}`);
  await expect(explorer.total).toHaveText(hitsText(warnings));

  // Newest first: a view saved after this one comes above it.
  const newer = await views.create(request, `${name} newer`, viewState());
  let dialog = await explorer.openViewsList(name);
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('listitem').first()).toHaveAccessibleName(newer.name);

  const renamed = `${name} renamed`;
  await explorer.viewListItem(name).getByRole('button', { name: 'Rename' }).click();
  await explorer.viewListItem(name).getByRole('textbox', { name: 'New name' }).fill(renamed);
  await explorer.viewListItem(name).getByRole('button', { name: 'Save name' }).click();
  await expect(explorer.viewListItem(renamed)).toBeVisible();
  await expect(explorer.openViewName()).toContainText(renamed);
  expect((await views.get(request, view.id)).name).toBe(renamed);

  await explorer.viewListItem(renamed).getByRole('button', { name: 'Duplicate' }).click();
  await expect(explorer.viewListItem(`${renamed} (copy)`)).toBeVisible();
  const copies = (await views.find(request, renamed)).filter((v) => v.name === `${renamed} (copy)`);
  expect(copies).toHaveLength(1);
  const copy = copies[0]!;
  views.track(copy.id);
  expect((await views.get(request, copy.id)).state.query.text).toBe('level:warn');

  // Cancel keeps it; confirming deletes it.
  const copyItem = explorer.viewListItem(`${renamed} (copy)`);
  await copyItem.getByRole('button', { name: 'Delete' }).click();
  await copyItem
    .getByRole('group', { name: /^Confirm deleting/ })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(copyItem).toBeVisible();
  await copyItem.getByRole('button', { name: 'Delete' }).click();
  await copyItem
    .getByRole('group', { name: /^Confirm deleting/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(copyItem).toHaveCount(0);
  expect((await request.get(`/api/views/${copy.id}`)).status()).toBe(404);

  // Deleting the open view keeps the screen, as a plain explorer link.
  await explorer.viewListItem(renamed).getByRole('button', { name: 'Delete' }).click();
  await explorer
    .viewListItem(renamed)
    .getByRole('group', { name: /^Confirm deleting/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(explorer.total).toHaveText(hitsText(warnings));
  await expect(explorer.searchBox).toHaveValue('level:warn');

  dialog = await explorer.openViewsList(name);
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await expect(explorer.viewListItem(newer.name)).toBeVisible();

  await page.goto(`/views/${view.id}`);
  await expect(page.getByRole('heading', { name: 'View not found' })).toBeVisible();
});

test('saving over a view someone else changed meanwhile asks first, and overwrite keeps their other edits', async ({ page, request }) => {
  const explorer = new ExplorerPage(page);
  const name = uniqueViewName('conflict');
  const view = await views.create(request, name, viewState({ query: { language: 'kql', text: 'level:error' } }));
  await explorer.openPath(`/views/${view.id}`);
  await explorer.untilSearched(() => explorer.submitQuery('level:warn'));
  await expect(explorer.unsavedMarker()).toBeVisible();

  // Someone else renames it after this page opened it.
  const theirs = `${name} (edited elsewhere)`;
  expect((await request.put(`/api/views/${view.id}`, { data: { version: view.version, name: theirs } })).status()).toBe(200);

  const panel = await explorer.openSavePanel();
  await panel.getByRole('button', { name: 'Save changes' }).click();
  const conflict = panel.getByRole('alert', { name: 'Save conflict' });
  await expect(conflict).toContainText('Someone else changed this view');
  await expect(conflict).toContainText(theirs);
  expect((await views.get(request, view.id)).state.query.text).toBe('level:error');

  await conflict.getByRole('button', { name: 'Overwrite' }).click();
  await expect(panel).toBeHidden();
  await expect(explorer.unsavedMarker()).toHaveCount(0);
  const stored = await views.get(request, view.id);
  expect(stored.state.query.text).toBe('level:warn');
  expect(stored.name).toBe(theirs);
});

test('a view whose source is gone opens with a clear message; an unknown id shows "view not found"', async ({ page, request }) => {
  const explorer = new ExplorerPage(page);
  const view = await views.create(
    request,
    uniqueViewName('retired source'),
    viewState({ source: 'retired-source', query: { language: 'kql', text: 'level:error' } }),
  );
  await page.goto(`/views/${view.id}`);
  const notice = page.getByTestId('view-source-missing');
  await expect(notice).toContainText('“retired-source” no longer exists');
  await expect(explorer.searchBox).toHaveValue('level:error');

  await explorer.untilSearched(() => notice.getByRole('link', { name: 'Show this view on the default source' }).click());
  await expect(explorer.total).toHaveText(hitsText(errors));
  await expect(notice).toHaveCount(0);
  expect((await views.get(request, view.id)).state.source).toBe('retired-source');

  await page.goto('/views/NoSuchView0000000000');
  await expect(page.getByRole('heading', { name: 'View not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the explorer' })).toHaveAttribute('href', '/');
});
