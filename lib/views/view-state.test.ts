import { describe, expect, it } from 'vitest';
import { SCREEN_STATE_VERSION, ScreenState } from '@/lib/schema/screen-state';
import { toScreenState } from '@/lib/url-state/screen-document';
import { StoredScreenState } from '@/lib/url-state/stored-screen';

const good: ScreenState = {
  schemaVersion: 1,
  source: 'logs',
  query: { language: 'kql', text: 'kubernetes.namespace_name:payments and not level:debug' },
  filters: [
    { field: 'kubernetes.pod_name', op: 'is', value: 'api-7d9c-x2x1', negate: false, disabled: false },
    { field: 'level', op: 'is_one_of', value: ['error', 'warn'], negate: true, disabled: false },
  ],
  time: { from: 'now-24h', to: 'now' },
  columns: ['namespace', 'pod', 'message'],
  sort: 'desc',
};

function issuePath(input: unknown): string | undefined {
  const result = StoredScreenState.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.path.join('.');
}

describe('a saved view’s state (ScreenState)', () => {
  it('accepts a full state unchanged', () => {
    expect(StoredScreenState.parse(good)).toEqual(good);
  });

  it.each([
    [{ from: 'now-7d/d', to: 'now/d' }],
    [{ from: 'now-1d/d', to: 'now+1h' }],
    [{ from: '2026-11-20T00:00:00.000Z', to: '2026-11-20T12:00:00Z' }],
    [{ from: '2026-11-19', to: '2026-11-20T01:00:00+02:00' }],
    [{ from: '2026-11-19T10:00:00.123456789Z', to: 'now' }],
    [{ from: '2026-11-20T00:00:00Z||-1d', to: '1795176000000' }],
  ])('accepts relative and absolute times %o', (time) => {
    expect(StoredScreenState.parse({ ...good, time }).time).toEqual(time);
  });

  it('reads a state without a version as v0, migrated to the current version (as a link without v)', () => {
    const { schemaVersion: _, ...unversioned } = good;
    expect(StoredScreenState.parse(unversioned)).toEqual(good);
  });

  it('leaves out the source for the default source', () => {
    const { source: _, ...noSource } = good;
    expect(StoredScreenState.parse(noSource).source).toBeUndefined();
  });

  it.each([
    ['future version', { ...good, schemaVersion: 99 }, 'schemaVersion'],
    ['unknown key', { ...good, doc: { index: 'a', id: 'b' } }, ''],
    ['bad source id', { ...good, source: 'logs/../x' }, 'source'],
    ['bad language', { ...good, query: { language: 'sql', text: '' } }, 'query.language'],
    ['query too long', { ...good, query: { language: 'kql', text: 'a'.repeat(5_000) } }, 'query.text'],
    ['bad filter op', { ...good, filters: [{ field: 'a', op: 'like', value: 'b' }] }, 'filters.0.op'],
    ['filter without field', { ...good, filters: [{ field: '', op: 'exists' }] }, 'filters.0.field'],
    ['too many filters', { ...good, filters: Array(51).fill({ field: 'a', op: 'exists' }) }, 'filters'],
    ['time not date math', { ...good, time: { from: 'yesterday', to: 'now' } }, 'time.from'],
    ['time not a date', { ...good, time: { from: '2026-13-45', to: 'now' } }, 'time.from'],
    ['time reversed', { ...good, time: { from: '2026-11-20T00:00:00Z', to: '2026-11-19T00:00:00Z' } }, 'time'],
    ['relative time reversed', { ...good, time: { from: 'now', to: 'now-1h' } }, 'time'],
    ['bad date math unit', { ...good, time: { from: 'now-1q', to: 'now' } }, 'time.from'],
    ['time missing', { ...good, time: { from: 'now-1h' } }, 'time.to'],
    ['no columns', { ...good, columns: [] }, 'columns'],
    ['repeated column', { ...good, columns: ['a', 'a'] }, 'columns'],
    ['too many columns', { ...good, columns: Array.from({ length: 31 }, (_, i) => `c${i}`) }, 'columns'],
    ['empty column', { ...good, columns: [''] }, 'columns.0'],
    ['bad sort', { ...good, sort: 'random' }, 'sort'],
    ['not an object', 'state', ''],
  ])('rejects %s', (_name, input, path) => {
    expect(issuePath(input)).toBe(path);
  });

  it('converts the screen state (with extra keys such as the open document) to a view state', () => {
    const screen = { ...good, source: undefined, doc: { index: 'i', id: 'd' } };
    const state = toScreenState(screen);
    expect(state).toEqual({ ...good, source: undefined, schemaVersion: SCREEN_STATE_VERSION });
    expect('source' in state).toBe(false);
    expect(ScreenState.safeParse(state).success).toBe(true);
  });
});
