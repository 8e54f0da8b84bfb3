import { describe, expect, it } from 'vitest';
import { engineOperation } from '@/lib/observability/engine-metrics';
import { routeLabel } from '@/lib/observability/observe';

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
