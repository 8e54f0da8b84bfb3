import { describe, expect, it } from 'vitest';
import { checkWriteRequest } from '@/lib/api/csrf';

const APP = 'http://logs.example:3000';

function req(method: string, headers: Record<string, string>): Request {
  const init: RequestInit = { method, headers: { host: 'logs.example:3000', ...headers } };
  if (method !== 'GET' && method !== 'HEAD' && method !== 'DELETE') init.body = '{}';
  return new Request(`${APP}/api/views`, init);
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('checkWriteRequest', () => {
  it.each([
    ['GET from anywhere', 'GET', { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['same-origin fetch', 'POST', { ...JSON_TYPE, 'sec-fetch-site': 'same-origin', origin: APP }],
    ['user-initiated', 'POST', { ...JSON_TYPE, 'sec-fetch-site': 'none' }],
    ['Origin of the Host, no fetch metadata', 'PUT', { ...JSON_TYPE, origin: APP }],
    [
      'Origin matching X-Forwarded-Host behind a TLS proxy',
      'POST',
      { ...JSON_TYPE, origin: 'https://logs.corp', 'x-forwarded-host': 'logs.corp' },
    ],
    ['a script without browser headers', 'POST', { 'content-type': 'application/json; charset=utf-8' }],
    ['body-less same-origin DELETE', 'DELETE', { 'sec-fetch-site': 'same-origin' }],
  ])('accepts %s', (_name, method, headers) => {
    expect(checkWriteRequest(req(method, headers))).toBeNull();
  });

  it.each([
    ['cross-site fetch', 'POST', { ...JSON_TYPE, 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' }],
    ['same-site sibling', 'PUT', { ...JSON_TYPE, 'sec-fetch-site': 'same-site', origin: 'http://other.example:3000' }],
    ['foreign Origin without fetch metadata', 'PUT', { ...JSON_TYPE, origin: 'http://evil.example' }],
    ['same host on another port', 'POST', { ...JSON_TYPE, origin: 'http://logs.example:4000' }],
    ['opaque Origin (sandboxed frame)', 'DELETE', { origin: 'null' }],
    ['foreign DELETE', 'DELETE', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403 cross_origin', (_name, method, headers) => {
    const refusal = checkWriteRequest(req(method, headers));
    expect(refusal?.status).toBe(403);
    expect(refusal?.code).toBe('cross_origin');
  });

  it.each([
    ['text/plain (a no-cors form post)', { 'content-type': 'text/plain' }],
    ['form encoding', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['no type', {}],
    ['a JSON look-alike', { 'content-type': 'application/jsonp' }],
  ])('refuses a same-origin write typed %s with 415', (_name, headers) => {
    const refusal = checkWriteRequest(req('POST', { ...headers, 'sec-fetch-site': 'same-origin' }));
    expect(refusal?.status).toBe(415);
    expect(refusal?.code).toBe('unsupported_media_type');
  });
});
