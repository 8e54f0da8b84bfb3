import { describe, expect, it } from 'vitest';
import type { LogLine } from '@/lib/schema/pod-logs';
import { withLiveLines } from './live-lines';

const line = (id: string, pod = 'a-0'): LogLine => ({
  id,
  index: 'i',
  timestamp: '2026-11-20T10:00:00.000Z',
  pod,
  container: 'c',
  containerId: 'x',
  node: 'n',
  stream: 'stdout',
  message: id,
});

describe('withLiveLines', () => {
  it('appends live lines not already loaded, once each, in arrival order', () => {
    const loaded = [line('1'), line('2')];
    expect(withLiveLines(loaded, [line('2'), line('3'), line('4')]).map((l) => l.id)).toEqual(['1', '2', '3', '4']);
    expect(withLiveLines(loaded, [])).toBe(loaded);
  });

  it('keeps only the live lines `keep` accepts (the workload view’s pod filter)', () => {
    const live = [line('3', 'a-0'), line('4', 'a-1')];
    expect(withLiveLines([], live, (l) => l.pod === 'a-1').map((l) => l.id)).toEqual(['4']);
  });
});
