/**
 * `/embed/{id}?t=<token>` as an HTML document, made by the route handler itself: no React and no
 * Next.js client runtime in the frame (issue 11's 120 KB budget; React DOM and the App Router
 * runtime alone were 132.6 KB). The panel and its first data are in the HTML
 * (lib/embed/view/), its stylesheet inline and its one script (components/embed/page/main.ts)
 * external — both carrying the request's CSP nonce; what the script needs is JSON in an inert
 * `<script type="application/json">`, every `<` in it escaped so no text can close the element.
 */
import { podViewHref } from '@/lib/k8s/view-url';
import type { EmbedRecord } from '@/lib/schema/embeds';
import type { SearchResponse } from '@/lib/schema/search';
import { screenFromState } from '@/lib/url-state/screen-document';
import { stateToSearch } from '@/lib/url-state/codec';
import { EMBED_STATE_ID, panelView, type EmbedPageState, type PanelConfig } from '@/lib/embed/view/panel-view';
import { escapeHtml, toHtml } from '@/lib/embed/view/tree';
import { EMBED_CSS, EMBED_SCRIPT_NAME } from './built-assets';

/** Where the page's script is served (app/embed-assets/[file]/route.ts). */
export const EMBED_ASSETS_PATH = '/embed-assets';

/** The same screen in the full app: the pod view, live, for a tail panel; the explorer otherwise. */
export function openPathOf(record: EmbedRecord): string {
  if (record.pod) {
    return podViewHref(record.pod.namespace, record.pod.pod, {
      live: true,
      source: record.state.source ?? null,
      container: record.pod.container ?? null,
    });
  }
  return `/${stateToSearch(screenFromState(record.state))}`;
}

export function panelConfig(record: EmbedRecord, token: string): PanelConfig {
  return {
    source: { kind: 'embed', id: record.id, token },
    panel: record.panel,
    title: record.title,
    showTitle: record.showTitle ?? true,
    theme: record.theme,
    refreshSeconds: record.refreshSeconds,
    allowTimeChange: record.allowTimeChange,
    maxWindowHours: record.maxWindowHours,
    openPath: openPathOf(record),
    fill: 'page',
  };
}

/** JSON that is safe inside a `<script>` element: no `<` (so no `</script>`), no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page: `nonce` is the one the proxy put into this response's Content-Security-Policy. */
export function embedPageHtml(config: PanelConfig, data: SearchResponse | null, nonce: string | null): string {
  const state: EmbedPageState = { config, data };
  const n = nonce ? ` nonce="${escapeHtml(nonce)}"` : '';
  const title = escapeHtml(config.title || `Log Explorer ${config.panel}`);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style${n}>${EMBED_CSS}</style>`,
    `<script src="${EMBED_ASSETS_PATH}/${EMBED_SCRIPT_NAME}" defer${n}></script>`,
    '</head><body>',
    toHtml(panelView(config, data)),
    `<script type="application/json" id="${EMBED_STATE_ID}">${scriptJson(state)}</script>`,
    '</body></html>',
  ].join('');
}
