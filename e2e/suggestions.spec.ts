import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { count, events, hitsText } from './support/dataset';
import { searchAnswer } from './support/search-calls';

const NS = 'kubernetes.namespace_name';

test.describe('KQL suggestions', () => {
  test('pick a field and a value with the keyboard, then run', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const box = explorer.searchBox;
    const list = explorer.querySuggestions();

    await box.click();
    await box.pressSequentially('kubernetes.na');
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(box).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? '');
    await explorer.highlightWithKeyboard(box, list, NS);
    await box.press('Enter');
    await expect(box).toHaveValue(`${NS}:`);

    // Values of the field at the cursor, with their counts in the time range.
    const payments = count((e) => e.fields[NS] === 'payments');
    expect(payments).toBeGreaterThan(0);
    await box.pressSequentially('pay');
    await expect(list.getByRole('option')).toHaveCount(1);
    await expect(explorer.option(list, 'payments')).toHaveAccessibleName(`payments, ${payments.toLocaleString('en-US')}`);
    await explorer.highlightWithKeyboard(box, list, 'payments');
    await box.press('Tab');
    await expect(box).toHaveValue(`${NS}:payments `);

    // Nothing highlighted: Enter runs the query.
    await expect(explorer.option(list, 'and')).toBeVisible();
    await explorer.untilSearched(() => box.press('Enter'));
    await expect(explorer.total).toHaveText(hitsText(payments));
    expect(explorer.urlParam('q')).toBe(`${NS}:payments`);
    await expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  test('conjunctions after a clause, a click picks, Esc closes without clearing', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const box = explorer.searchBox;
    const list = explorer.querySuggestions();

    await box.click();
    await box.pressSequentially('level:error ');
    await expect(list.getByRole('option')).toHaveText(['and', 'or', 'and not']);
    await explorer.option(list, 'or').click();
    await expect(box).toHaveValue('level:error or ');
    await expect(box).toBeFocused();

    // Where a clause starts, fields again (and `not`).
    await box.pressSequentially('lev');
    await expect(explorer.option(list, 'level')).toBeVisible();
    await box.press('Escape');
    await expect(list).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toHaveValue('level:error or lev');
    // A second Esc, with the list already closed, leaves the query alone too.
    await box.press('Escape');
    await box.press('Escape');
    await expect(box).toHaveValue('level:error or lev');
    await expect(box).toBeFocused();

    // After a bare field name and a space: its operators.
    await box.fill('level ');
    await expect(explorer.option(list, ':')).toBeVisible();
    await expect(explorer.option(list, ':*')).toBeVisible();
    await explorer.option(list, ':').click();
    await expect(box).toHaveValue('level:');
    await expect(explorer.option(list, 'warn')).toBeVisible();
    await explorer.option(list, 'warn').click();

    const expected = count((e) => e.fields.level === 'warn');
    await explorer.untilSearched(() => box.press('Enter'));
    await expect(explorer.total).toHaveText(hitsText(expected));
  });

  test('a bad query draws a caret at the error and keeps the previous rows', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open({ q: 'level:error' });
    const errors = count((e) => e.fields.level === 'error');
    await expect(explorer.total).toHaveText(hitsText(errors));
    const before = (await explorer.renderedIds()).slice(0, 10);

    const answer = await searchAnswer(await explorer.search('level:(error or'));
    expect(answer.status).toBe(400);
    const body = answer.body as { error: { offset: number } };
    expect(body.error.offset).toBe('level:(error or'.length);
    const alert = page.getByRole('alert').filter({ hasText: 'Query error' });
    await expect(alert.getByLabel(`Error at character ${body.error.offset + 1}`)).toContainText('^');
    expect((await explorer.renderedIds()).slice(0, 10)).toEqual(before);
    await expect(explorer.total).toHaveText(hitsText(errors));
    expect(errors).toBeLessThan(events().length);
  });
});
