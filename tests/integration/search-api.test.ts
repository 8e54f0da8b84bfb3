import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchRequestInput, SearchResponse } from '@/lib/schema/search';
import { countBy, END, eventsIn, HOUR, iso, search, seedTestDataset, type ExpectedEvent } from './search-fixture';

const LAST_6H = { from: iso(END - 6 * HOUR), to: iso(END) };
const NS = 'kubernetes.namespace_name';

beforeAll(async () => {
  await seedTestDataset();
});

const inLast6h = (where?: (f: Record<string, unknown>) => boolean) => eventsIn(END - 6 * HOUR, END, where);

function topNamespace(list: readonly ExpectedEvent[], rank = 0): string {
  const sorted = [...countBy(list, NS)].sort((a, b) => b[1] - a[1]);
  const entry = sorted[rank];
  if (!entry) throw new Error('the dataset has too few namespaces');
  return entry[0];
}

describe('totals, histogram and facets', () => {
  it('counts the last 6 h exactly, and the bars add up to the total', async () => {
    const expected = inLast6h();
    const res = await search({ time: LAST_6H, size: 10, histogram: true });
    expect(res.total).toEqual({ value: expected.length, relation: 'eq' });
    expect(res.histogram?.buckets.reduce((s, b) => s + b.count, 0)).toBe(expected.length);
    expect(res.range).toEqual({ from: END - 6 * HOUR, to: END });
  });

  it('puts every document in its bar, empty bars included, levels stacked', async () => {
    const expected = inLast6h();
    const res = await search({ time: LAST_6H, size: 1 });
    const h = res.histogram!;
    expect(h.interval).toBe('5m');
    const bars = new Map<number, { count: number; errors: number }>();
    for (let key = Math.floor((END - 6 * HOUR) / h.intervalMs) * h.intervalMs; key <= END; key += h.intervalMs) {
      bars.set(key, { count: 0, errors: 0 });
    }
    for (const e of expected) {
      const bar = bars.get(Math.floor(e.ts / h.intervalMs) * h.intervalMs)!;
      bar.count++;
      if (e.fields.level === 'error') bar.errors++;
    }
    expect(h.buckets.map((b) => [b.key, b.count])).toEqual([...bars].map(([key, v]) => [key, v.count]));
    expect(h.buckets.map((b) => b.levels?.error ?? 0)).toEqual([...bars.values()].map((v) => v.errors));
    expect(h.buckets.length).toBeLessThanOrEqual(200);
  });

  it('reports namespace facet counts from the generator', async () => {
    const counts = countBy(inLast6h(), NS);
    const res = await search({ time: LAST_6H, size: 1, facets: ['namespace', 'level'], facetSize: 5 });
    const facet = res.facets.namespace!;
    expect(facet).toHaveLength(Math.min(5, counts.size));
    for (const { value, count } of facet) expect(count).toBe(counts.get(value));
    const shown = new Set(facet.map((f) => f.value));
    const smallestShown = Math.min(...facet.map((f) => f.count));
    for (const [value, count] of counts) if (!shown.has(value)) expect(count).toBeLessThanOrEqual(smallestShown);
    const levels = countBy(inLast6h(), 'level');
    for (const { value, count } of res.facets.level!) expect(count).toBe(levels.get(value));
  });

  it('counts facets from the generator over unaligned ranges, whether the pieces add up or the whole range is asked', async () => {
    // The facets part asked on its own, as the browser does: its interior and edges (lib/search/
    // bars-pieces.ts), added up when every value was listed, else asked over the whole range.
    const screens = fc.sample(
      fc.record({
        start: fc.integer({ min: 0, max: 20 * 60 }),
        minutes: fc.integer({ min: 1, max: 4 * 60 }),
        ms: fc.integer({ min: 0, max: 59_999 }),
        facetSize: fc.constantFrom(2, 50),
        error: fc.boolean(),
      }),
      { numRuns: 8, seed: 20261130 },
    );
    for (const s of screens) {
      const from = END - 24 * HOUR + s.start * 60_000 + s.ms;
      const to = Math.min(END, from + s.minutes * 60_000 + s.ms);
      const where = s.error ? (f: Record<string, unknown>) => f.level === 'error' : undefined;
      const res = await search({
        time: { from: iso(from), to: iso(to) },
        query: { language: 'kql', text: s.error ? 'level:error' : '' },
        size: 0,
        histogram: false,
        facets: ['namespace', 'pod', 'level'],
        facetSize: s.facetSize,
      });
      for (const [meaning, field] of [
        ['namespace', NS],
        ['pod', 'kubernetes.pod_name'],
        ['level', 'level'],
      ] as const) {
        const counts = countBy(eventsIn(from, to, where), field);
        const facet = res.facets[meaning]!;
        expect(facet).toHaveLength(Math.min(s.facetSize, counts.size));
        for (const { value, count } of facet) expect(count).toBe(counts.get(value));
        const shown = new Set(facet.map((f) => f.value));
        const smallestShown = Math.min(...facet.map((f) => f.count));
        for (const [value, count] of counts) if (!shown.has(value)) expect(count).toBeLessThanOrEqual(smallestShown);
      }
    }
  });

  it('counts errors in a window with a query, total equal to bars', async () => {
    const from = END - 3 * HOUR;
    const expected = eventsIn(from, END, (f) => f.level === 'error');
    const res = await search({ time: { from: iso(from), to: iso(END) }, query: { language: 'kql', text: 'level:error' }, size: 5 });
    expect(expected.length).toBeGreaterThan(0);
    expect(res.total).toEqual({ value: expected.length, relation: 'eq' });
    expect(res.hits.every((h) => h.fields.level === 'error')).toBe(true);
  });

  it('runs Lucene through query_string', async () => {
    const ns = topNamespace(inLast6h());
    const expected = inLast6h((f) => f.level === 'error' && f[NS] === ns);
    const res = await search({ time: LAST_6H, query: { language: 'lucene', text: `level:error AND ${NS}:"${ns}"` } });
    expect(res.total.value).toBe(expected.length);
  });

  it('counts with the engine when no histogram is asked for: exact under 10,000, capped above', async () => {
    const oneHour = await search({ time: { from: iso(END - HOUR), to: iso(END) }, histogram: false, size: 1 });
    expect(oneHour.total).toEqual({ value: eventsIn(END - HOUR, END).length, relation: 'eq' });
    expect(oneHour.histogram).toBeNull();
    const day = await search({ time: { from: iso(END - 24 * HOUR), to: iso(END) }, histogram: false, size: 1 });
    expect(day.total).toEqual({ value: 10_000, relation: 'gte' });
  });

  it('counts nothing when the caller counts elsewhere: the same rows, the page as the total', async () => {
    const from = END - 3 * HOUR;
    const time = { from: iso(from), to: iso(END) };
    const errors = eventsIn(from, END, (f) => f.level === 'error');
    const newest = [...eventsIn(from, END)].sort((a, b) => b.ts - a.ts);
    const counted = await search({ time, histogram: false, size: 20 });
    const rows = await search({ time, histogram: false, size: 20, total: false });
    expect(rows.hits.map((h) => h.id)).toEqual(counted.hits.map((h) => h.id));
    expect(rows.hits[0]?.timestamp).toBe(new Date(newest[0]!.ts).toISOString());
    expect(rows.total).toEqual({ value: 20, relation: 'gte' });
    // A page that holds every match is the exact count.
    const all = await search({ time, query: { language: 'kql', text: 'level:error' }, histogram: false, size: 500, total: false });
    expect(errors.length).toBeLessThan(500);
    expect(all.total).toEqual({ value: errors.length, relation: 'eq' });
  });

  it('highlights the typed terms as ranges into the message, never as markup', async () => {
    const res = await search({ time: LAST_6H, query: { language: 'kql', text: 'log:error' }, size: 50 });
    const highlighted = res.hits.filter((h) => h.highlight);
    expect(highlighted.length).toBeGreaterThan(0);
    for (const hit of highlighted) {
      for (const [start, end] of hit.highlight!) expect(hit.message.slice(start, end).toLowerCase()).toBe('error');
      // eslint-disable-next-line no-control-regex -- no highlight marker (\u0001/\u0002) may leak into the message
      expect(hit.message).not.toMatch(/[\u0001\u0002]|<em>/);
    }
  });

  it('says which field each meaning is, from the detected Fluentd profile', async () => {
    const res = await search({ time: LAST_6H, size: 1 });
    expect(res.meanings).toMatchObject({
      namespace: 'kubernetes.namespace_name',
      pod: 'kubernetes.pod_name',
      container: 'kubernetes.container_name',
      node: 'kubernetes.host',
      level: 'level',
      stream: 'stream',
    });
  });

  it('reports both timings', async () => {
    const res = await search({ time: LAST_6H, size: 100, facets: ['namespace', 'pod', 'container', 'level'] });
    expect(res.hits).toHaveLength(100);
    expect(res.tookMs.engine).toBeGreaterThanOrEqual(0);
    expect(res.tookMs.engineRoundTrip).toBeGreaterThanOrEqual(res.tookMs.engine);
    expect(res.tookMs.server).toBeGreaterThanOrEqual(res.tookMs.engineRoundTrip);
    expect(res.partial).toBeNull();
  });
});

