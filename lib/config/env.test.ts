import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configProblems, formatProblems, nodeVersionProblem, opsSettings, redactUrl } from '@/lib/config/env';

const dir = mkdtempSync(path.join(tmpdir(), 'lx-config-'));
const goodCa = path.join(dir, 'ca.pem');
writeFileSync(goodCa, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
const notPem = path.join(dir, 'ca.txt');
writeFileSync(notPem, 'hello');

describe('configProblems', () => {
  it('accepts an empty environment (every default) and a complete valid one', () => {
    expect(configProblems({})).toEqual([]);
    expect(
      configProblems({
        ELASTICSEARCH_URL: 'https://es.logging.svc:9200',
        ELASTICSEARCH_USERNAME: 'elastic',
        ELASTICSEARCH_PASSWORD: 'pw',
        ELASTICSEARCH_CA_FILE: goodCa,
        LOG_SOURCES: '[{"id":"k8s","indexPattern":"logstash-*"}]',
        SEARCH_TIMEOUT_MS: '5000',
        APP_INDEX_PREFIX: 'lx-',
        EXPORT_MAX_ROWS: '500000',
        EMBED_SECRET: 'x'.repeat(32),
        EMBED_ALLOWED_ORIGINS: 'https://wiki.example.com, http://localhost:8080',
        MAX_CONCURRENT_SEARCHES: '8',
        HSTS_MAX_AGE: '31536000',
        LOG_LEVEL: 'debug',
        LOG_QUERY_MAX_CHARS: '0',
        METRICS_ENABLED: 'false',
        METRICS_TOKEN: 't'.repeat(16),
        SHUTDOWN_TIMEOUT_MS: '20000',
        PORT: '3000',
      }),
    ).toEqual([]);
  });

  const table: [string, Record<string, string>, string, RegExp][] = [
    ['bad JSON in LOG_SOURCES', { LOG_SOURCES: '[{"id":' }, 'LOG_SOURCES', /not JSON/],
    ['no source', { LOG_SOURCES: '[]' }, 'LOG_SOURCES', /no source/],
    ['a bad source id', { LOG_SOURCES: '[{"id":"Bad Id","indexPattern":"x"}]' }, 'LOG_SOURCES', /0\.id/],
    ['a malformed URL', { ELASTICSEARCH_URL: 'http://exa mple:9200' }, 'ELASTICSEARCH_URL', /not a URL/],
    ['a non-HTTP URL', { ELASTICSEARCH_URL: 'ftp://es:21' }, 'ELASTICSEARCH_URL', /http:\/\/ or https:\/\/.*"ftp:"/],
    ['a URL without a scheme', { ELASTICSEARCH_URL: 'elasticsearch:9200' }, 'ELASTICSEARCH_URL', /starting with http:\/\//],
    ['a missing CA file', { ELASTICSEARCH_CA_FILE: path.join(dir, 'nope.pem') }, 'ELASTICSEARCH_CA_FILE', /cannot read/],
    ['a CA file without a certificate', { ELASTICSEARCH_CA_FILE: notPem }, 'ELASTICSEARCH_CA_FILE', /no PEM certificate/],
    [
      'an embed origin with a path',
      { EMBED_ALLOWED_ORIGINS: 'https://wiki.example.com, https://x.example/page' },
      'EMBED_ALLOWED_ORIGINS',
      /x\.example\/page/,
    ],
    ['a shedding bound of zero', { MAX_CONCURRENT_SEARCHES: '0' }, 'MAX_CONCURRENT_SEARCHES', /1 to 10000/],
    ['a negative HSTS age', { HSTS_MAX_AGE: '-1' }, 'HSTS_MAX_AGE', /whole number/],
    ['an embed secret too short', { EMBED_SECRET: 'short' }, 'EMBED_SECRET', /at least 32/],
    ['a port out of range', { PORT: '70000' }, 'PORT', /1 to 65535/],
    ['a timeout that is not a number', { SEARCH_TIMEOUT_MS: '10s' }, 'SEARCH_TIMEOUT_MS', /whole number/],
    ['an index prefix with upper case', { APP_INDEX_PREFIX: 'LX_' }, 'APP_INDEX_PREFIX', /lowercase/],
    ['zero export rows', { EXPORT_MAX_ROWS: '0' }, 'EXPORT_MAX_ROWS', /whole number/],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', /one of fatal, error/],
    ['a flag that is not a boolean', { METRICS_ENABLED: 'maybe' }, 'METRICS_ENABLED', /true or false/],
    ['a short metrics token', { METRICS_TOKEN: 'abc' }, 'METRICS_TOKEN', /at least 16/],
    ['a password without a user', { ELASTICSEARCH_PASSWORD: 'pw' }, 'ELASTICSEARCH_PASSWORD', /USERNAME is not/],
    ['two ways to authenticate', { ELASTICSEARCH_API_KEY: 'k', ELASTICSEARCH_USERNAME: 'u' }, 'ELASTICSEARCH_API_KEY', /choose one/],
  ];
  it.each(table)('names the variable for %s', (_name, env, variable, message) => {
    const problems = configProblems(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe(variable);
    expect(problems[0]?.message).toMatch(message);
  });

  it('reports every bad variable at once, one line each, without echoing secrets', () => {
    const problems = configProblems({
      ELASTICSEARCH_URL: 'https://elastic:hunter2-secret@:bad',
      EMBED_SECRET: 'tiny-secret-value',
      LOG_SOURCES: 'nope',
    });
    expect(problems.map((p) => p.variable)).toEqual(['ELASTICSEARCH_URL', 'LOG_SOURCES', 'EMBED_SECRET']);
    const text = formatProblems(problems);
    expect(text.split('\n')).toHaveLength(4);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('tiny-secret-value');
  });
});

describe('redactUrl', () => {
  it('drops user info from URLs, parseable or not', () => {
    expect(redactUrl('https://u:p@es:9200/x')).toBe('https://es:9200/x');
    expect(redactUrl('https://u:p@:bad')).not.toContain('u:p');
  });
});

describe('opsSettings', () => {
  it('has defaults and reads valid values', () => {
    expect(opsSettings({})).toEqual({
      logLevel: 'info',
      logQueryMaxChars: 200,
      metricsEnabled: true,
      metricsToken: undefined,
      shutdownTimeoutMs: 25_000,
    });
    expect(opsSettings({ METRICS_ENABLED: 'off', LOG_QUERY_MAX_CHARS: '12' })).toMatchObject({
      metricsEnabled: false,
      logQueryMaxChars: 12,
    });
  });
});

describe('nodeVersionProblem', () => {
  it('refuses Node older than 22', () => {
    expect(nodeVersionProblem('20.20.2')?.message).toMatch(/needs Node.js 22 or newer; this is Node.js 20.20.2/);
    expect(nodeVersionProblem('22.0.0')).toBeNull();
    expect(nodeVersionProblem('24.21.0')).toBeNull();
  });
});
