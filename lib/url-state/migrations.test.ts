import { describe, expect, it } from 'vitest';
import { decodeState } from '@/lib/url-state/codec';
import {
  latestVersion,
  migrateParams,
  SCREEN_MIGRATIONS,
  SCREEN_STATE_VERSION,
  urlVersion,
  withParams,
  type ScreenMigration,
} from '@/lib/url-state/migrations';

const params = (query: string) => new URLSearchParams(query);

describe('screen migrations (links, and stored documents through screen-document.ts)', () => {
  it('end at the version the codec writes, one step per version, in order', () => {
    expect(latestVersion()).toBe(SCREEN_STATE_VERSION);
    SCREEN_MIGRATIONS.forEach((step, i) => {
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
      expect(urlVersion(p)).toBe(SCREEN_STATE_VERSION);
      const state = decodeState(p);
      expect(state.query.text).toBe('error');
      expect(state.sort).toBe('asc');
    },
  );

  it('says what each step changes', () => {
    for (const step of SCREEN_MIGRATIONS) expect(step.change.length).toBeGreaterThan(10);
  });

  it('does not mutate its input', () => {
    const p = params('q=error');
    migrateParams(p);
    expect(p.toString()).toBe('q=error');
  });

  // The example from migrations.ts, on a throw-away list: v2 makes oldest first the default sort.
  describe('a future step (example)', () => {
    const v1ToV2: ScreenMigration = {
      from: 1,
      to: 2,
      change: 'the default sort becomes oldest first',
      migrate: (p) => withParams(p, { v: '2', sort: p.get('sort') ?? 'desc' }),
    };
    const future = [...SCREEN_MIGRATIONS, v1ToV2];

    it('walks a v0 link through every step', () => {
      expect(latestVersion(future)).toBe(2);
      const migrated = migrateParams(params('cols=pod&q=x'), future);
      expect(migrated.get('v')).toBe('2');
      expect(migrated.get('sort')).toBe('desc');
      expect(migrated.get('cols')).toBe('pod');
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

    it('starts a v1 link at its own step, keeps a sort it spelled, and leaves a v2 link alone', () => {
      expect(migrateParams(params('v=1&sort=asc'), future).get('sort')).toBe('asc');
      expect(migrateParams(params('v=1'), future).get('sort')).toBe('desc');
      const v2 = params('v=2');
      expect(migrateParams(v2, future)).toBe(v2);
      expect(urlVersion(params('v=3'), future)).toBe(2);
    });
  });
});
