import { describe, expect, it } from 'vitest';
import { MIN_QUIET_MS, quietAllowance, restartsOf, summarizePod, type InstanceRow } from '@/lib/k8s/instances';

const T = Date.UTC(2026, 10, 20, 10, 0, 0);
const row = (over: Partial<InstanceRow>): InstanceRow => ({
  podUid: 'u1',
  container: 'app',
  containerId: 'c1',
  node: 'n1',
  first: T,
  last: T + 1000,
  lines: 10,
  ...over,
});

describe('restartsOf', () => {
  it('puts a separator at each change of container id, with the earlier instance’s last line and count', () => {
    const rows = [
      row({ containerId: 'c3', first: T + 20_000, last: T + 30_000, lines: 4 }),
      row({ containerId: 'c1', first: T, last: T + 5_000, lines: 7 }),
      row({ containerId: 'c2', first: T + 9_000, last: T + 15_000, lines: 3 }),
      row({ container: 'sidecar', containerId: 's1', first: T, last: T + 30_000, lines: 99 }),
    ];
    expect(restartsOf(rows)).toEqual([
      {
        container: 'app',
        podUid: 'u1',
        at: new Date(T + 9_000).toISOString(),
        containerId: 'c2',
        previousContainerId: 'c1',
        previousLastLine: new Date(T + 5_000).toISOString(),
        previousLines: 7,
      },
      {
        container: 'app',
        podUid: 'u1',
        at: new Date(T + 20_000).toISOString(),
        containerId: 'c3',
        previousContainerId: 'c2',
        previousLastLine: new Date(T + 15_000).toISOString(),
        previousLines: 3,
      },
    ]);
  });

  it('does not count a new pod uid (a recreated StatefulSet pod) or lines without ids as restarts', () => {
    expect(restartsOf([row({ podUid: 'u1' }), row({ podUid: 'u2', containerId: 'c2', first: T + 10_000 })])).toEqual([]);
    expect(restartsOf([row({ containerId: '' }), row({ containerId: '', first: T + 10_000 })])).toEqual([]);
  });
});

describe('quietAllowance', () => {
  it('is five minutes for busy pods, three average gaps for quiet ones, an hour at most', () => {
    expect(quietAllowance(T, T + 60_000, 100)).toBe(MIN_QUIET_MS);
    expect(quietAllowance(T, T + 10 * 600_000, 11)).toBe(1_800_000);
    expect(quietAllowance(T, T + 86_400_000, 3)).toBe(3_600_000);
    expect(quietAllowance(T, T, 1)).toBe(MIN_QUIET_MS);
  });
});

describe('summarizePod', () => {
  it('marks a pod gone when its last line is older than the allowance before the range ends', () => {
    const rows = [row({ first: T, last: T + 60_000, lines: 100, node: 'n2' })];
    const alive = summarizePod('ns', 'web-0', rows, T + 60_000 + MIN_QUIET_MS);
    expect(alive.gone).toBeNull();
    const gone = summarizePod('ns', 'web-0', rows, T + 60_000 + MIN_QUIET_MS + 1);
    expect(gone.gone).toEqual({ lastLine: new Date(T + 60_000).toISOString(), node: 'n2' });
    expect(gone.workload).toEqual({ kind: 'StatefulSet', name: 'web' });
    expect(gone.lines).toBe(100);
  });

  it('summarises an empty pod without inventing times', () => {
    const s = summarizePod('ns', 'nothing', [], T);
    expect([s.firstLine, s.lastLine, s.gone, s.lines]).toEqual([null, null, null, 0]);
  });
});
