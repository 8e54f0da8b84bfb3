/**
 * Facets from a random sample over many matching lines (Elasticsearch 8.2+), exact below the
 * threshold and on OpenSearch. The threshold is lowered for the 40k-line test dataset; expected
 * counts come from the generator.
 */
import { Client } from '@elastic/elasticsearch';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineConnection } from '@/lib/es/connection';
import { engineInfo } from '@/lib/es/engine';
import type { SearchRequestInput } from '@/lib/schema/search';
import { appMetrics } from '@/lib/observability/metrics';
import { supportsRandomSampler } from '@/lib/search/facet-sample';
import { clearRangeCounts } from '@/lib/search/run-search';
import { countBy, END, eventsIn, HOUR, iso, search, seedTestDataset } from './search-fixture';

const FROM = END - 24 * HOUR;
const facetsPart: SearchRequestInput = {
  time: { from: iso(FROM), to: iso(END) },
  size: 0,
  histogram: false,
  facets: ['level', 'namespace'],
  facetSize: 20,
};
let sampling = false;

beforeAll(async () => {
  await seedTestDataset();
  const client = new Client(engineConnection().options);
  sampling = supportsRandomSampler(await engineInfo(client));
  await client.close();
});

afterEach(() => {
  delete process.env.FACET_SAMPLE_ABOVE;
  delete process.env.FACET_SAMPLE_TARGET;
});

describe('facets over many lines', () => {
  const expected = countBy(eventsIn(FROM, END), 'level');

  it('are exact at or below the threshold', async () => {
    const res = await search(facetsPart);
    expect(res.facetsSample ?? null).toBeNull();
    expect(new Map(res.facets.level!.map((v) => [v.value, v.count]))).toEqual(expected);
  });

  it('are sampled above it where the engine can (with the sample size), exact where it cannot', async () => {
    process.env.FACET_SAMPLE_ABOVE = '1000';
    process.env.FACET_SAMPLE_TARGET = '8000';
    const res = await search(facetsPart);
    const matched = eventsIn(FROM, END).length;
    if (!sampling) {
      expect(res.facetsSample ?? null).toBeNull();
      expect(new Map(res.facets.level!.map((v) => [v.value, v.count]))).toEqual(expected);
      return;
    }
    expect(res.facetsSample?.matchedDocs).toBe(matched);
    expect(res.facetsSample?.probability).toBe(Number((8000 / matched).toPrecision(2)));
    expect(res.facetsSample?.sampleDocs).toBeGreaterThan(4000);
    expect(res.facetsSample?.sampleDocs).toBeLessThan(matched);
    // The engine scales the sampled counts up: the most common level is estimated within 15 %.
    const [top, topCount] = [...expected.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const estimate = res.facets.level!.find((v) => v.value === top)?.count ?? 0;
    expect(Math.abs(estimate - topCount) / topCount).toBeLessThan(0.15);
    // A whole screen (rows with bars) is never sampled.
    const whole = await search({ ...facetsPart, size: 10, histogram: true });
    expect(whole.facetsSample ?? null).toBeNull();
    expect(new Map(whole.facets.level!.map((v) => [v.value, v.count]))).toEqual(expected);
  });

  it('with a query, count the query only when the range alone holds more than the threshold', async () => {
    const all = eventsIn(FROM, END);
    const errors = all.filter((e) => e.fields.level === 'error');
    const byNamespace = (events: typeof all) => countBy(events, 'kubernetes.namespace_name');
    expect(errors.length).toBeGreaterThan(100);
    // Over the threshold in the range, under it in the query's matches: exact.
    process.env.FACET_SAMPLE_ABOVE = String(errors.length);
    process.env.FACET_SAMPLE_TARGET = '100';
    const narrow = await search({ ...facetsPart, query: { language: 'kql', text: 'level:error' } });
    expect(narrow.facetsSample ?? null).toBeNull();
    const expectedNs = byNamespace(errors);
    expect(narrow.facets.namespace!.length).toBeGreaterThan(1);
    for (const { value, count } of narrow.facets.namespace!) expect(count, value).toBe(expectedNs.get(value));
    // Over it in both: sampled where the engine can, with the query's own count.
    process.env.FACET_SAMPLE_ABOVE = String(Math.floor(errors.length / 2));
    const wide = await search({ ...facetsPart, query: { language: 'kql', text: 'level:error' } });
    if (!sampling) {
      expect(wide.facetsSample ?? null).toBeNull();
      return;
    }
    expect(wide.facetsSample?.matchedDocs).toBe(errors.length);
    expect(wide.facetsSample?.sampleDocs).toBeLessThan(errors.length);
  });

  it('search once when the range is known to hold no more than the threshold; the query is never counted', async () => {
    // The engine requests a request makes (a `_search`, or the `_msearch` of the facets' interior
    // and edges, lib/search/bars-pieces.ts), from the engine client's own diagnostics.
    const searches = async () =>
      (await appMetrics().engineDuration.get()).values
        .filter(
          (v) =>
            v.metricName === 'log_explorer_engine_request_duration_seconds_count' &&
            (v.labels.operation === 'search' || v.labels.operation === 'msearch'),
        )
        .reduce((sum, v) => sum + v.value, 0);
    const asked = async (body: SearchRequestInput) => {
      const before = await searches();
      const res = await search(body);
      return { res, searches: (await searches()) - before };
    };
    const narrow = { ...facetsPart, query: { language: 'kql' as const, text: 'level:error' } };
    clearRangeCounts();
    // First: the range's lines counted (beside the exact facets and the query's count).
    const first = await asked(narrow);
    expect(first.res.facetsSample ?? null).toBeNull();
    if (sampling) expect(first.searches).toBe(3);
    // Then, over the same range a few seconds on, another query: the facets search alone.
    const moved = { from: iso(FROM + 5_000), to: iso(END + 5_000) };
    const again = await asked({ ...narrow, time: moved, query: { language: 'kql', text: 'level:warn' } });
    expect(again.searches).toBe(1);
    expect(again.res.facetsSample ?? null).toBeNull();
    const warns = countBy(
      eventsIn(FROM + 5_000, END + 5_000, (f) => f.level === 'warn'),
      'kubernetes.namespace_name',
    );
    for (const { value, count } of again.res.facets.namespace!) expect(count, value).toBe(warns.get(value));
    // The range over the threshold, the query under it: its count is remembered too.
    const errors = eventsIn(FROM, END, (f) => f.level === 'error');
    process.env.FACET_SAMPLE_ABOVE = String(errors.length);
    const counted = await asked(narrow);
    expect(counted.res.facetsSample ?? null).toBeNull();
    if (sampling) expect(counted.searches).toBe(2);
    const reloaded = await asked({ ...narrow, time: moved });
    expect(reloaded.searches).toBe(1);
    expect(reloaded.res.facetsSample ?? null).toBeNull();
    const expected = countBy(
      eventsIn(FROM + 5_000, END + 5_000, (f) => f.level === 'error'),
      'kubernetes.namespace_name',
    );
    for (const { value, count } of reloaded.res.facets.namespace!) expect(count, value).toBe(expected.get(value));
  });
});
