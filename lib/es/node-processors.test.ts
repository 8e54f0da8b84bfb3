import { describe, expect, it } from 'vitest';
import { fewestDataProcessors } from '@/lib/es/node-processors';

describe('fewestDataProcessors', () => {
  it('is the fewest processors among the nodes that hold data, whatever their data tier', () => {
    expect(
      fewestDataProcessors({
        nodes: {
          a: { roles: ['data_hot', 'ingest'], os: { allocated_processors: 8 } },
          b: { roles: ['data'], os: { allocated_processors: 4 } },
          c: { roles: ['data_content'], os: { allocated_processors: 6 } },
          // Coordinating or master-only nodes do not search shards.
          d: { roles: ['master'], os: { allocated_processors: 1 } },
          e: { roles: [], os: { allocated_processors: 1 } },
        },
      }),
    ).toBe(4);
  });

  it('reads any data tier, and a node with one processor', () => {
    expect(fewestDataProcessors({ nodes: { a: { roles: ['data_hot'], os: { allocated_processors: 3 } } } })).toBe(3);
    expect(
      fewestDataProcessors({
        nodes: {
          a: { roles: ['data_frozen', 'master'], os: { allocated_processors: 1 } },
          b: { roles: ['data'], os: { allocated_processors: 2 } },
        },
      }),
    ).toBe(1);
    // A role that only ends like a tier is not one.
    expect(fewestDataProcessors({ nodes: { a: { roles: ['no_data_'], os: { allocated_processors: 1 } } } })).toBeNull();
  });

  it('counts a node that lists no roles as holding data (engines before roles were reported)', () => {
    expect(
      fewestDataProcessors({ nodes: { a: { os: { allocated_processors: 3 } }, b: { roles: ['data'], os: { allocated_processors: 5 } } } }),
    ).toBe(3);
  });

  it('is null when no data node says a usable number', () => {
    expect(fewestDataProcessors({})).toBeNull();
    expect(fewestDataProcessors({ nodes: {} })).toBeNull();
    expect(fewestDataProcessors({ nodes: { a: { roles: ['master'], os: { allocated_processors: 2 } } } })).toBeNull();
    for (const bad of [0, -1, 1.5, Number.NaN, 'two' as unknown as number, undefined]) {
      expect(fewestDataProcessors({ nodes: { a: { roles: ['data'], os: { allocated_processors: bad } } } })).toBeNull();
    }
    expect(fewestDataProcessors({ nodes: { a: { roles: ['data'] } } })).toBeNull();
    // A node with a bad number does not hide a good one.
    expect(
      fewestDataProcessors({
        nodes: { a: { roles: ['data'], os: { allocated_processors: 0 } }, b: { roles: ['data'], os: { allocated_processors: 2 } } },
      }),
    ).toBe(2);
  });
});
