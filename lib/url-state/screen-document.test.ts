import { describe, expect, it } from 'vitest';
import { SCREEN_STATE_VERSION, type ScreenState } from '@/lib/schema/screen-state';
import { DEFAULT_STATE, decodeState, encodeState, type ExplorerState } from '@/lib/url-state/codec';
import { migrateParams, SCREEN_MIGRATIONS, withParams, type ScreenMigration } from '@/lib/url-state/migrations';
import { olderDocumentVersion, screenDocumentParams, screenFromState, toScreenState } from '@/lib/url-state/screen-document';
import { migrateScreenDocument, StoredScreenState } from '@/lib/url-state/stored-screen';
import { URL_FIXTURES } from '@/lib/url-state/url-fixtures';

const busy: ScreenState = {
  schemaVersion: 1,
  source: 'logs',
  query: { language: 'lucene', text: 'log:"connection refused" AND NOT level:debug' },
  filters: [
    { field: 'namespace', op: 'is', value: 'payments', negate: true, disabled: false },
    { field: 'level', op: 'is_one_of', value: ['error', 'warn'], negate: false, disabled: true },
    { field: 'http.status', op: 'between', value: { gte: '500', lt: '600' }, negate: false, disabled: false },
  ],
  time: { from: 'now-7d/d', to: 'now', timeZone: 'Asia/Kolkata' },
  columns: ['pod', 'weird,name%', 'message'],
  sort: 'asc',
};
const plain: ScreenState = { ...toScreenState(DEFAULT_STATE) };
const { schemaVersion: _v, ...busyParts } = busy;
const { schemaVersion: _p, ...plainParts } = plain;

describe('a screen document ⇄ the explorer state', () => {
  it('stamps the current version and leaves out the open document and an absent source', () => {
    const open: ExplorerState = { ...screenFromState(busy), source: undefined, doc: { index: 'i', id: 'd' }, live: true };
    const state = toScreenState(open);
    expect(state.schemaVersion).toBe(SCREEN_STATE_VERSION);
    expect('source' in state).toBe(false);
    expect('doc' in state).toBe(false);
    expect('live' in state).toBe(false);
    expect(screenFromState(busy)).toEqual({ ...busyParts, doc: null, live: false });
    expect(screenFromState(plain).source).toBeUndefined();
  });

  it('keeps a zone, and writes none when there is none', () => {
    expect(toScreenState(screenFromState(busy)).time).toEqual(busy.time);
    expect('timeZone' in toScreenState(DEFAULT_STATE).time).toBe(false);
  });

  it.each([
    ['the defaults', plain],
    ['a busy screen', busy],
  ])('%s: document → link → document is the identity', (_name, state) => {
    expect(toScreenState(decodeState(encodeState(screenFromState(state))))).toEqual(state);
  });

  it('every released URL fixture opens a screen that saves as a valid document', () => {
    for (const fixture of URL_FIXTURES) {
      const state = toScreenState(decodeState(new URLSearchParams(fixture.url.slice(2))));
      expect(StoredScreenState.safeParse(state).success, fixture.name).toBe(true);
    }
  });
});

describe('a document spelled as a link of its version', () => {
  it('writes every part out, even at the codec defaults', () => {
    const params = screenDocumentParams(plainParts, 1);
    expect(Object.fromEntries(params)).toEqual({
      v: '1',
      src: '',
      q: '',
      lang: 'kql',
      f: '[]',
      cols: DEFAULT_STATE.columns.join(','),
      sort: 'desc',
      from: 'now-24h',
      to: 'now',
    });
    expect(decodeState(params)).toEqual(DEFAULT_STATE);
  });

  it('keeps parts away from the defaults as the codec spells them, and v0 has no v', () => {
    const params = screenDocumentParams(busyParts, 0);
    expect(params.get('v')).toBeNull();
    expect(params.get('src')).toBe('logs');
    expect(params.get('sort')).toBe('asc');
    expect(params.get('tz')).toBe('Asia/Kolkata');
    expect(decodeState(params)).toEqual(screenFromState(busy));
  });
});

describe('olderDocumentVersion', () => {
  it('reads no version as v0 and a whole number below the current one as itself', () => {
    expect(olderDocumentVersion(undefined)).toBe(0);
    expect(olderDocumentVersion(0)).toBe(0);
  });

  it.each([[SCREEN_STATE_VERSION], [SCREEN_STATE_VERSION + 1], [99], [-1], [0.5], ['0'], [null], [true]])(
    'needs no migration (or refuses one) for %o',
    (version) => {
      expect(olderDocumentVersion(version)).toBeNull();
    },
  );
});

describe('migrateScreenDocument', () => {
  it('leaves a current document alone (the same object)', () => {
    expect(migrateScreenDocument(busy)).toBe(busy);
  });

  it('brings a document without a version (v0) to the current version, through the link chain', () => {
    expect(migrateScreenDocument(busyParts)).toEqual(busy);
    expect(migrateScreenDocument({ ...plainParts, schemaVersion: 0 })).toEqual(plain);
    expect(StoredScreenState.parse(busyParts)).toEqual(busy);
  });

  it('stamps a v0 document whose parts do not validate, so the error names the part', () => {
    const broken = { ...busyParts, sort: 'sideways' };
    expect(migrateScreenDocument(broken)).toEqual({ ...broken, schemaVersion: SCREEN_STATE_VERSION });
    const result = StoredScreenState.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['sort']);
  });

  it.each([
    ['not an object', 'state'],
    ['null', null],
    ['an array', [busy]],
  ])('passes %s through for validation to refuse', (_n, raw) => {
    expect(migrateScreenDocument(raw)).toBe(raw);
    expect(StoredScreenState.safeParse(raw).success).toBe(false);
  });

  it('refuses a future version instead of guessing', () => {
    const future = { ...busy, schemaVersion: 99 };
    expect(migrateScreenDocument(future)).toBe(future);
    expect(StoredScreenState.safeParse(future).error?.issues[0]?.path).toEqual(['schemaVersion']);
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

    it('keeps what a stored v1 screen meant: its sort is written out, whatever it is', () => {
      for (const sort of ['asc', 'desc'] as const) {
        const migrated = migrateParams(screenDocumentParams({ ...plainParts, sort }, 1), future);
        expect(migrated.get('v')).toBe('2');
        expect(migrated.get('sort')).toBe(sort);
      }
    });

    it('gives a v0 or v1 link without sort the newest-first order it had', () => {
      for (const link of ['q=x', 'v=1&q=x']) {
        const migrated = migrateParams(new URLSearchParams(link), future);
        expect(migrated.get('v')).toBe('2');
        expect(migrated.get('sort')).toBe('desc');
        expect(migrated.get('q')).toBe('x');
      }
    });
  });
});

describe('StoredScreenState', () => {
  it('is what the explorer would save, for any decoded link', () => {
    const screen: ExplorerState = decodeState(new URLSearchParams('v=1&q=error&sort=asc&cols=pod%2Cmessage&tz=UTC'));
    expect(StoredScreenState.parse(toScreenState(screen))).toEqual(toScreenState(screen));
  });
});
