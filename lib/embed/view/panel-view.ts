/**
 * An embed panel's markup (lib/embed/view/tree.ts): the frame with its header and tools, and the
 * body of each search panel — rows (with a row's fields when expanded), facet counts, or the
 * bars (histogram-view.ts). The server renders it into the embed page's HTML; the panel's script
 * (components/embed/page/) renders the same functions into the DOM when new data comes, and the
 * Embed dialog's live preview mounts that script. Classes are the `lxe-` ones of
 * components/embed/embed-panel.css. Pure; safe in the browser and on the server.
 */
import { formatTotal } from '@/components/results/format-total';
import { messageSegments } from '@/components/results/message-segments';
import type { PanelData } from '@/lib/embed/panel-data';
import type { EmbedPanel, EmbedRecord } from '@/lib/schema/embeds';
import type { HighlightRange, SearchHit, SearchResponse } from '@/lib/schema/search';
import { histogramView } from './histogram-view';
import { h, type ViewElement, type ViewNode } from './tree';

/** How a panel looks and behaves: what its embed record says (or the dialog's choices). */
export interface PanelOptions {
  panel: EmbedPanel;
  title: string;
  showTitle: boolean;
  theme: EmbedRecord['theme'];
  refreshSeconds: number;
  allowTimeChange: boolean;
  maxWindowHours: number;
  /** The same screen in the full app (same-origin relative path). */
  openPath: string;
  /** `page`: the panel is the whole document (its iframe); `box`: it fills the box it is put in. */
  fill: 'page' | 'box';
}

export interface PanelConfig extends PanelOptions {
  /** Where its data comes from: the embed's routes with its token, or the app's (the preview). */
  source: PanelData;
}

/** What the page hands its script (JSON in `#embed-state`): the panel and the data it was rendered with. */
export interface EmbedPageState {
  config: PanelConfig;
  data: SearchResponse | null;
}

export const EMBED_STATE_ID = 'embed-state';

/** The ranges a viewer may pick, in hours; only those within the embed's maximum window are offered. */
export const QUICK_RANGES: readonly (readonly [string, number])[] = [
  ['15 minutes', 0.25],
  ['1 hour', 1],
  ['6 hours', 6],
  ['24 hours', 24],
  ['7 days', 168],
  ['30 days', 720],
];

/** A picked range (hours back from now) as the data route's `time`; `null`: the range as saved. */
export function pickedRange(hours: number | null): { from: string; to: string } | undefined {
  return hours === null ? undefined : { from: `now-${Math.round(hours * 60)}m`, to: 'now' };
}

/** Where the script finds the parts it updates. */
export const PART = {
  range: '[data-part="range"]',
  total: '[data-part="total"]',
  status: '[data-part="status"]',
  body: '[data-part="body"]',
} as const;

/** The whole panel: its frame, header, tools and the body for `data` (none yet: an empty body). */
export function panelView(o: PanelOptions, data: SearchResponse | null): ViewElement {
  const tools =
    o.panel === 'tail'
      ? []
      : [
          o.allowTimeChange ? rangeSelect(o.maxWindowHours) : null,
          h('span', { 'data-testid': 'embed-total', 'data-part': 'total' }, data ? formatTotal(data.total) : ''),
        ];
  return h(
    'div',
    {
      class: `lxe ${o.fill === 'box' ? 'lxe-fill-box' : 'lxe-fill-page'}`,
      'data-theme': o.theme,
      'data-panel': o.panel,
      'data-testid': 'embed-panel',
    },
    h(
      'header',
      { class: 'lxe-header' },
      o.showTitle && o.title ? h('h1', { class: 'lxe-title' }, o.title) : h('span'),
      h(
        'div',
        { class: 'lxe-tools' },
        ...tools,
        h('a', { href: o.openPath, target: '_blank', rel: 'noopener noreferrer', class: 'lxe-open' }, 'Open in Log Explorer'),
      ),
    ),
    h('div', { 'data-part': 'status' }),
    h('main', { class: 'lxe-body', 'aria-busy': 'false', 'data-part': 'body' }, ...(data ? panelBody(o.panel, data, null) : [])),
  );
}

