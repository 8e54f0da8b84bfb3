import { describe, expect, it } from 'vitest';
import { canonicalScreenPath, isSafeRedirectPath, normaliseSharePath } from '@/lib/links/path';
import { LINK_LIMITS } from '@/lib/schema/links';

describe('normaliseSharePath accepts same-origin relative paths', () => {
  it.each([
    ['/', '/'],
    ['/?v=1&from=now-24h&to=now', '/?v=1&from=now-24h&to=now'],
    ['/views/AbC123xyz0AbC123xy', '/views/AbC123xyz0AbC123xy'],
    ['/?q=level%3Aerror%20and%20not%20ns%3A%22a%5Cb%22', '/?q=level%3Aerror%20and%20not%20ns%3A%22a%5Cb%22'],
    ['/?f=%5B%7B%22field%22%3A%22a%22%7D%5D#doc', '/?f=%5B%7B%22field%22%3A%22a%22%7D%5D#doc'],
    // A query string may carry // and encoded slashes: it never decides the host.
    ['/?next=//evil.example&x=%2F%2Fevil', '/?next=//evil.example&x=%2F%2Fevil'],
    ['/a/./b/../c', '/a/c'],
    ['/?q="x"', '/?q=%22x%22'],
    ['/%7Euser', '/%7Euser'],
  ])('%s → %s', (input, normal) => {
    expect(normaliseSharePath(input)).toEqual({ ok: true, path: normal });
    expect(isSafeRedirectPath(normal)).toBe(true);
  });
});

describe('normaliseSharePath rejects anything that could leave the site', () => {
  it.each([
    ['empty', ''],
    ['no leading slash', 'views/abc'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['data scheme', 'data:text/html,<script>alert(1)</script>'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path', '//evil.example/?v=1'],
    ['slash backslash', '/\\evil.example'],
    ['backslash first', '\\\\evil.example'],
    ['backslash later', '/a\\b'],
    ['encoded slash', '/%2F%2Fevil.example'],
    ['encoded slash lower case', '/%2f%2fevil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['half encoded', '/%2Fevil.example'],
    ['double encoded slash', '/%252F%252Fevil.example'],
    ['double encoded backslash', '/%255Cevil.example'],
    ['dot segments to //', '/..//evil.example'],
    ['dot segments to // (2)', '/a/..//evil.example'],
    ['scheme in first segment', '/javascript:alert(1)'],
    ['encoded scheme', '/javascript%3Aalert(1)'],
    ['tab', '/\tevil'],
    ['newline', '/a\nb'],
    ['carriage return', '/a\rLocation: //evil'],
    ['encoded newline in the path', '/a%0d%0aSet-Cookie:x'],
    ['NUL', '/a\u0000'],
    ['encoded NUL', '/a%00b'],
    ['space', '/a b'],
    ['non-ASCII', '/ä'],
    ['unicode line separator', '/a\u2028b'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['too long', `/?q=${'a'.repeat(LINK_LIMITS.pathLength)}`],
  ])('%s', (_name, input) => {
    const check = normaliseSharePath(input);
    expect(check.ok).toBe(false);
    expect(isSafeRedirectPath(input)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(normaliseSharePath(42).ok).toBe(false);
    expect(normaliseSharePath(null).ok).toBe(false);
    expect(isSafeRedirectPath(undefined)).toBe(false);
  });

  it('refuses to redirect to a stored path that is not in normal form', () => {
    expect(isSafeRedirectPath('/a/./b')).toBe(false);
  });
});

describe('normaliseSharePath: which rule refuses', () => {
  const reason = (raw: unknown) => {
    const check = normaliseSharePath(raw);
    return check.ok ? null : check.reason;
  };

  it.each([
    [5, 'the path must be a string'],
    ['', 'the path is empty'],
    ['/\\evil.example', 'the path must not contain a backslash'],
    ['//evil.example', 'the path must not start with // (that names another host)'],
    ['/a%2f', 'the path must not contain an encoded / or \\'],
    ['/a%2Fb?x=1', 'the path must not contain an encoded / or \\'],
    // Decoded four times over, as a chain of proxies might: a newline encoded four times is found.
    ['/a%2525250A', 'the path must not contain control characters'],
  ])('%j: %s', (raw, expected) => {
    expect(reason(raw)).toBe(expected);
  });

  it('decodes at most four times, and reads a colon after the first segment as no scheme', () => {
    expect(normaliseSharePath('/a%252525250A').ok).toBe(true);
    expect(normaliseSharePath('/a/b:c').ok).toBe(true);
  });

  it('takes a path of exactly the limit', () => {
    expect(normaliseSharePath(`/${'a'.repeat(LINK_LIMITS.pathLength - 1)}`).ok).toBe(true);
    expect(reason(`/${'a'.repeat(LINK_LIMITS.pathLength)}`)).toBe(`the path is longer than ${LINK_LIMITS.pathLength} characters`);
  });
});

describe('canonicalScreenPath: one spelling per explorer screen', () => {
  const canonical = '/?v=1&q=level%3Aerror&from=now-24h&to=now&sort=asc';

  it.each([
    ['already canonical', canonical],
    ['parameters in another order', '/?sort=asc&to=now&from=now-24h&q=level%3Aerror&v=1'],
    ['a v0 link (no v)', '/?q=level:error&from=now-24h&to=now&sort=asc'],
    ['defaults spelled out', '/?v=1&q=level%3Aerror&lang=kql&f=%5B%5D&from=now-24h&to=now&sort=asc'],
    ['a broken part the screen falls back from', '/?v=1&q=level%3Aerror&from=now-24h&to=now&sort=asc&f=%5B%7Bbroken'],
    ['junk parameters', '/?v=1&q=level%3Aerror&from=now-24h&to=now&sort=asc&utm_source=chat'],
  ])('%s', (_name, path) => {
    expect(canonicalScreenPath(path)).toBe(canonical);
  });

  it('keeps the open document and the fragment, and tells other screens apart', () => {
    expect(canonicalScreenPath('/?doc=idx%2Fa%2Fb&v=1&from=now-1h&to=now#x')).toBe('/?v=1&from=now-1h&to=now&doc=idx%2Fa%2Fb#x');
    expect(canonicalScreenPath('/?v=1&q=level%3Awarn&from=now-24h&to=now&sort=asc')).not.toBe(canonical);
  });

  it('spells out the default range of a bare explorer link', () => {
    expect(canonicalScreenPath('/')).toBe('/?v=1&from=now-24h&to=now');
  });

  it('leaves other paths alone', () => {
    for (const path of ['/views/AbC123xyz0AbC123xy?q=x&v=1', '/pods/ns/pod?since=now-1h', '/s/abc']) {
      expect(canonicalScreenPath(path)).toBe(path);
    }
  });
});
