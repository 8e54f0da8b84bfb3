import { expect, test, type Browser } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, hitsText } from './support/dataset';

const notPayments = (level: string) => count((e) => e.fields.level === level && e.fields['kubernetes.namespace_name'] !== 'payments');

/** Opens `url` in a browser context of its own: no cache, storage or history shared with the sender. */
async function inFreshBrowser<T>(browser: Browser, url: string, check: (explorer: ExplorerPage) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const explorer = new ExplorerPage(await context.newPage());
    await explorer.openPath(url);
    return await check(explorer);
  } finally {
    await context.close();
  }
}

test('a copied link opens the same screen in a new browser context', async ({ page, browser, baseURL }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ q: 'level:warn' });
  await explorer.untilSearched(() => explorer.facetValue('namespace', 'payments', 'Exclude').click());
  await explorer.untilSearched(() => explorer.grid.getByRole('button', { name: /^Time, newest first/ }).click());
  const expected = notPayments('warn');
  await expect(explorer.total).toHaveText(hitsText(expected));
  const ids = (await explorer.renderedIds()).slice(0, 10);

  const link = await explorer.shareLink('relative');
  expect(new URL(link).origin).toBe(new URL(baseURL ?? '').origin);
  expect(link).toBe(page.url());

  await inFreshBrowser(browser, link, async (fresh) => {
    await expect(fresh.searchBox).toHaveValue('level:warn');
    await expect(fresh.total).toHaveText(hitsText(expected));
    await expect(fresh.pill('payments')).toBeVisible();
    await expect(fresh.grid.getByRole('button', { name: /^Time, oldest first/ })).toBeVisible();
    expect((await fresh.renderedIds()).slice(0, 10)).toEqual(ids);
    expect(fresh.page.url()).toBe(link);
  });
});

test('"exact moment" freezes a relative range to the instants it meant at the click', async ({ page, browser }) => {
  const explorer = new ExplorerPage(page);
  await explorer.openPath('/?v=1&q=level%3Aerror&from=now-15m&to=now');

  const relative = await explorer.shareLink('relative');
  expect(new URL(relative).searchParams.get('from')).toBe('now-15m');

  const before = Date.now();
  const exact = await explorer.shareLink('exact');
  const after = Date.now();
  const params = new URL(exact).searchParams;
  const from = Date.parse(params.get('from') ?? '');
  const to = Date.parse(params.get('to') ?? '');
  expect(params.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(to).toBeGreaterThanOrEqual(before);
  expect(to).toBeLessThanOrEqual(after);
  expect(to - from).toBe(15 * 60_000);
  expect(params.get('q')).toBe('level:error');

  // Opened later, elsewhere, it still means those instants.
  await inFreshBrowser(browser, exact, async (fresh) => {
    expect(fresh.urlParam('from')).toBe(params.get('from'));
    expect(fresh.urlParam('to')).toBe(params.get('to'));
    await expect(fresh.page.getByRole('button', { name: 'Time range' })).toContainText('→');
  });
});

test('a short link redirects to the same screen, and the same screen always gets the same short link', async ({
  page,
  browser,
  request,
}) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ q: 'level:error' });
  await explorer.untilSearched(() => explorer.facetValue('namespace', 'payments', 'Exclude').click());
  const expected = notPayments('error');
  await expect(explorer.total).toHaveText(hitsText(expected));
  const screen = new URL(page.url());

  const short = await explorer.shareLink('relative', 'short');
  expect(new URL(short).pathname).toMatch(/^\/s\/[0-9A-Za-z]{12,}$/);
  expect(await explorer.shareLink('relative', 'short')).toBe(short);

  // The redirect is relative: it can only lead back into this app.
  const hop = await request.get(new URL(short).pathname, { maxRedirects: 0 });
  expect(hop.status()).toBe(302);
  expect(hop.headers()['location']).toBe(`${screen.pathname}${screen.search}`);

  await inFreshBrowser(browser, short, async (fresh) => {
    expect(fresh.page.url()).toBe(screen.href);
    await expect(fresh.searchBox).toHaveValue('level:error');
    await expect(fresh.total).toHaveText(hitsText(expected));
  });
});
