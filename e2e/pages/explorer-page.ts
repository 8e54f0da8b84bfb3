import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { DATASET_RANGE } from '../support/dataset';

/** The explorer screen as the specs use it: by roles and accessible names, like a person would. */
export class ExplorerPage {
  readonly searchBox: Locator;
  readonly grid: Locator;
  readonly total: Locator;
  readonly results: Locator;
  readonly documentView: Locator;
  readonly histogram: Locator;

  constructor(readonly page: Page) {
    // A combobox: it offers field, value and operator suggestions as the user types KQL.
    this.searchBox = page.getByRole('combobox', { name: 'Search logs' });
    this.grid = page.getByRole('grid', { name: 'Log lines' });
    this.total = page.getByTestId('hits-total');
    this.results = page.getByRole('region', { name: 'Results' });
    this.documentView = page.getByRole('dialog', { name: 'Document' });
    this.histogram = page.getByTestId('histogram-chart');
  }

  /** Opens the screen on the test dataset's range plus `params`, and waits for its rows. */
  async open(params: Record<string, string> = {}): Promise<void> {
    const query = new URLSearchParams({ v: '1', from: DATASET_RANGE.from, to: DATASET_RANGE.to, ...params });
    await this.untilSearched(() => this.page.goto(`/?${query.toString()}`));
    await expect(this.dataRows().first()).toBeVisible();
  }

  /**
   * Runs `action` and waits until the search it causes has answered and been drawn. Only for
   * screens not seen before in this page: a screen seen before comes from the cache, with no request.
   */
  async untilSearched(action: () => Promise<unknown>): Promise<Response> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/search') && r.request().method() === 'POST');
    await action();
    const response = await answered;
    await expect(this.results).toHaveAttribute('aria-busy', 'false');
    return response;
  }

  /** The histogram is loaded after the rows; screenshots wait for its bars. */
  async chartDrawn(): Promise<void> {
    await expect(this.histogram.locator('.recharts-bar-rectangle').first()).toBeVisible();
  }

  dataRows(): Locator {
    return this.grid.locator('[role="row"][data-doc-id]');
  }

  /** Ids of the rows currently rendered (the table is virtualized: the visible stretch, in order). */
  async renderedIds(): Promise<string[]> {
    return this.dataRows().evaluateAll((rows) =>
      rows
        .map((r) => ({ i: Number(r.getAttribute('aria-rowindex')), id: r.getAttribute('data-doc-id') ?? '' }))
        .sort((a, b) => a.i - b.i)
        .map((r) => r.id),
    );
  }

  async search(text: string): Promise<Response> {
    await this.searchBox.fill(text);
    return this.untilSearched(() => this.searchBox.press('Enter'));
  }

  facetValue(meaning: string, value: string, action: 'Include' | 'Exclude'): Locator {
    return this.page.getByRole('button', { name: `${action} ${meaning} ${value}`, exact: true });
  }

  pill(label: string): Locator {
    return this.page.getByRole('list', { name: 'Active filters' }).getByRole('listitem').filter({ hasText: label });
  }

  columnHeaders(): Locator {
    return this.grid.getByRole('columnheader');
  }

  urlParam(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }

  /** Drags across the histogram between two fractions of its width. */
  async dragHistogram(fromFraction: number, toFraction: number): Promise<void> {
    const box = await this.histogram.boundingBox();
    if (!box) throw new Error('the histogram is not on screen');
    // Inside the plot area: right of the y axis, above the x axis labels.
    const y = box.y + box.height * 0.45;
    const x = (f: number) => box.x + 50 + (box.width - 60) * f;
    await this.page.mouse.move(x(fromFraction), y);
    await this.page.mouse.down();
    await this.page.mouse.move(x((fromFraction + toFraction) / 2), y, { steps: 6 });
    await this.page.mouse.move(x(toFraction), y, { steps: 6 });
    await this.page.mouse.up();
  }

  async scrollGridBy(pixels: number): Promise<void> {
    await this.grid.evaluate((el, dy) => el.scrollBy(0, dy), pixels);
  }

  async scrollGridToEnd(): Promise<void> {
    await this.grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  }
}
