/**
 * A saved view is the screen's URL state plus a name (one schema, lib/schema/screen-state.ts):
 * every state the URL codec produces must save, and every saved state must survive a trip
 * through a link unchanged.
 */
import { describe, expect, it } from 'vitest';
import { SCREEN_STATE_LIMITS, ScreenState } from '@/lib/schema/screen-state';
import { DEFAULT_STATE, decodeState, encodeState, MAX_COLUMNS, type ExplorerState } from '@/lib/url-state/codec';
import { screenFromState, toScreenState } from '@/lib/url-state/screen-document';
import { StoredScreenState } from '@/lib/url-state/stored-screen';

const busy: ScreenState = {
  schemaVersion: 1,
  source: 'logs',
  query: { language: 'lucene', text: 'log:"connection refused" AND NOT level:debug' },
  filters: [
    { field: 'namespace', op: 'is', value: 'payments', negate: true, disabled: false },
    { field: 'level', op: 'is_one_of', value: ['error', 'warn'], negate: false, disabled: true },
    { field: 'kubernetes.pod_uid', op: 'exists', negate: false, disabled: false },
  ],
  time: { from: '2026-11-20T10:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
  columns: ['pod', 'message', 'weird,name%'],
  sort: 'asc',
};

describe('view state ⇄ URL codec', () => {
  it('the screen defaults make a valid view', () => {
    expect(ScreenState.safeParse(toScreenState(DEFAULT_STATE)).success).toBe(true);
  });

  it.each([
    ['defaults', toScreenState(DEFAULT_STATE)],
    ['a busy screen', busy],
  ])('%s: view → link → view is the identity', (_name, state) => {
    const screen: ExplorerState = screenFromState(state);
    const back = toScreenState(decodeState(encodeState(screen)));
    expect(StoredScreenState.parse(back)).toEqual(state);
  });

  it('bounds agree', () => {
    expect(SCREEN_STATE_LIMITS.maxColumns).toBe(MAX_COLUMNS);
  });
});
