import { describe, expect, it } from 'vitest';
import { engineSearchCount, traceparent } from '@/lib/es/gated-transport';

describe('engineSearchCount', () => {
  it('counts what the engine runs: one per search or count, one per search of an _msearch, none otherwise', () => {
    expect(engineSearchCount({ path: '/logs-*/_search' })).toBe(1);
    expect(engineSearchCount({ path: '/_search' })).toBe(1);
    expect(engineSearchCount({ path: '/logs-*/_count' })).toBe(1);
    expect(engineSearchCount({ path: '/_msearch', bulkBody: [{}, {}, {}, {}, {}, {}] })).toBe(3);
    expect(engineSearchCount({ path: '/_msearch', bulkBody: '{"index":"a"}\n{}\n{"index":"b"}\n{}\n' })).toBe(2);
    expect(engineSearchCount({ path: '/logs-*/_field_caps' })).toBe(0);
    expect(engineSearchCount({ path: '/_pit' })).toBe(0);
    expect(engineSearchCount({ path: '/views/_doc/x' })).toBe(0);
  });
});

describe('traceparent', () => {
  it('is a W3C traceparent carrying the trace id', () => {
    expect(traceparent('0af7651916cd43dd8448eb211c80319c')).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00$/);
  });
});
