/**
 * Every link from every released URL shape still opens the screen it opened when it was made,
 * and re-encoding that screen writes a current-shape link that opens it again; saved as a view
 * (a screen document of the same version, or of v0), it opens the same screen too.
 */
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '@/lib/url-state/codec';
import { SCREEN_STATE_VERSION, urlVersion } from '@/lib/url-state/migrations';
import { screenFromState, toScreenState } from '@/lib/url-state/screen-document';
import { StoredScreenState } from '@/lib/url-state/stored-screen';
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
    // Live arrived within v1 (no change of meaning: absent is off, as before).
    expect(URL_FIXTURES.some((f) => f.shape === 'v1' && paramsOf(f.url).get('live') === '1')).toBe(true);
  });

  it.each(URL_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const params = paramsOf(fixture.url);
    expect(urlVersion(params)).toBe(fixture.shape === 'v0' ? 0 : Number(fixture.shape.slice(1)));
    const state = decodeState(params);
    expect(state).toEqual(fixture.state);

    const again = encodeState(state);
    expect(again.get('v')).toBe(String(SCREEN_STATE_VERSION));
    expect(decodeState(again)).toEqual(fixture.state);
  });

  it.each(URL_FIXTURES.map((f) => [f.name, f] as const))(
    '%s: saved as a view, now and as a v0 document, it opens the same screen',
    (_name, fixture) => {
      const saved = toScreenState(fixture.state);
      const { schemaVersion: _v, ...unversioned } = saved;
      for (const stored of [saved, unversioned]) {
        expect(screenFromState(StoredScreenState.parse(stored))).toEqual({ ...fixture.state, doc: null, live: false });
      }
    },
  );
});
