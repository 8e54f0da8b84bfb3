import { describe, expect, it } from 'vitest';
import { decodeViewVersion, encodeViewVersion } from '@/lib/views/version';

describe('view version tokens', () => {
  it.each([
    { seqNo: 0, primaryTerm: 1 },
    { seqNo: 41, primaryTerm: 3 },
    { seqNo: 9_007_199_254_740, primaryTerm: 123_456 },
  ])('round-trip %o', (version) => {
    const token = encodeViewVersion(version);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeViewVersion(token)).toEqual(version);
  });

  it('differ when either part differs', () => {
    const a = encodeViewVersion({ seqNo: 5, primaryTerm: 1 });
    expect(encodeViewVersion({ seqNo: 6, primaryTerm: 1 })).not.toBe(a);
    expect(encodeViewVersion({ seqNo: 5, primaryTerm: 2 })).not.toBe(a);
  });

  it.each([
    '',
    '5',
    'v1.',
    'v2.MTo1',
    'v1.not base64!',
    `v1.${Buffer.from('1:x').toString('base64url')}`,
    `v1.${Buffer.from('0:5').toString('base64url')}`,
    `v1.${Buffer.from('-1:5').toString('base64url')}`,
    `v1.${Buffer.from('1:5:7').toString('base64url')}`,
    `v1.${Buffer.from('1:99999999999999999999').toString('base64url')}`,
    `v1.${'A'.repeat(80)}`,
  ])('rejects %j', (token) => {
    expect(decodeViewVersion(token)).toBeNull();
  });
});

describe('view version tokens: the body is strict base64url', () => {
  // Node's decoder skips characters outside the alphabet, so the check must refuse them itself.
  const body = Buffer.from('1:5').toString('base64url');
  it.each([`v1.!${body}`, `v1.${body}!`, `v1.${body.slice(0, 2)} ${body.slice(2)}`])('rejects %j', (token) => {
    expect(decodeViewVersion(token)).toBeNull();
  });
});
