/**
 * An embed panel in the browser, without React: the embed page's own script (main.ts, bundled by
 * scripts/build-embed-assets.mjs) adopts the panel the server rendered; the Embed dialog's live
 * preview (components/embed/embed-panel.tsx) mounts one into an empty box. Either way the same
 * views (lib/embed/view/) draw it, so the page and the preview cannot drift apart.
 */
import { panelView, type PanelConfig } from '@/lib/embed/view/panel-view';
import { toDom } from '@/lib/embed/view/tree';
import type { SearchResponse } from '@/lib/schema/search';
import { startSearchPanel } from './search-panel';
import { startTailPanel } from './tail-panel';

/**
 * Starts the panel in `host`: the one already there (server-rendered, showing `data`), or a new
 * one. Returns what stops it (timers, requests, the live tail).
 */
export function mountEmbedPanel(host: HTMLElement, config: PanelConfig, data: SearchResponse | null): () => void {
  let root = host.querySelector<HTMLElement>('[data-testid="embed-panel"]');
  if (!root) {
    root = toDom(panelView(config, data), host.ownerDocument) as HTMLElement;
    host.replaceChildren(root);
  }
  const stop = config.panel === 'tail' ? startTailPanel(root, config.source) : startSearchPanel(root, config, data);
  // Said on the panel for whoever waits for the script (the end-to-end specs, a host's tests).
  root.dataset.ready = 'true';
  return stop;
}
