import { describe, expect, it } from 'vitest';
import { toViewState } from '@/lib/schema/view-state';
import { DEFAULT_STATE, type ExplorerState } from '@/lib/url-state/codec';
import { decodeOnView, differsFromView, encodeOnView, stableJson } from '@/lib/url-state/view-params';

const view: ExplorerState = {
  source: 'logs',
  query: { language: 'lucene', text: 'level:error' },
  filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: true, disabled: false }],
  time: { from: '2026-11-19T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
  columns: ['pod', 'message'],
  sort: 'asc',
  doc: null,
};

const onView = (query: string) => decodeOnView(new URLSearchParams(query), view);

describe('a screen opened from a view', () => {
  it('is the view when the URL has no parameters', () => {
    expect(onView('')).toEqual(view);
  });

  it('takes each parameter present over the view, and only those', () => {
    expect(onView('q=timeout&lang=kql')).toEqual({ ...view, query: { language: 'kql', text: 'timeout' } });
    expect(onView('from=now-1h&to=now').time).toEqual({ from: 'now-1h', to: 'now' });
    expect(onView('from=2026-11-20T00:00:00.000Z')).toEqual({ ...view, time: { ...view.time, from: '2026-11-20T00:00:00.000Z' } });
    expect(onView('sort=desc').sort).toBe('desc');
    expect(onView('v=1&doc=idx%2F1').doc).toEqual({ index: 'idx', id: '1' });
  });

  it('reads spelled-out defaults as overrides', () => {
    const cleared = onView(`src=&q=&lang=kql&f=%5B%5D&cols=${encodeURIComponent(DEFAULT_STATE.columns.join(','))}&sort=desc`);
    expect(cleared).toEqual({ ...DEFAULT_STATE, time: view.time });
  });

  it("keeps the view's value where a parameter is broken", () => {
    expect(onView('sort=sideways&lang=sql&f=%5B%7Bbroken&cols=&src=%2F%2Fx')).toEqual(view);
    expect(onView('from=yesterday&to=now').time).toEqual(view.time);
    expect(onView('from=2026-11-21T00:00:00.000Z').time).toEqual(view.time);
  });

  it.each<[string, Partial<ExplorerState>]>([
    ['unchanged', {}],
    ['everything at the codec defaults', { ...DEFAULT_STATE }],
    ['a new query', { query: { language: 'kql', text: 'x' } }],
    ['no filters', { filters: [] }],
    ['a document open', { doc: { index: 'i', id: 'a/b' } }],
  ])('a link written on the view reads back: %s', (_name, change) => {
    const screen: ExplorerState = { ...view, ...change };
    expect(decodeOnView(encodeOnView(screen, view), view)).toEqual(screen);
  });

  it('writes the plain codec link when the view has the defaults', () => {
    const base = { ...DEFAULT_STATE, time: view.time };
    expect(encodeOnView(base, base).toString()).toBe(new URLSearchParams({ v: '1', from: view.time.from, to: view.time.to }).toString());
  });

  it('tells whether the screen differs from the view', () => {
    const stored = toViewState(view);
    expect(differsFromView({ ...view, doc: { index: 'i', id: '1' } }, stored)).toBe(false);
    expect(differsFromView({ ...view, sort: 'desc' }, stored)).toBe(true);
    expect(differsFromView({ ...view, filters: [] }, stored)).toBe(true);
  });

  it('compares objects whatever their key order', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});
