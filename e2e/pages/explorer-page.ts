import { expect, type Download, type Locator, type Page, type Response } from '@playwright/test';
import { DATASET_RANGE } from '../support/dataset';
import { isSearchCall } from '../support/search-calls';

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
    const answered = this.page.waitForResponse((r) => isSearchCall(r.url()) && r.request().method() === 'POST');
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

  /** A facet value's button: "Include namespace payments 5,374" (its visible value and count in its name), "Exclude namespace payments". */
  facetValue(meaning: string, value: string, action: 'Include' | 'Exclude'): Locator {
    return this.page.getByRole('button', { name: facetButtonName(meaning, value, action) });
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

  // ── Suggestions and the filter form ─────────────────────────────────────────────────────

  /** The query bar's suggestion list (shown while typing KQL). */
  querySuggestions(): Locator {
    return this.page.getByRole('listbox', { name: 'Query suggestions' });
  }

  /** An option by its label alone; its accessible name is "label, detail" (a type or a count). */
  option(list: Locator, label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return list.getByRole('option', { name: new RegExp(`^${escaped}(, |$)`) });
  }

  /** Presses ArrowDown in `input` until the option labelled `label` is the highlighted one. */
  async highlightWithKeyboard(input: Locator, list: Locator, label: string): Promise<void> {
    const target = this.option(list, label);
    await expect(target).toBeVisible();
    const id = await target.getAttribute('id');
    const count = await list.getByRole('option').count();
    for (let i = 0; i < count && (await input.getAttribute('aria-activedescendant')) !== id; i++) await input.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', id ?? '');
    await expect(target).toHaveAttribute('aria-selected', 'true');
  }

  /** Opens the "Add filter" form. */
  async openAddFilter(): Promise<Locator> {
    await this.page.getByRole('button', { name: '+ Add filter' }).click();
    const form = this.page.getByRole('dialog', { name: 'Add filter' });
    await expect(form).toBeVisible();
    return form;
  }

  /** Opens the edit form of the pill labelled `label` (without its NOT). */
  async openPillEditor(label: string): Promise<Locator> {
    await this.pill(label)
      .getByRole('button', { name: `Edit filter ${label}`, exact: true })
      .click();
    const form = this.page.getByRole('dialog', { name: `Edit filter ${label}`, exact: true });
    await expect(form).toBeVisible();
    return form;
  }

  // ── Saved views, share, export ──────────────────────────────────────────────────────────

  /** Opens any same-origin path (`/views/{id}?…`, a shared link) and waits for its search. */
  async openPath(path: string): Promise<void> {
    await this.untilSearched(() => this.page.goto(path));
  }

  /** Submits a query without waiting for a request: a screen seen before comes from the cache. */
  async submitQuery(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await this.searchBox.press('Enter');
  }

  /** The open view's name (on /views/{id}). */
  openViewName(): Locator {
    return this.page.getByTestId('open-view');
  }

  unsavedMarker(): Locator {
    return this.page.getByTestId('unsaved-changes');
  }

  savePanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Save view' });
  }

  async openSavePanel(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Save view' }).click();
    await expect(this.savePanel()).toBeVisible();
    return this.savePanel();
  }

  /** Saves the screen as a new view and returns its id, once the page shows it at /views/{id}. */
  async saveNewView(name: string, description = ''): Promise<string> {
    const panel = await this.openSavePanel();
    await panel.getByRole('textbox', { name: 'Name' }).fill(name);
    if (description) await panel.getByRole('textbox', { name: 'Description (optional)' }).fill(description);
    await panel.getByRole('button', { name: /^Save( as new)?$/ }).click();
    await this.page.waitForURL(/\/views\/[0-9A-Za-z]+(\?|$)/);
    await expect(this.openViewName()).toContainText(name);
    return this.openViewId();
  }

  openViewId(): string {
    const match = /\/views\/([0-9A-Za-z]+)/.exec(new URL(this.page.url()).pathname);
    if (!match?.[1]) throw new Error(`not on a view page: ${this.page.url()}`);
    return match[1];
  }

  viewsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Saved views' });
  }

  /** Opens the list of saved views, narrowed to names containing `search`. */
  async openViewsList(search = ''): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Views', exact: true }).click();
    const dialog = this.viewsDialog();
    await expect(dialog).toBeVisible();
    if (search) await dialog.getByRole('searchbox', { name: 'Search saved views' }).fill(search);
    return dialog;
  }

  viewListItem(name: string): Locator {
    return this.viewsDialog().getByRole('listitem', { name, exact: true });
  }

  /**
   * Copies a link to the screen from the Share panel and returns it (read from the panel, so the
   * spec does not depend on clipboard permissions).
   */
  async shareLink(time: 'relative' | 'exact', kind: 'link' | 'short' = 'link'): Promise<string> {
    const share = this.page.getByRole('dialog', { name: 'Share' });
    if (!(await share.isVisible())) await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    await share.getByRole('radio', { name: time === 'exact' ? /^Exact moment/ : /^(Relative time|As shown)/ }).check();
    if (kind === 'short') {
      const made = this.page.waitForResponse((r) => r.url().endsWith('/api/links') && r.request().method() === 'POST');
      await share.getByRole('button', { name: 'Copy short link' }).click();
      expect((await made).status()).toBe(200);
    } else {
      await share.getByRole('button', { name: 'Copy link' }).click();
    }
    const shown = share.getByRole('textbox', { name: kind === 'short' ? /^Short link/ : /^Link/ });
    await expect(shown).toHaveValue(kind === 'short' ? /\/s\/[0-9A-Za-z]+$/ : /^http/);
    return shown.inputValue();
  }

  exportPanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Export' });
  }

  /** Starts an export from the Export menu; the caller awaits the download or cancels it. */
  async startExport(format: 'CSV' | 'NDJSON'): Promise<Locator> {
    if (!(await this.exportPanel().isVisible())) await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    await this.exportPanel()
      .getByRole('button', { name: `Export ${format}` })
      .click();
    return this.exportPanel();
  }

  /** Exports the screen and returns the finished download. */
  async exportFile(format: 'CSV' | 'NDJSON'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.startExport(format);
    return download;
  }
}

/** The accessible name of a facet value's include (with its count) or exclude button, exactly. */
export function facetButtonName(meaning: string, value: string, action: 'Include' | 'Exclude'): RegExp {
  const escaped = `${action} ${meaning} ${value}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}${action === 'Include' ? ' [\\d,]+' : ''}$`);
}