describe('filters', () => {
  const expected = inLast6h();
  const ns = topNamespace(expected);
  const ns2 = topNamespace(expected, 1);
  const total = async (filters: SearchRequestInput['filters']) => (await search({ time: LAST_6H, size: 1, filters })).total.value;

  it('is, by meaning and by field name', async () => {
    const count = expected.filter((e) => e.fields[NS] === ns).length;
    expect(await total([{ field: 'namespace', op: 'is', value: ns }])).toBe(count);
    expect(await total([{ field: NS, op: 'is', value: ns }])).toBe(count);
  });

  it('negate and disabled', async () => {
    const count = expected.filter((e) => e.fields[NS] === ns).length;
    expect(await total([{ field: 'namespace', op: 'is', value: ns, negate: true }])).toBe(expected.length - count);
    expect(await total([{ field: 'namespace', op: 'is', value: ns, disabled: true }])).toBe(expected.length);
  });

  it('is_one_of', async () => {
    const count = expected.filter((e) => e.fields[NS] === ns || e.fields[NS] === ns2).length;
    expect(await total([{ field: NS, op: 'is_one_of', value: [ns, ns2] }])).toBe(count);
  });

  it('exists, and its negation', async () => {
    const withLevel = expected.filter((e) => e.fields.level !== undefined).length;
    expect(withLevel).toBeLessThan(expected.length);
    expect(await total([{ field: 'level', op: 'exists' }])).toBe(withLevel);
    expect(await total([{ field: 'level', op: 'exists', negate: true }])).toBe(expected.length - withLevel);
  });

  it('between, half-open', async () => {
    const from = END - HOUR;
    const to = END - HOUR / 2;
    const count = expected.filter((e) => e.ts >= from && e.ts < to).length;
    expect(await total([{ field: '@timestamp', op: 'between', value: { gte: iso(from), lt: iso(to) } }])).toBe(count);
  });

  it('several at once are ANDed', async () => {
    const count = expected.filter((e) => e.fields[NS] === ns && e.fields.level === 'error').length;
    expect(
      await total([
        { field: 'namespace', op: 'is', value: ns },
        { field: 'level', op: 'is', value: 'error' },
      ]),
    ).toBe(count);
  });
});

