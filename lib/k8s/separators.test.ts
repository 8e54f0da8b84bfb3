import { describe, expect, it } from 'vitest';
import { colourSlots, logItems } from '@/lib/k8s/separators';
import type { LogLine, RestartSeparator } from '@/lib/schema/pod-logs';

const T = Date.UTC(2026, 10, 20, 10);
const line = (n: number, container: string, containerId: string): LogLine => ({
  id: `l${n}`,
  index: 'i',
  timestamp: new Date(T + n * 1000).toISOString(),
  pod: 'p',
  container,
  containerId,
  node: 'n',
  stream: 'stdout',
  message: `m${n}`,
});
const restart = (container: string, containerId: string, at: number): RestartSeparator => ({
  container,
  podUid: 'u',
  at: new Date(T + at * 1000).toISOString(),
  containerId,
  previousContainerId: 'old',
  previousLastLine: new Date(T).toISOString(),
  previousLines: 3,
});

const shape = (items: ReturnType<typeof logItems>) =>
  items.map((i) => (i.kind === 'entry' ? i.lines.map((l) => l.id).join('+') : `R:${i.restart.containerId}`));

describe('logItems', () => {
  it('puts each separator before the first line of its new instance, per container', () => {
    const lines = [line(0, 'app', 'a1'), line(1, 'side', 's1'), line(2, 'app', 'a2'), line(3, 'side', 's2'), line(4, 'app', 'a2')];
    expect(shape(logItems(lines, [restart('side', 's2', 3), restart('app', 'a2', 2)]))).toEqual([
      'l0',
      'l1',
      'R:a2',
      'l2',
      'R:s2',
      'l3',
      'l4',
    ]);
  });

  it('keeps separators whose instance has no line on screen, by time (and at the end)', () => {
    const lines = [line(0, 'app', 'a1'), line(5, 'app', 'a3')];
    expect(shape(logItems(lines, [restart('app', 'a2', 2), restart('app', 'a3', 5), restart('app', 'a4', 9)]))).toEqual([
      'l0',
      'R:a2',
      'R:a3',
      'l5',
      'R:a4',
    ]);
  });
});

describe('logItems with grouping', () => {
  it('puts a separator before the multi-line event holding the new instance’s first line', () => {
    const lines = [
      line(0, 'app', 'a1'),
      { ...line(1, 'app', 'a2'), message: 'panic: boom' },
      { ...line(1, 'app', 'a2'), id: 'l1b', message: 'goroutine 1 [running]:' },
    ];
    expect(shape(logItems(lines, [restart('app', 'a2', 1)]))).toEqual(['l0', 'R:a2', 'l1+l1b']);
    expect(shape(logItems(lines, [restart('app', 'a2', 1)], false))).toEqual(['l0', 'R:a2', 'l1', 'l1b']);
  });
});

describe('colourSlots', () => {
  it('gives names slots in order of first sight, wrapping around', () => {
    expect([...colourSlots(['b', 'a', 'b', 'c'], 2)]).toEqual([
      ['b', 0],
      ['a', 1],
      ['c', 0],
    ]);
  });
});
