import { describe, expect, it } from 'vitest';
import { h, toHtml } from './tree';

describe('toHtml', () => {
  it('escapes text and attribute values, so data never becomes markup', () => {
    const hostile = `</li><script>alert(1)</script>" onclick="x' &amp;`;
    expect(toHtml(h('li', { title: hostile, 'data-x': 1 }, hostile))).toBe(
      '<li title="&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onclick=&quot;x&#39; &amp;amp;" data-x="1">' +
        '&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onclick=&quot;x&#39; &amp;amp;</li>',
    );
  });

  it('writes void elements without an end tag, and every other element with one', () => {
    const voids = ['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr'];
    expect(toHtml(h('div', {}, ...voids.map((tag) => h(tag)), h('span')))).toBe(
      `<div>${voids.map((tag) => `<${tag}>`).join('')}<span></span></div>`,
    );
  });

  it('leaves out false, null and undefined attributes and children; true is a bare attribute', () => {
    expect(toHtml(h('p', { hidden: true, a: false, b: null, c: undefined, d: '' }, null, false, undefined, 'x', ['y', null]))).toBe(
      '<p hidden d="">xy</p>',
    );
  });

  it('closes every element but the void ones', () => {
    expect(toHtml(h('svg', {}, h('rect', { x: 0.06 }), h('title', {}, 'a < b')))).toBe(
      '<svg><rect x="0.06"></rect><title>a &lt; b</title></svg>',
    );
    expect(toHtml(h('br'))).toBe('<br>');
  });
});
