import { describe, expect, it } from 'vitest';
import { GROUPING_STORAGE_KEY, readFlag, readWrapPreference, WRAP_STORAGE_KEY } from './wrap-preference';

describe('readWrapPreference', () => {
  it('is on only when this browser stored it on; off without storage or when storage refuses', () => {
    const storage = (value: string | null) => ({ getItem: (key: string) => (key === WRAP_STORAGE_KEY ? value : null) });
    expect(readWrapPreference(storage('1'))).toBe(true);
    expect(readWrapPreference(storage('0'))).toBe(false);
    expect(readWrapPreference(storage(null))).toBe(false);
    expect(readWrapPreference(undefined)).toBe(false);
    expect(
      readWrapPreference({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBe(false);
  });
});

describe('readFlag', () => {
  it('gives the default when nothing is stored, the stored value otherwise', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(readFlag(storage(null), GROUPING_STORAGE_KEY, true)).toBe(true);
    expect(readFlag(storage('0'), GROUPING_STORAGE_KEY, true)).toBe(false);
    expect(readFlag(storage('1'), GROUPING_STORAGE_KEY, false)).toBe(true);
    expect(readFlag(undefined, GROUPING_STORAGE_KEY, true)).toBe(true);
  });
});