function rangeSelect(maxWindowHours: number): ViewElement {
  return h(
    'select',
    { 'aria-label': 'Time range', class: 'lxe-range', 'data-part': 'range' },
    h('option', { value: '' }, 'As saved'),
    ...QUICK_RANGES.filter(([, hours]) => hours <= maxWindowHours).map(([label, hours]) => h('option', { value: hours }, `Last ${label}`)),
  );
}

export function errorView(message: string): ViewElement {
  return h('p', { role: 'alert', class: 'lxe-error' }, message);
}

/** A search panel's body for its data; `open`: the id of the expanded row, if any. */
export function panelBody(panel: EmbedPanel, data: SearchResponse, open: string | null): ViewNode[] {
  if (panel === 'histogram') return [histogramView(data.histogram)];
  if (panel === 'results') return [rowsView(data.hits, open)];
  if (panel === 'facets') return [facetsView(data.facets)];
  return [];
}

function rowsView(hits: readonly SearchHit[], open: string | null): ViewElement {
  if (hits.length === 0) return h('p', { class: 'lxe-none' }, 'No log lines in this range.');
  return h(
    'ol',
    { class: 'lxe-rows', 'aria-label': 'Log lines' },
    ...hits.map((hit, i) =>
      h(
        'li',
        { class: 'lxe-row', 'data-row': i },
        h(
          'button',
          { type: 'button', class: 'lxe-row-button', 'aria-expanded': String(open === hit.id), 'data-action': 'expand' },
          h('time', { class: 'lxe-time' }, hit.timestamp),
          h('span', { class: 'lxe-message' }, ...messageView(hit.message, hit.highlight, 400)),
        ),
        open === hit.id ? rowFieldsView(hit) : null,
      ),
    ),
  );
}

/** An expanded row: every field of the document, values as text. */
export function rowFieldsView(hit: SearchHit): ViewElement {
  return h(
    'dl',
    { class: 'lxe-fields', 'aria-label': 'Document' },
    ...Object.entries(hit.fields).map(([name, value]) =>
      h('div', { class: 'lxe-field' }, h('dt', {}, name), h('dd', {}, typeof value === 'string' ? value : JSON.stringify(value))),
    ),
  );
}

function facetsView(facets: SearchResponse['facets']): ViewElement {
  return h(
    'div',
    { class: 'lxe-facets' },
    ...Object.entries(facets).map(([name, values]) => {
      const max = Math.max(1, ...values.map((v) => v.count));
      return h(
        'section',
        { 'aria-label': name, class: 'lxe-facet' },
        h('h2', { class: 'lxe-facet-title' }, name),
        h(
          'ul',
          { class: 'lxe-values' },
          ...values.map((v) =>
            h(
              'li',
              { class: 'lxe-value' },
              h('span', { class: 'lxe-bar', style: `width: ${(v.count / max) * 100}%`, 'aria-hidden': 'true' }),
              h('span', { class: 'lxe-value-text' }, v.value === '' ? '(empty)' : v.value),
              h('span', { class: 'lxe-count' }, v.count.toLocaleString('en-US')),
            ),
          ),
        ),
      );
    }),
  );
}

/** A log line as text: ANSI colours as classes, search matches as <mark>, cut at `maxChars` with an ellipsis. */
export function messageView(message: string, highlight?: readonly HighlightRange[], maxChars?: number): ViewNode[] {
  const { segments, truncated } = messageSegments(message, highlight, maxChars);
  const nodes: ViewNode[] = segments.map((s) => {
    const className = s.className || undefined;
    if (s.mark) return h('mark', { class: className }, s.text);
    return className ? h('span', { class: className }, s.text) : s.text;
  });
  if (truncated) nodes.push('…');
  return nodes;
}
