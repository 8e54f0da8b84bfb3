import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { findSource, parseSources, SourceConfigError } from '@/lib/sources/config';
import { EMPTY_FRESH_MS, FRESH_MS, MAX_STALE_MS, SourceFieldsCache } from '@/lib/sources/field-cache';

describe('LOG_SOURCES', () => {
  it('defaults to one logs source over logstash-*', () => {
    expect(parseSources(undefined)).toEqual([{ id: 'logs', title: 'Cluster logs', indexPattern: 'logstash-*', timeField: '@timestamp' }]);
  });

  it('reads a list and fills defaults', () => {
    expect(parseSources('[{"id":"ecs","indexPattern":"logs-*"}]')).toEqual([
      { id: 'ecs', title: 'ecs', indexPattern: 'logs-*', timeField: '@timestamp' },
    ]);
  });

  it.each([
    'not json',
    '[]',
    '[{"id":"Bad Id","indexPattern":"x"}]',
    '[{"id":"a","indexPattern":"x"},{"id":"a","indexPattern":"y"}]',
    '[{"id":"a"}]',
  ])('refuses %s with a configuration error', (raw) => {
    expect(() => parseSources(raw)).toThrow(SourceConfigError);
  });

  it('answers an unknown source with the valid ids', () => {
    const env = { LOG_SOURCES: '[{"id":"a","indexPattern":"x"},{"id":"b","indexPattern":"y"}]' };
    expect(findSource(undefined, env).id).toBe('a');
    expect(findSource('b', env).id).toBe('b');
    try {
      findSource('c', env);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).toBody()).toEqual({
        error: { code: 'unknown_source', message: 'there is no source "c"; valid sources: "a", "b"', path: 'source' },
      });
    }
  });
});

describe('SourceFieldsCache', () => {
  const source = { id: 'logs', title: 'logs', indexPattern: 'logstash-*', timeField: '@timestamp' };
  const withFields = { fields: { log: { text: { type: 'text', searchable: true, aggregatable: false } } } };

  function setup(body: { fields: Record<string, never> } | typeof withFields = withFields) {
    let now = 1_000_000;
    const fetcher = vi.fn(async () => body);
    const cache = new SourceFieldsCache(fetcher, () => now);
    return { cache, fetcher, advance: (ms: number) => (now += ms) };
  }

  it('fetches once for concurrent first calls and then serves from memory', async () => {
    const { cache, fetcher, advance } = setup();
    await Promise.all([cache.get(source), cache.get(source), cache.get(source)]);
    advance(FRESH_MS - 1);
    await cache.get(source);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('serves a stale profile while one refresh runs in the background', async () => {
    const { cache, fetcher, advance } = setup();
    const first = await cache.get(source);
    advance(FRESH_MS + 1);
    const stale = await Promise.all([cache.get(source), cache.get(source)]);
    expect(stale).toEqual([first, first]);
    expect(stale[0]).toBe(first);
    expect(fetcher).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(source)).not.toBe(first);
  });

  it('keeps the stale profile when a refresh fails', async () => {
    const { cache, fetcher, advance } = setup();
    const first = await cache.get(source);
    fetcher.mockRejectedValueOnce(new Error('engine down'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    advance(FRESH_MS + 1);
    expect(await cache.get(source)).toBe(first);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(source)).toBe(first);
    warn.mockRestore();
  });

  it('waits for a fresh profile once the stale one is too old', async () => {
    const { cache, fetcher, advance } = setup();
    await cache.get(source);
    advance(MAX_STALE_MS + 1);
    await cache.get(source);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('re-checks an empty source soon', async () => {
    const { cache, fetcher, advance } = setup({ fields: {} });
    await cache.get(source);
    advance(EMPTY_FRESH_MS + 1);
    await cache.get(source);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});
