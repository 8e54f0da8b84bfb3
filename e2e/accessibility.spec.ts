/**
 * axe-core scans (WCAG 2.x A/AA rules plus "accessible name contains the visible label") of the
 * explorer, the document view and every dialog, at desktop and phone widths: no serious or
 * critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';

/** Popovers are `role="dialog"`; the views dialog and the facets drawer are native `<dialog>`s. */
const DIALOGS = 'dialog[open], [role="dialog"]';

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    // Experimental in axe, and exactly the rule for "a button's name contains its visible text".
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'label-content-name-mismatch')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

test.describe('accessibility', () => {
  test('the explorer and the document view', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open({ q: 'level:error or level:warn' });
    await explorer.chartDrawn();
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(explorer.grid.getByRole('columnheader', { name: /^Time/ })).toHaveAttribute('aria-sort', 'descending');

    await explorer.dataRows().first().getByRole('button', { name: 'Expand document' }).click();
    await expect(explorer.documentView).toBeVisible();
    expect(await seriousViolations(page, DIALOGS)).toEqual([]);
    await explorer.documentView.getByRole('tab', { name: 'JSON' }).click();
    expect(await seriousViolations(page, DIALOGS)).toEqual([]);
  });

  test('the dialogs: time picker, filter form, columns, views, save, share, export', async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    const dialogs: [string, string][] = [
      ['Time range', 'Time range'],
      ['+ Add filter', 'Add filter'],
      ['Choose columns', 'Choose columns'],
      ['Views', 'Saved views'],
      ['Save view', 'Save view'],
      ['Share', 'Share'],
      ['Export', 'Export'],
    ];
    for (const [button, dialog] of dialogs) {
      const trigger = page.getByRole('button', { name: button });
      await trigger.click();
      await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
      // The whole page is scanned in the test above: each dialog alone keeps this one quick.
      expect(await seriousViolations(page, DIALOGS), dialog).toEqual([]);
      await page.keyboard.press('Escape');
      // A popover whose form keeps Esc for itself closes from its trigger.
      if (await page.getByRole('dialog', { name: dialog }).isVisible()) await trigger.click();
      await expect(page.getByRole('dialog', { name: dialog })).toHaveCount(0);
    }
  });

  test('390 px: the two-line rows and the facets drawer', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const explorer = new ExplorerPage(page);
    await explorer.open();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Facets', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Facets' })).toBeVisible();
    expect(await seriousViolations(page, DIALOGS)).toEqual([]);
  });
});
