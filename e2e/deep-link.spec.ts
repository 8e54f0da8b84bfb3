/**
 * A link with `doc=` opens that document wherever it lies in the range — here the oldest of
 * 40,000 rows, far below the first page — and says so when it no longer belongs to the screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/explorer-page';
import { DATASET_RANGE, events, type ExpectedEvent } from './support/dataset';

const oldest = (): ExpectedEvent => [...events()].sort((a, b) => a.ts - b.ts)[0]!;

async function expectDocument(page: Page, explorer: ExplorerPage, event: ExpectedEvent): Promise<void> {
  await expect(explorer.documentView).toBeVisible();
  await expect(explorer.documentView).toContainText(`${event.index} / ${event.id}`);
  const pod = event.fields['kubernetes.pod_name'];
  if (typeof pod === 'string') {
    const fieldRow = explorer.documentView
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'kubernetes.pod_name', exact: true }) });
    await expect(fieldRow.getByRole('cell').first()).toHaveText(pod);
  }
}

test.describe('deep document links', () => {
  test('a document far below the loaded rows opens, without a note while it matches the screen', async ({ page }) => {
    const event = oldest();
    const explorer = new ExplorerPage(page);
    await explorer.open({ doc: `${event.index}/${event.id}` });
    // Not among the rows loaded: the table shows the newest 100.
    await expect(explorer.grid.locator(`[data-doc-id="${event.id}"]`)).toHaveCount(0);
    await expectDocument(page, explorer, event);
    // The check has answered (the document is one of the screen's rows), and no note is shown.
    await expect(explorer.documentView).toHaveAttribute('data-match', 'matches');
    await expect(explorer.documentView.getByTestId('document-note')).toHaveCount(0);
  });

  test('a document that no longer matches the query, or lies outside the range, opens with a note saying so', async ({ page }) => {
    const event = oldest();
    const namespace = String(event.fields['kubernetes.namespace_name']);
    const explorer = new ExplorerPage(page);
    await explorer.open({ q: `not kubernetes.namespace_name:"${namespace}"`, doc: `${event.index}/${event.id}` });
    await expectDocument(page, explorer, event);
    await expect(explorer.documentView.getByTestId('document-note')).toHaveText(/no longer matches the query and filters/);

    const later = new Date(Date.parse(DATASET_RANGE.to) - 3_600_000).toISOString();
    await explorer.open({ from: later, to: DATASET_RANGE.to, doc: `${event.index}/${event.id}` });
    await expectDocument(page, explorer, event);
    await expect(explorer.documentView.getByTestId('document-note')).toHaveText(/outside the time range/);
  });

  test('a document that does not exist says so', async ({ page }) => {
    const event = oldest();
    const explorer = new ExplorerPage(page);
    await explorer.open({ doc: `${event.index}/no-such-document` });
    await expect(explorer.documentView).toContainText('This document no longer exists');
  });
});
