import { describe, expect, it } from 'vitest';
import { buildContextRequest, CONTEXT_WINDOW_MS, type ContextPlan } from '@/lib/k8s/context-query';

const plan: ContextPlan = {
  index: 'logstash-*',
  timeField: '@timestamp',
  terms: { 'kubernetes.pod_name': 'api-1' },
  direction: 'before',
  searchAfter: ['2026-11-20T12:00:00.123456789Z', 'logstash-2026.11.20', 7],
  size: 51,
  sourceFields: ['@timestamp', 'log'],
  engineTimeout: '5s',
};
const filters = (p: ContextPlan) => (buildContextRequest(p).query?.bool?.filter ?? []) as object[];
const anchorMs = Date.parse('2026-11-20T12:00:00.123Z');

describe('buildContextRequest', () => {
  it('pins the scope’s terms and nothing else without a window', () => {
    expect(filters(plan)).toEqual([{ term: { 'kubernetes.pod_name': 'api-1' } }]);
  });

  it('bounds each direction to its side of the anchor, a millisecond wider so its own millisecond stays in', () => {
    const window = { anchorMs, ms: CONTEXT_WINDOW_MS };
    expect(filters({ ...plan, window })).toContainEqual({
      range: { '@timestamp': { gte: anchorMs - CONTEXT_WINDOW_MS - 1, format: 'epoch_millis' } },
    });
    expect(filters({ ...plan, direction: 'after', window })).toContainEqual({
      range: { '@timestamp': { lte: anchorMs + CONTEXT_WINDOW_MS + 1, format: 'epoch_millis' } },
    });
  });
});
