import { describe, expect, it } from 'vitest';
import { LINK_ID_LENGTHS, linkIdCandidates, linkIdDigits } from '@/lib/links/id';
import { LINK_ID_PATTERN } from '@/lib/schema/links';

describe('short-link ids', () => {
  it('are the same for the same path, every time', () => {
    const path = '/?v=1&q=level%3Aerror&from=now-24h&to=now';
    expect(linkIdCandidates(path)).toEqual(linkIdCandidates(path));
    // Pinned: a change of hash or alphabet would silently orphan every stored link.
    expect(linkIdCandidates('/')[0]).toBe(linkIdDigits('/').slice(0, 12));
    expect(linkIdDigits('/')).toMatchInlineSnapshot(`"WoKzdCbzSYN0iPR7IEZGto6VfhZqZ5FqWVleZx9wvez"`);
  });

  it('differ for different paths', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2_000; i++) ids.add(linkIdCandidates(`/?q=${i}`)[0] ?? '');
    expect(ids.size).toBe(2_000);
  });

  it('are base62 of the configured lengths, each extending the shorter one', () => {
    const candidates = linkIdCandidates('/views/abc');
    expect(candidates.map((c) => c.length)).toEqual([...LINK_ID_LENGTHS]);
    for (const id of candidates) {
      expect(id).toMatch(LINK_ID_PATTERN);
      expect(candidates.at(-1)?.startsWith(id)).toBe(true);
    }
  });
});

describe('link id digits', () => {
  it('always has 43 digits, hashes below 62^42 included (zero-padded)', () => {
    const digits = Array.from({ length: 300 }, (_, i) => linkIdDigits(`/p${i}`));
    for (const d of digits) expect(d).toHaveLength(43);
    // About 1.5% of hashes are below 62^42; 300 paths hold some of them.
    expect(digits.some((d) => d.startsWith('0'))).toBe(true);
  });
});
