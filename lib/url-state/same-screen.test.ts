import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, decodeState, encodeState, type ExplorerState } from '@/lib/url-state/codec';
import { sameScreen, screenKey, stableJson } from '@/lib/url-state/same-screen';
import { toScreenState } from '@/lib/url-state/screen-document';

const screen: ExplorerState = {
  source: 'logs',
  query: { language: 'kql', text: 'level:error' },
  filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: true, disabled: false }],
  time: { from: 'now-24h', to: 'now', timeZone: 'Europe/Berlin' },
  columns: ['pod', 'message'],
  sort: 'asc',
  doc: null,
  live: false,
};

describe('sameScreen', () => {
  it('is the same screen with another document open, after a trip through a link, and as a stored document', () => {
    const withDoc: ExplorerState = { ...screen, doc: { index: 'i', id: '1' }, live: true };
    expect(sameScreen(screen, withDoc)).toBe(true);
    expect(sameScreen(screen, decodeState(encodeState(screen)))).toBe(true);
    expect(sameScreen(screen, toScreenState(screen))).toBe(true);
  });

  it('whatever the order of keys in the objects that hold it', () => {
    const reordered: ExplorerState = {
      doc: null,
      live: false,
      sort: 'asc',
      columns: ['pod', 'message'],
      time: { timeZone: 'Europe/Berlin', to: 'now', from: 'now-24h' },
      filters: [{ disabled: false, negate: true, value: 'payments', op: 'is', field: 'namespace' }],
      query: { text: 'level:error', language: 'kql' },
      source: 'logs',
    };
    expect(sameScreen(screen, reordered)).toBe(true);
    expect(screenKey(screen)).toBe(screenKey(reordered));
  });

  it.each<[string, Partial<ExplorerState>]>([
    ['another source', { source: undefined }],
    ['another query', { query: { language: 'kql', text: 'level:warn' } }],
    ['another language', { query: { language: 'lucene', text: 'level:error' } }],
    ['a filter negated', { filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: false, disabled: false }] }],
    ['a filter disabled', { filters: [{ field: 'namespace', op: 'is', value: 'payments', negate: true, disabled: true }] }],
    ['no filters', { filters: [] }],
    ['another range', { time: { from: 'now-1h', to: 'now', timeZone: 'Europe/Berlin' } }],
    ['another zone', { time: { from: 'now-24h', to: 'now', timeZone: 'UTC' } }],
    ['no zone', { time: { from: 'now-24h', to: 'now' } }],
    ['columns in another order', { columns: ['message', 'pod'] }],
    ['another sort', { sort: 'desc' }],
  ])('tells %s apart', (_name, change) => {
    expect(sameScreen(screen, { ...screen, ...change })).toBe(false);
    expect(screenKey(screen)).not.toBe(screenKey({ ...screen, ...change }));
  });

  it('keeps a relative range relative: now-24h is not the instant it resolves to', () => {
    expect(
      sameScreen(DEFAULT_STATE, { ...DEFAULT_STATE, time: { from: new Date(Date.now() - 86_400_000).toISOString(), to: 'now' } }),
    ).toBe(false);
  });
});

describe('stableJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(stableJson([2, 1])).toBe('[2,1]');
    expect(stableJson({ a: null })).toBe('{"a":null}');
  });

  it('sorts object keys and keeps nulls', () => {
    expect(stableJson({ e: 1, c: { z: null, y: [2, { b: 1, a: 0 }] }, a: 'x', d: null, b: true })).toBe(
      '{"a":"x","b":true,"c":{"y":[2,{"a":0,"b":1}],"z":null},"d":null,"e":1}',
    );
  });
});
