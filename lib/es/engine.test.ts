import { describe, expect, it } from 'vitest';
import { classifyEngine, EngineConfigError } from '@/lib/es/engine';

const json = { 'content-type': 'application/json' };
const elastic = { ...json, 'x-elastic-product': 'Elasticsearch' };

describe('classifyEngine', () => {
  it('reads Elasticsearch and OpenSearch from GET /', () => {
    expect(classifyEngine({ status: 200, headers: elastic, body: { version: { number: '8.19.21' } } })).toEqual({
      distribution: 'elasticsearch',
      version: '8.19.21',
      major: 8,
      minor: 19,
    });
    expect(
      classifyEngine({ status: 200, headers: json, body: { version: { number: '2.19.6', distribution: 'opensearch' } } }),
    ).toMatchObject({ distribution: 'opensearch', major: 2, minor: 19 });
  });

  it('falls back to the nodes version for an Elasticsearch without the root endpoint', () => {
    expect(classifyEngine({ status: 405, headers: elastic, body: { error: 'Incorrect HTTP method' } }, '9.2.2')).toMatchObject({
      distribution: 'elasticsearch',
      version: '9.2.2',
    });
  });

  it.each([
    ['an HTML page', { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><p>hi' }, /HTML page/],
    ['plain text', { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }, /not JSON \(text\/plain\)/],
    ['401', { status: 401, headers: elastic, body: {} }, /refused the app's credentials \(HTTP 401\)/],
    ['403', { status: 403, headers: json, body: {} }, /HTTP 403/],
    ['other JSON', { status: 200, headers: json, body: { hello: 'world' } }, /not as Elasticsearch or OpenSearch/],
    ['a 404 without the product header', { status: 404, headers: json, body: {} }, /HTTP 404/],
    ['Elasticsearch 7', { status: 200, headers: elastic, body: { version: { number: '7.17.1' } } }, /older than supported \(8\.x, 9\.x\)/],
    ['OpenSearch 1', { status: 200, headers: json, body: { version: { number: '1.3.0', distribution: 'opensearch' } } }, /\(2\.x, 3\.x\)/],
    ['an unreadable version', { status: 200, headers: elastic, body: { version: { number: 'banana' } } }, /unreadable version/],
  ])('refuses %s with a message that says so', (_what, root, message) => {
    expect(() => classifyEngine(root)).toThrow(EngineConfigError);
    expect(() => classifyEngine(root)).toThrow(message);
  });
});
