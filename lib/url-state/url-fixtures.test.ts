/**
 * Every link from every released URL shape still opens the screen it opened when it was made,
 * and re-encoding that screen writes a current-shape link that opens it again.
 */
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, URL_STATE_VERSION } from '@/lib/url-state/codec';
import { urlVersion } from '@/lib/url-state/migrations';
import { URL_FIXTURES } from '@/lib/url-state/url-fixtures';

const paramsOf = (url: string) => new URL(url, 'https://log-explorer.invalid').searchParams;

describe('released URL shapes', () => {
  it('covers every released shape', () => {
    expect(new Set(URL_FIXTURES.map((f) => f.shape))).toEqual(new Set(['v0', 'v1']));
    expect(new Set(URL_FIXTURES.map((f) => f.name)).size).toBe(URL_FIXTURES.length);
  });

  it('covers every parameter kind in every shape', () => {
    for (const shape of ['v0', 'v1'] as const) {
      const seen = new Set<string>();
      for (const f of URL_FIXTURES.filter((x) => x.shape === shape)) for (const key of paramsOf(f.url).keys()) seen.add(key);
      for (const key of ['src', 'q', 'lang', 'f', 'from', 'to', 'cols', 'sort', 'doc']) expect(seen, `${shape} ${key}`).toContain(key);
    }
  });

  it.each(URL_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const params = paramsOf(fixture.url);
    expect(urlVersion(params)).toBe(fixture.shape === 'v0' ? 0 : Number(fixture.shape.slice(1)));
    const state = decodeState(params);
    expect(state).toEqual(fixture.state);

    const again = encodeState(state);
    expect(again.get('v')).toBe(String(URL_STATE_VERSION));
    expect(decodeState(again)).toEqual(fixture.state);
  });
});
