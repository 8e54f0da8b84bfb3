import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, type ExplorerState } from '@/lib/url-state/codec';
import { decodeOnView, encodeOnView } from '@/lib/url-state/view-params';

const view: ExplorerState = {
  source: 'logs',
  query: { language: 'lucene', text: 'level:error' },
  filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: true, disabled: false }],
  time: { from: '2026-11-19T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
  columns: ['pod', 'message'],
  sort: 'asc',
  doc: null,
  live: false,
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
    expect(onView('v=1&live=1').live).toBe(true);
    expect(onView('v=1').live).toBe(false);
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
    ['live', { live: true }],
    ['the columns back at the defaults', { columns: [...DEFAULT_STATE.columns] }],
    ['the sort back at the default', { sort: 'desc' }],
    ['a time zone', { time: { ...view.time, timeZone: 'Asia/Kolkata' } }],
  ])('a link written on the view reads back: %s', (_name, change) => {
    const screen: ExplorerState = { ...view, ...change };
    expect(decodeOnView(encodeOnView(screen, view), view)).toEqual(screen);
  });

  it('writes the plain codec link when the view has the defaults', () => {
    const base = { ...DEFAULT_STATE, time: view.time };
    expect(encodeOnView(base, base).toString()).toBe(new URLSearchParams({ v: '1', from: view.time.from, to: view.time.to }).toString());
  });

  it('reads an empty filter parameter as no filters', () => {
    expect(onView('f=').filters).toEqual([]);
  });

  it("keeps the view's columns when the column list is broken, whatever else the link changes", () => {
    expect(onView('sort=desc&cols=')).toEqual({ ...view, sort: 'desc' });
  });

  it('overrides the end alone', () => {
    expect(onView('to=2026-11-20T13:00:00.000Z').time).toEqual({ ...view.time, to: '2026-11-20T13:00:00.000Z' });
    expect(onView('to=2026-11-19T11:00:00.000Z').time).toEqual(view.time);
  });

  describe('a view with a time zone', () => {
    const zoned: ExplorerState = { ...view, time: { ...view.time, timeZone: 'Asia/Kolkata' } };
    const onZoned = (query: string) => decodeOnView(new URLSearchParams(query), zoned);

    it('keeps its zone when the URL has no time parameters', () => {
      expect(onZoned('')).toEqual(zoned);
      expect(onZoned('q=x').time).toEqual(zoned.time);
    });

    it('keeps its zone when the range is overridden', () => {
      expect(onZoned('from=now-1h&to=now').time).toEqual({ from: 'now-1h', to: 'now', timeZone: 'Asia/Kolkata' });
    });

    it('takes a zone from the URL, and tz= as the viewer’s own zone', () => {
      expect(onZoned('tz=America%2FNew_York').time).toEqual({ ...view.time, timeZone: 'America/New_York' });
      expect(onZoned('from=now-1h&to=now&tz=UTC').time).toEqual({ from: 'now-1h', to: 'now', timeZone: 'UTC' });
      expect(onZoned('tz=').time).toEqual(view.time);
      expect(onView('tz=Europe%2FBerlin').time).toEqual({ ...view.time, timeZone: 'Europe/Berlin' });
    });

    it('keeps its zone for an unknown one', () => {
      expect(onZoned('tz=Mars%2FOlympus').time).toEqual(zoned.time);
    });

    it('checks the order of local times in the zone', () => {
      // 10:00 in Kolkata is 04:30Z, before 08:00Z; in UTC it would be after it.
      const local = { from: '2026-11-20T10:00', to: '2026-11-20T08:00:00Z' };
      expect(onZoned(new URLSearchParams(local).toString()).time).toEqual({ ...local, timeZone: 'Asia/Kolkata' });
      expect(onView(new URLSearchParams(local).toString()).time).toEqual(view.time);
    });

    it('writes tz= when the screen goes back to the viewer’s zone', () => {
      const screen: ExplorerState = { ...zoned, time: { from: zoned.time.from, to: zoned.time.to } };
      const params = encodeOnView(screen, zoned);
      expect(params.get('tz')).toBe('');
      expect(decodeOnView(params, zoned)).toEqual(screen);
      expect(decodeOnView(encodeOnView(zoned, zoned), zoned)).toEqual(zoned);
    });
  });
});
