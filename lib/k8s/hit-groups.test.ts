import { describe, expect, it } from 'vitest';
import { groupableOf, groupHits, type HitMeanings } from '@/lib/k8s/hit-groups';
import type { SearchHit } from '@/lib/schema/search';

const MEANINGS: HitMeanings = {
  pod: 'kubernetes.pod_name',
  container: 'kubernetes.container_name',
  container_id: 'docker.container_id',
  stream: 'stream',
  level: 'level',
};
const T = Date.UTC(2026, 10, 20, 10);

function hit(n: number, message: string, over: Record<string, unknown> = {}): SearchHit {
  return {
    id: `d${n}`,
    index: 'logstash-2026.11.20',
    timestamp: new Date(T + n).toISOString(),
    message,
    fields: {
      'kubernetes.pod_name': 'api-7d9c8b6f5-x2x1z',
      'kubernetes.container_name': 'api',
      'docker.container_id': 'c1',
      stream: 'stderr',
      ...over,
    },
  };
}

// Oldest first, as the container wrote them.
const WRITTEN = [
  hit(0, 'GET /health 200', { stream: 'stdout' }),
  hit(1, 'java.lang.IllegalStateException: boom'),
  hit(2, 'GET /health 200', { stream: 'stdout' }),
  hit(3, '\tat com.acme.A.b(A.java:1)'),
  hit(4, '\tat com.acme.C.d(C.java:2)'),
  hit(5, 'GET /ready 200', { stream: 'stdout' }),
];
const ids = (events: ReturnType<typeof groupHits>) => events.map((e) => e.hits.map((h) => h.id));

describe('groupHits', () => {
  it('oldest first: the trace is one event at its head, lines in written order', () => {
    expect(ids(groupHits(WRITTEN, MEANINGS, 'asc'))).toEqual([['d0'], ['d1', 'd3', 'd4'], ['d2'], ['d5']]);
  });

  it('newest first: the same event, placed where its newest line is, its lines still oldest first', () => {
    expect(ids(groupHits([...WRITTEN].reverse(), MEANINGS, 'desc'))).toEqual([['d5'], ['d1', 'd3', 'd4'], ['d2'], ['d0']]);
  });

  it('switched off, every row is its own event in the table order', () => {
    expect(ids(groupHits([...WRITTEN].reverse(), MEANINGS, 'desc', false))).toEqual(['d5', 'd4', 'd3', 'd2', 'd1', 'd0'].map((d) => [d]));
  });

  it('keeps containers and container instances apart', () => {
    const rows = [hit(0, 'java.lang.Error: x'), hit(1, '\tat a.B.c(B.java:1)', { 'docker.container_id': 'c2' })];
    expect(ids(groupHits(rows, MEANINGS, 'asc'))).toEqual([['d0'], ['d1']]);
  });

  it('keeps lines without Kubernetes metadata apart per index', () => {
    const bare = (n: number, message: string, index: string): SearchHit => ({ ...hit(n, message), index, fields: {} });
    const rows = [bare(0, 'config:', 'a'), bare(1, '  port: 80', 'b'), bare(2, '  host: x', 'a')];
    expect(ids(groupHits(rows, MEANINGS, 'asc'))).toEqual([['d0', 'd2'], ['d1']]);
    expect(groupableOf(rows[0] as SearchHit, MEANINGS).pod).toBe('index:a');
  });

  it('reads the level case-insensitively from the level field', () => {
    expect(groupableOf(hit(0, 'x', { level: 'ERROR' }), MEANINGS).level).toBe('error');
    expect(groupableOf(hit(0, 'x'), {}).level).toBeUndefined();
  });
});
