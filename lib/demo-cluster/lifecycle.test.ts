import { describe, expect, it } from 'vitest';
import { flattenDoc, generateEvents } from './index';

const END = new Date('2026-11-20T12:00:00.000Z');
const flat = [...generateEvents({ seed: 99, docs: 20_000, days: 1, end: END })].map((e) => flattenDoc(e.doc));
const ms = (f: Record<string, unknown>) => Date.parse(String(f['@timestamp']));
const str = (v: unknown) => String(v);

describe('container restarts and pod evictions', () => {
  it('restarts containers: same pod, several container ids, crash output before the new one starts', () => {
    const ids = new Map<string, Set<string>>();
    for (const f of flat) {
      if (!f['docker.container_id']) continue;
      const key = `${str(f['kubernetes.pod_id'])}|${str(f['kubernetes.container_name'])}`;
      ids.set(key, (ids.get(key) ?? new Set()).add(str(f['docker.container_id'])));
    }
    const restarted = [...ids].filter(([, set]) => set.size > 1);
    expect(restarted.length).toBeGreaterThan(0);
    for (const [key, set] of restarted) {
      const docs = flat.filter((f) => `${str(f['kubernetes.pod_id'])}|${str(f['kubernetes.container_name'])}` === key);
      // Each incarnation occupies its own stretch of time, in order.
      const spans = [...set].map((id) => docs.filter((f) => f['docker.container_id'] === id).map(ms));
      spans.sort((a, b) => Math.min(...a) - Math.min(...b));
      for (let i = 1; i < spans.length; i++) expect(Math.min(...(spans[i] ?? []))).toBeGreaterThan(Math.max(...(spans[i - 1] ?? [])));
      expect(new Set(docs.map((f) => f['kubernetes.pod_name'])).size).toBe(1);
    }
  });

  it('evicts pods: a new pod name and uid on another node replaces the old one', () => {
    interface Pod {
      name: string;
      uid: string;
      host: string;
      app: string;
      first: number;
      last: number;
    }
    const pods = new Map<string, Pod>();
    for (const f of flat) {
      const name = f['kubernetes.pod_name'];
      if (typeof name !== 'string') continue;
      const pod = pods.get(name) ?? {
        name,
        uid: str(f['kubernetes.pod_id']),
        host: str(f['kubernetes.host']),
        app: str(f['kubernetes.labels.app']),
        first: ms(f),
        last: ms(f),
      };
      pod.first = Math.min(pod.first, ms(f));
      pod.last = Math.max(pod.last, ms(f));
      pods.set(name, pod);
    }
    const start = END.getTime() - 86_400_000;
    const replacements = [...pods.values()].flatMap((next) => {
      if (next.first < start + 600_000) return [];
      const old = [...pods.values()].find(
        (p) => p.app === next.app && p.name !== next.name && p.last <= next.first && next.first - p.last < 60_000,
      );
      return old ? [{ old, next }] : [];
    });
    expect(replacements.length).toBeGreaterThan(0);
    for (const { old, next } of replacements) {
      expect(next.host).not.toBe(old.host);
      expect(next.uid).not.toBe(old.uid);
      expect(next.name.split('-').slice(0, -1)).toEqual(old.name.split('-').slice(0, -1));
    }
  });
});

describe('multi-line output', () => {
  it('keeps each stack trace contiguous in one container, 1 ms apart, in generation order', () => {
    let traces = 0;
    flat.forEach((f, i) => {
      if (!/^\tat |^Caused by: |^\t\.\.\. \d+ common frames omitted$/.test(str(f.log))) return;
      const previous = flat[i - 1];
      expect(previous?.['docker.container_id']).toBe(f['docker.container_id']);
      expect(ms(f) - ms(previous ?? {})).toBe(1);
      if (!/^\tat |^Caused by: /.test(str(previous?.log))) traces++;
    });
    expect(traces).toBeGreaterThan(5);
  });

  it('lets no other line of the container interleave when sorted by time', () => {
    const byContainer = new Map<string, Record<string, unknown>[]>();
    for (const f of flat) {
      const id = f['docker.container_id'];
      if (typeof id === 'string') byContainer.set(id, [...(byContainer.get(id) ?? []), f]);
    }
    for (const docs of byContainer.values()) {
      const sorted = [...docs].sort((a, b) => ms(a) - ms(b));
      sorted.forEach((f, i) => {
        if (!/^\tat /.test(str(f.log))) return;
        expect(ms(f) - ms(sorted[i - 1] ?? {})).toBe(1);
        expect(ms(sorted[i + 1] ?? { '@timestamp': '9999-01-01' })).toBeGreaterThan(ms(f));
      });
    }
  });

  it('writes Go panics as consecutive stderr lines of the crashing container', () => {
    const at = flat.findIndex((f) => str(f.log).startsWith('panic: '));
    expect(at).toBeGreaterThanOrEqual(0);
    const block = flat.slice(at, at + 5);
    expect(block.map((f) => f.stream)).toEqual(Array(5).fill('stderr'));
    expect(new Set(block.map((f) => f['docker.container_id'])).size).toBe(1);
    expect(block.map((f) => f.log).slice(2, 4)).toEqual(['', expect.stringMatching(/^goroutine \d+ \[running\]:$/)]);
  });
});

describe('multi-line output at volume', () => {
  // Generates 150k events: about 3 s on a quiet machine, past vitest's default 5 s when the 2 cores are shared.
  it('never lets another line of the same container fall inside a multi-line write (150k docs)', () => {
    // Spans of multi-line writes per container, and every single timestamp per container.
    const spans = new Map<string, [number, number][]>();
    const stamps = new Map<string, number[]>();
    let previous: { id: string; t: number; multi: boolean } | undefined;
    for (const { doc } of generateEvents({ seed: 1, docs: 150_000, days: 1, end: END })) {
      const id = (doc.docker as { container_id: string } | undefined)?.container_id;
      const t = Date.parse(String(doc['@timestamp']));
      if (!id) {
        previous = undefined;
        continue;
      }
      const continues =
        previous?.id === id &&
        t === previous.t + 1 &&
        /^(\t| |Caused by|goroutine|\[signal|net\/|created by|github|KeyError|$)/.test(String(doc.log));
      if (continues) {
        const list = spans.get(id) ?? [];
        const last = list.at(-1);
        if (previous?.multi && last) last[1] = t;
        else list.push([t - 1, t]);
        spans.set(id, list);
      } else {
        const own = stamps.get(id);
        if (own) own.push(t);
        else stamps.set(id, [t]);
      }
      previous = { id, t, multi: continues };
    }
    let checked = 0;
    for (const [id, list] of spans) {
      const singles = stamps.get(id) ?? [];
      for (const [a, b] of list) {
        checked++;
        expect(
          singles.filter((t) => t > a && t <= b),
          `${id} [${a}, ${b}]`,
        ).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(50);
  }, 30_000);
});