describe('paging with the cursor', () => {
  async function pages(body: SearchRequestInput, count: number): Promise<SearchResponse[]> {
    const out: SearchResponse[] = [];
    let after: string | undefined;
    for (let i = 0; i < count; i++) {
      const res = await search({ ...body, ...(after ? { after } : {}) });
      out.push(res);
      if (!res.cursor) break;
      after = res.cursor;
    }
    return out;
  }
  const ms = (h: SearchHit) => Date.parse(h.timestamp);

  it.each(['desc', 'asc'] as const)('three pages %s: in order, no duplicates, the right documents', async (sort) => {
    const from = END - 2 * HOUR;
    const expected = eventsIn(from, END).sort((a, b) => (sort === 'desc' ? b.ts - a.ts : a.ts - b.ts));
    const result = await pages({ time: { from: iso(from), to: iso(END) }, sort, size: 50, facets: ['namespace'] }, 3);
    expect(result).toHaveLength(3);
    const hits = result.flatMap((r) => r.hits);
    expect(hits).toHaveLength(150);
    expect(new Set(hits.map((h) => h.id)).size).toBe(150);
    expect(hits.map(ms)).toEqual(expected.slice(0, 150).map((e) => e.ts));
    const boundary = expected[149]!.ts;
    const mustHave = expected.filter((e) => (sort === 'desc' ? e.ts > boundary : e.ts < boundary)).map((e) => e.id);
    const got = new Set(hits.map((h) => h.id));
    for (const id of mustHave) expect(got.has(id)).toBe(true);
    for (const later of result.slice(1)) {
      expect(later.total).toEqual(result[0]!.total);
      expect(later.histogram).toBeNull();
      expect(later.facets).toEqual({});
    }
  });

  it.each(['desc', 'asc'] as const)('walking every page %s returns each document exactly once', async (sort) => {
    const from = END - 10 * 60_000;
    const expected = eventsIn(from, END);
    const result = await pages({ time: { from: iso(from), to: iso(END) }, sort, size: 37, histogram: false }, 1_000);
    const ids = result.flatMap((r) => r.hits.map((h) => h.id));
    expect(ids).toHaveLength(expected.length);
    expect(new Set(ids)).toEqual(new Set(expected.map((e) => e.id)));
    expect(result.at(-1)?.cursor).toBeNull();
  });

  it('keeps the first page’s resolved range on later pages', async () => {
    const first = await search({ time: { from: 'now-30d', to: 'now' }, size: 5, histogram: false });
    if (!first.cursor) return; // the dataset may be older than 30 days: nothing to page
    const second = await search({ time: { from: 'now-30d', to: 'now' }, size: 5, histogram: false, after: first.cursor });
    expect(second.range).toEqual(first.range);
  });
});
