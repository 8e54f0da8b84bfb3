import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, events, hitsText } from './support/dataset';
import { searchAnswer } from './support/search-calls';

test.describe('search', () => {
  test('a field query shows exactly the matching logs', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await expect(explorer.total).toHaveText(hitsText(events().length));

    await explorer.search('kubernetes.namespace_name:payments and level:error');
    const expected = count((e) => e.fields['kubernetes.namespace_name'] === 'payments' && e.fields.level === 'error');
    expect(expected).toBeGreaterThan(0);
    await expect(explorer.total).toHaveText(hitsText(expected));
    expect(explorer.urlParam('q')).toBe('kubernetes.namespace_name:payments and level:error');
    // Every row shown is one of them.
    await expect(explorer.dataRows().first().locator('[data-column="namespace"]')).toHaveText('payments');
    await expect(explorer.dataRows().first().locator('[data-column="level"]')).toHaveText('error');
  });

  test('matching words are highlighted as text marks', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await explorer.search('timeout');
    const marks = explorer.grid.locator('[data-column="message"] mark');
    await expect(marks.first()).toBeVisible();
    for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toContain('timeout');
  });

  test('a query error points at the offset and keeps the previous rows', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open({ q: 'level:warn' });
    await expect(explorer.total).toHaveText(hitsText(count((e) => e.fields.level === 'warn')));
    // The error box pushes the table down, so compare the rows that stay in view.
    const before = (await explorer.renderedIds()).slice(0, 10);

    const answer = await searchAnswer(await explorer.search('level:(error'));
    expect(answer.status).toBe(400);
    const alert = page.getByRole('alert').filter({ hasText: 'Query error' });
    await expect(alert).toBeVisible();
    const offset = (answer.body as { error: { offset: number } }).error.offset;
    await expect(alert.getByLabel(`Error at character ${offset + 1}`)).toContainText('^');
    expect((await explorer.renderedIds()).slice(0, 10)).toEqual(before);
    await expect(explorer.total).toHaveText(hitsText(count((e) => e.fields.level === 'warn')));
  });

  test('/ focuses the search box and the clear button empties it', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open({ q: 'level:error' });
    await explorer.grid.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(explorer.searchBox).toBeFocused();
    await explorer.untilSearched(() => page.getByRole('button', { name: 'Clear search' }).click());
    await expect(explorer.searchBox).toHaveValue('');
    await expect(explorer.total).toHaveText(hitsText(events().length));
  });
});
