import { describe, expect, it } from 'vitest';
import { readWrapPreference, WRAP_STORAGE_KEY } from './wrap-preference';

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
