import { describe, expect, it } from 'vitest';
import { decodeState, URL_STATE_VERSION } from '@/lib/url-state/codec';
import { latestVersion, migrateParams, URL_MIGRATIONS, urlVersion, withParams, type ParamMigration } from '@/lib/url-state/migrations';

const params = (query: string) => new URLSearchParams(query);

describe('URL migrations', () => {
  it('end at the version the codec writes, one step per version, in order', () => {
    expect(latestVersion()).toBe(URL_STATE_VERSION);
    URL_MIGRATIONS.forEach((step, i) => {
      expect(step.from).toBe(i);
      expect(step.to).toBe(i + 1);
    });
  });

  it('reads a URL without v as v0 and stamps it', () => {
    const p = params('q=error&from=now-1h&to=now');
    expect(urlVersion(p)).toBe(0);
    const migrated = migrateParams(p);
    expect(migrated.get('v')).toBe('1');
    expect(migrated.get('q')).toBe('error');
    expect(migrated.get('from')).toBe('now-1h');
    expect(migrated.get('missing')).toBeNull();
  });

  it('leaves a current URL alone (the same object)', () => {
    const p = params('v=1&q=error');
    expect(migrateParams(p)).toBe(p);
  });

  it.each([['v=2'], ['v=999999'], ['v=abc'], ['v=0'], ['v=-1'], ['v=1.5'], ['v=']])(
    'reads %s (newer or junk) as the current shape, keeping what parses',
    (v) => {
      const p = params(`${v}&q=error&sort=asc`);
      expect(urlVersion(p)).toBe(URL_STATE_VERSION);
      const state = decodeState(p);
      expect(state.query.text).toBe('error');
      expect(state.sort).toBe('asc');
    },
  );

  it('says what each step changes', () => {
    for (const step of URL_MIGRATIONS) expect(step.change.length).toBeGreaterThan(10);
  });

  it('does not mutate its input', () => {
    const p = params('q=error');
    migrateParams(p);
    expect(p.toString()).toBe('q=error');
  });

  // The example path from migrations.ts, on a throw-away list: v2 moves columns to JSON in `c`.
  describe('a future step (example)', () => {
    const v1ToV2: ParamMigration = {
      from: 1,
      to: 2,
      change: 'columns move from cols=a,b to c=["a","b"]',
      migrate: (p) => {
        const cols = p.get('cols');
        return withParams(p, {
          v: '2',
          cols: null,
          c: cols === null ? null : JSON.stringify(cols.split(',').map((c) => decodeURIComponent(c))),
        });
      },
    };
    const future = [...URL_MIGRATIONS, v1ToV2];

    it('walks a v0 link through every step', () => {
      expect(latestVersion(future)).toBe(2);
      const migrated = migrateParams(params('cols=pod,weird%252Cname&q=x'), future);
      expect(migrated.get('v')).toBe('2');
      expect(migrated.get('cols')).toBeNull();
      expect(migrated.get('c')).toBe(JSON.stringify(['pod', 'weird,name']));
      expect(migrated.get('q')).toBe('x');
    });

    it.each([
      ['01', 1],
      ['2', 2],
      ['+1', 2],
      ['1e0', 2],
      ['1.0', 2],
    ])('reads v=%s as version %i', (v, version) => {
      expect(urlVersion(params(`v=${encodeURIComponent(v)}`), future)).toBe(version);
    });

    it('starts a v1 link at its own step and leaves a v2 link alone', () => {
      expect(migrateParams(params('v=1&cols=a'), future).get('c')).toBe('["a"]');
      const v2 = params('v=2&c=%5B%22a%22%5D');
      expect(migrateParams(v2, future)).toBe(v2);
    });
  });
});
