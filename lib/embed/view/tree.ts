/**
 * The embed panels' markup as plain data, made once by the view functions beside this file and
 * turned into HTML by the server (`toHtml`, for the page's first paint) or into DOM nodes by the
 * panel's script (`toDom`, for new data, row expand, live lines). One renderer for both sides
 * and no framework: an embed page carries no React (issue 11's 120 KB budget).
 *
 * Hostile input (log lines, field names and values, titles) only ever lands in text nodes and
 * attribute values: `toHtml` escapes both, `toDom` uses `createTextNode` and `setAttribute`.
 * Tag and attribute names come from this code, never from data.
 */

export type ViewAttrs = Record<string, string | number | boolean | null | undefined>;

export interface ViewElement {
  tag: string;
  attrs: ViewAttrs;
  children: ViewNode[];
}

/** `null`, `false` and `undefined` render nothing, so views can write `cond ? h(…) : null`. */
export type ViewNode = ViewElement | string | null | false | undefined;

type Child = ViewNode | readonly ViewNode[];

export function h(tag: string, attrs: ViewAttrs = {}, ...children: Child[]): ViewElement {
  return { tag, attrs, children: children.flat() };
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);
const SVG_NS = 'http://www.w3.org/2000/svg';

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values as HTML: `& < > " '` escaped, so nothing in them is ever markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function attrValue(value: ViewAttrs[string]): string | null {
  if (value === null || value === undefined || value === false) return null;
  return value === true ? '' : String(value);
}

export function toHtml(node: ViewNode): string {
  if (node === null || node === false || node === undefined) return '';
  if (typeof node === 'string') return escapeHtml(node);
  let html = `<${node.tag}`;
  for (const [name, raw] of Object.entries(node.attrs)) {
    const value = attrValue(raw);
    if (value !== null) html += value === '' && raw === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  html += '>';
  if (VOID.has(node.tag)) return html;
  for (const child of node.children) html += toHtml(child);
  return `${html}</${node.tag}>`;
}

/** DOM nodes for `node`; SVG elements (an `svg` and what it holds) in the SVG namespace. */
export function toDom(node: ViewNode, doc: Document, inSvg = false): Node | null {
  if (node === null || node === false || node === undefined) return null;
  if (typeof node === 'string') return doc.createTextNode(node);
  const svg = inSvg || node.tag === 'svg';
  const el = svg ? doc.createElementNS(SVG_NS, node.tag) : doc.createElement(node.tag);
  for (const [name, raw] of Object.entries(node.attrs)) {
    const value = attrValue(raw);
    if (value !== null) el.setAttribute(name, value);
  }
  for (const child of node.children) {
    const made = toDom(child, doc, svg);
    if (made) el.appendChild(made);
  }
  return el;
}

/** Replaces `parent`'s children with `nodes`. */
export function renderInto(parent: Element, nodes: readonly ViewNode[]): void {
  const doc = parent.ownerDocument;
  parent.replaceChildren(...nodes.map((n) => toDom(n, doc)).filter((n): n is Node => n !== null));
}
