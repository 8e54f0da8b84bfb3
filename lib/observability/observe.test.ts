import { describe, expect, it } from 'vitest';
import { engineOperation } from '@/lib/observability/engine-metrics';
import { routeLabel } from '@/lib/observability/observe';
import { traceIdOf } from '@/lib/observability/context';

describe('routeLabel', () => {
  it.each([
    ['/api/search', '/api/search'],
    ['/api/health/ready', '/api/health/ready'],
    ['/api/views', '/api/views'],
    ['/api/views/Xp3k9QzT2mWaAbCdEfGh', '/api/views/:id'],
    ['/api/views/abc123', '/api/views/:id'],
    ['/s/Xp3k9QzT2mWa', '/s/:id'],
  ])('%s → %s', (path, label) => expect(routeLabel(path)).toBe(label));
});

describe('engineOperation', () => {
  it.each([
    ['/lxtest-logstash-*/_search', 'search'],
    ['/_pit', 'pit'],
    ['/_search', 'search'],
    ['/log-explorer-views/_doc/abc', 'doc'],
    ['/_cluster/health', 'cluster'],
    ['/logstash-*/_field_caps', 'field_caps'],
    ['/log-explorer-views', 'index'],
  ])('%s → %s', (path, op) => expect(engineOperation(path)).toBe(op));
});

describe('traceIdOf', () => {
  it('keeps a UUID request id’s hex digits as the engine’s trace id, and hashes anything else to 32 hex digits', () => {
    expect(traceIdOf('0AF76519-16CD-43DD-8448-EB211C80319C')).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(traceIdOf('ingress-req-42')).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdOf('ingress-req-42')).toBe(traceIdOf('ingress-req-42'));
    expect(traceIdOf('00000000-0000-0000-0000-000000000000')).not.toBe('0'.repeat(32));
  });
});
