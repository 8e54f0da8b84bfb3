/**
 * Facets over a huge range from a random sample of the matching lines (Elasticsearch's
 * `random_sampler` aggregation, 8.2 and later), exact otherwise. Pure.
 *
 * Counting every value of five fields over ten million lines reads every line's doc values; a
 * sample of a few hundred thousand gives the same top values with counts a few per cent off, in
 * a fraction of the time (measured on the 10M set, bench/README.md). The engine scales the
 * sampled counts back up; the response says the facets are approximate and how many lines the
 * sample held. OpenSearch has no such aggregation: facets are always exact there.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { EngineInfo } from '@/lib/es/engine';

export const SAMPLE_AGG = 'sample';
/** A fixed seed: the same screen samples the same lines (and is answered from the request cache). */
export const SAMPLE_SEED = 424242;

export interface FacetSampling {
  /** Sample when more lines than this match; default measured on the 10M set. */
  above: number;
  /** About this many lines in the sample. */
  target: number;
}

export const DEFAULT_FACET_SAMPLING: FacetSampling = { above: 2_000_000, target: 100_000 };

/** `FACET_SAMPLE_ABOVE` / `FACET_SAMPLE_TARGET` (whole numbers; `FACET_SAMPLE_ABOVE=0` never samples). */
export function facetSampling(env: Record<string, string | undefined> = process.env): FacetSampling | null {
  const read = (raw: string | undefined, fallback: number) => (raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : fallback);
  const above = read(env.FACET_SAMPLE_ABOVE, DEFAULT_FACET_SAMPLING.above);
  if (above === 0) return null;
  return { above, target: Math.max(1, read(env.FACET_SAMPLE_TARGET, DEFAULT_FACET_SAMPLING.target)) };
}

export function supportsRandomSampler(info: Pick<EngineInfo, 'distribution' | 'major' | 'minor'>): boolean {
  return info.distribution === 'elasticsearch' && (info.major > 8 || (info.major === 8 && info.minor >= 2));
}

/**
 * The sampling probability for `matched` lines, or null for exact facets. The engine accepts
 * probabilities up to 0.5 (or exactly 1); above that a sample saves too little to be worth it.
 * Two significant digits, so nearby counts share a probability.
 */
export function sampleProbability(matched: number, sampling: FacetSampling): number | null {
  if (matched <= sampling.above) return null;
  const p = Number((sampling.target / matched).toPrecision(2));
  return p > 0.5 ? null : Math.max(p, 1e-6);
}

/** The facet aggregations under one `random_sampler`. */
export function sampledAggs(
  aggs: Record<string, estypes.AggregationsAggregationContainer>,
  probability: number,
): Record<string, estypes.AggregationsAggregationContainer> {
  return { [SAMPLE_AGG]: { random_sampler: { probability, seed: SAMPLE_SEED }, aggs } as estypes.AggregationsAggregationContainer };
}

/** The sampled answer laid out as an exact one, and the sample's size. */
export function unwrapSampled(aggregations: Record<string, estypes.AggregationsAggregate> | undefined): {
  aggregations: Record<string, estypes.AggregationsAggregate>;
  sampleDocs: number;
} {
  const { [SAMPLE_AGG]: sample, ...rest } = aggregations ?? {};
  const { doc_count: docCount, seed: _seed, probability: _p, meta: _meta, ...inner } = (sample ?? {}) as Record<string, unknown>;
  return {
    aggregations: { ...rest, ...(inner as Record<string, estypes.AggregationsAggregate>) },
    sampleDocs: typeof docCount === 'number' ? docCount : 0,
  };
}
