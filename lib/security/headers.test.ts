import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, hstsHeader, makeNonce, pageCsp } from './headers';

describe('security headers', () => {
  it('a page policy allows scripts only by nonce and frames by nobody', () => {
    const csp = pageCsp({ nonce: 'abc123' });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).not.toMatch(/unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(pageCsp({ nonce: 'n', dev: true })).toContain("'unsafe-eval'");
  });

  it('an embed page names its origins and drops X-Frame-Options', () => {
    expect(pageCsp({ nonce: 'n', frameAncestors: ['https://a.example', 'https://b.example'] })).toContain(
      'frame-ancestors https://a.example https://b.example',
    );
    expect(baseSecurityHeaders({}, true)).not.toHaveProperty('x-frame-options');
    expect(baseSecurityHeaders({})).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' });
  });

  it('sends HSTS only when configured', () => {
    expect(hstsHeader({})).toBeNull();
    expect(hstsHeader({ HSTS_MAX_AGE: 'soon' })).toBeNull();
    expect(hstsHeader({ HSTS_MAX_AGE: '31536000' })).toBe('max-age=31536000; includeSubDomains');
    expect(baseSecurityHeaders({ HSTS_MAX_AGE: '600' })['strict-transport-security']).toBe('max-age=600; includeSubDomains');
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const a = makeNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(makeNonce()).not.toBe(a);
  });
});
