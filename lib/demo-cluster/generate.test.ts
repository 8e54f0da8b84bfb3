import { describe, expect, it } from 'vitest';
import { flattenDoc, generateEvents } from './index';
import type { DemoEvent, DemoOptions } from './index';

const END = new Date('2026-11-20T12:00:00.000Z');
const BASE: DemoOptions = { seed: 7, docs: 20_000, days: 1, end: END };

function all(opts: DemoOptions): DemoEvent[] {
  return [...generateEvents(opts)];
}

const sample = all(BASE);
const flat = sample.map((e) => flattenDoc(e.doc));
const ms = (f: Record<string, unknown>) => Date.parse(String(f['@timestamp']));

describe('generateEvents: determinism and bounds', () => {
  it('gives identical events for the same options', () => {
    const again = all({ ...BASE, end: new Date(END.getTime()) });
    expect(JSON.stringify(again)).toBe(JSON.stringify(sample));
  });

  it('gives different events (and ids) for a different seed', () => {
    const other = all({ ...BASE, seed: 8, docs: 2000 });
    expect(other.map((e) => e.id)).not.toEqual(sample.slice(0, 2000).map((e) => e.id));
    expect(other.map((e) => e.doc.log)).not.toEqual(sample.slice(0, 2000).map((e) => e.doc.log));
  });

  it.each([
    [0, 1],
    [1, 1],
    [7, 0.01],
    [1234, 2.5],
    [5000, 0.25],
  ])('emits exactly %i docs over %f days', (docs, days) => {
    expect(all({ ...BASE, docs, days })).toHaveLength(docs);
  });

  it('emits exactly the requested number of docs with unique ids', () => {
    expect(sample).toHaveLength(BASE.docs);
    expect(new Set(sample.map((e) => e.id)).size).toBe(BASE.docs);
  });

  it('keeps every timestamp in (end - days, end] and in its UTC day index', () => {
    for (const days of [1, 2.5]) {
      const events = all({ ...BASE, docs: 4000, days, indexPrefix: 'x-' });
      const start = END.getTime() - days * 86_400_000;
      for (const e of events) {
        const t = Date.parse(String(e.doc['@timestamp']));
        expect(t).toBeGreaterThan(start);
        expect(t).toBeLessThanOrEqual(END.getTime());
        expect(e.index).toBe(`x-${String(e.doc['@timestamp']).slice(0, 10).replace(/-/g, '.')}`);
      }
    }
  });

  it('rejects invalid options', () => {
    expect(() => all({ ...BASE, docs: -1 })).toThrow(/docs/);
    expect(() => all({ ...BASE, days: 0 })).toThrow(/days/);
    expect(() => all({ ...BASE, end: new Date('nope') })).toThrow(/end/);
  });
});

describe('generateEvents: traffic shape', () => {
  it('follows the daily curve: afternoon busier than night', () => {
    const hour = (h: number) => flat.filter((f) => new Date(ms(f)).getUTCHours() === h).length;
    expect(hour(16)).toBeGreaterThan(2 * hour(4));
  });

  it('has an error burst in one namespace', () => {
    // Errors per namespace per 10 minutes: the busiest slot towers over that namespace's median.
    const slots = new Map<string, number>();
    for (const f of flat) {
      if (f.level !== 'error' || !f['kubernetes.namespace_name']) continue;
      const key = `${f['kubernetes.namespace_name']}|${Math.floor(ms(f) / 600_000)}`;
      slots.set(key, (slots.get(key) ?? 0) + 1);
    }
    const best = [...slots].sort((a, b) => b[1] - a[1])[0];
    expect(best).toBeDefined();
    const [key, count] = best as [string, number];
    const ns = key.split('|')[0];
    const others = [...slots]
      .filter(([k]) => k.startsWith(`${ns}|`))
      .map(([, c]) => c)
      .sort((a, b) => a - b);
    const median = others[Math.floor(others.length / 2)] ?? 0;
    expect(count).toBeGreaterThan(5 * Math.max(1, median));
  });
});
