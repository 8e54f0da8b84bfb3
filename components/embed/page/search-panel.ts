/**
 * A histogram, results or facets panel in the browser: auto-refresh, the viewer's range choice
 * (within the embed's maximum window: the server cuts it anyway), and row expand. New data is
 * drawn by the views the server rendered the page with (lib/embed/view/panel-view.ts); a failed
 * request keeps the data on show and says what went wrong.
 */
import { formatTotal } from '@/components/results/format-total';
import { fetchPanelData } from '@/lib/embed/panel-data';
import { errorView, panelBody, pickedRange, PART, rowFieldsView, type PanelConfig } from '@/lib/embed/view/panel-view';
import { renderInto, toDom } from '@/lib/embed/view/tree';
import type { SearchResponse } from '@/lib/schema/search';

export function startSearchPanel(root: HTMLElement, config: PanelConfig, initial: SearchResponse | null): () => void {
  const body = root.querySelector<HTMLElement>(PART.body);
  const total = root.querySelector<HTMLElement>(PART.total);
  const status = root.querySelector<HTMLElement>(PART.status);
  const range = root.querySelector<HTMLSelectElement>(PART.range);
  let data = initial;
  let hours: number | null = null;
  let open: string | null = null;
  let request: AbortController | null = null;

  async function load(): Promise<void> {
    request?.abort();
    const mine = new AbortController();
    request = mine;
    body?.setAttribute('aria-busy', 'true');
    try {
      const next = await fetchPanelData(config.source, config.panel, pickedRange(hours), mine.signal);
      if (request !== mine) return;
      data = next;
      if (body) renderInto(body, panelBody(config.panel, next, open));
      if (total) total.textContent = formatTotal(next.total);
      status?.replaceChildren();
    } catch (err) {
      if (mine.signal.aborted) return;
      if (status) renderInto(status, [errorView(err instanceof Error ? err.message : 'The data could not be loaded.')]);
    } finally {
      if (request === mine) body?.setAttribute('aria-busy', 'false');
    }
  }

  /** Row expand: one row open at a time; only the rows concerned change, so focus stays put. */
  function toggleRow(button: HTMLElement): void {
    const row = button.closest<HTMLElement>('[data-row]');
    const hit = data?.hits[Number(row?.dataset.row)];
    if (!row || !hit) return;
    const wasOpen = open === hit.id;
    for (const other of root.querySelectorAll<HTMLElement>('[data-row] [aria-expanded="true"]')) {
      other.setAttribute('aria-expanded', 'false');
      other.parentElement?.querySelector('dl')?.remove();
    }
    open = wasOpen ? null : hit.id;
    if (wasOpen) return;
    button.setAttribute('aria-expanded', 'true');
    const fields = toDom(rowFieldsView(hit), root.ownerDocument);
    if (fields) row.appendChild(fields);
  }

  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action="expand"]');
    if (button && root.contains(button)) toggleRow(button);
  };
  const onRange = () => {
    hours = range?.value ? Number(range.value) : null;
    void load();
  };
  root.addEventListener('click', onClick);
  range?.addEventListener('change', onRange);
  // As TanStack Query's refetchInterval did: not while the page is hidden.
  const timer =
    config.refreshSeconds > 0
      ? setInterval(() => {
          if (root.ownerDocument.visibilityState !== 'hidden') void load();
        }, config.refreshSeconds * 1000)
      : undefined;
  // No data in the page (the server could not search while rendering it): ask the route.
  if (!data) void load();

  return () => {
    clearInterval(timer);
    request?.abort();
    root.removeEventListener('click', onClick);
    range?.removeEventListener('change', onRange);
  };
}
