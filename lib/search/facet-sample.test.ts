import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FACET_SAMPLING,
  facetSampling,
  sampledAggs,
  sampleProbability,
  SAMPLE_SEED,
  supportsRandomSampler,
  unwrapSampled,
} from '@/lib/search/facet-sample';

const S = { above: 1_000_000, target: 200_000 };

describe('sampleProbability', () => {
  it('is exact up to the threshold', () => {
    expect(sampleProbability(0, S)).toBeNull();
    expect(sampleProbability(1_000_000, S)).toBeNull();
  });

  it('aims at the target sample size, two significant digits', () => {
    expect(sampleProbability(1_000_001, S)).toBe(0.2);
    expect(sampleProbability(3_000_000, S)).toBe(0.067);
    expect(sampleProbability(10_000_000, S)).toBe(0.02);
    expect(sampleProbability(7_777_777, S)).toBe(0.026);
  });

  it('stays exact where the engine would refuse the probability (over 0.5), and never reaches 0', () => {
    expect(sampleProbability(300, { above: 100, target: 200 })).toBeNull();
    expect(sampleProbability(400, { above: 100, target: 200 })).toBe(0.5);
    expect(sampleProbability(1e15, { above: 1, target: 1 })).toBe(1e-6);
  });
});

describe('facetSampling', () => {
  it('reads the environment, defaulting to the measured threshold', () => {
    expect(facetSampling({})).toEqual(DEFAULT_FACET_SAMPLING);
    expect(facetSampling({ FACET_SAMPLE_ABOVE: '5000', FACET_SAMPLE_TARGET: '100' })).toEqual({ above: 5000, target: 100 });
    expect(facetSampling({ FACET_SAMPLE_ABOVE: '0' })).toBeNull();
    expect(facetSampling({ FACET_SAMPLE_ABOVE: '-3', FACET_SAMPLE_TARGET: '0' })).toEqual({
      above: DEFAULT_FACET_SAMPLING.above,
      target: 1,
    });
  });
});

describe('supportsRandomSampler', () => {
  it('is Elasticsearch 8.2 and later only', () => {
    expect(supportsRandomSampler({ distribution: 'elasticsearch', major: 9, minor: 0 })).toBe(true);
    expect(supportsRandomSampler({ distribution: 'elasticsearch', major: 8, minor: 2 })).toBe(true);
    expect(supportsRandomSampler({ distribution: 'elasticsearch', major: 8, minor: 1 })).toBe(false);
    expect(supportsRandomSampler({ distribution: 'opensearch', major: 3, minor: 0 })).toBe(false);
  });
});

describe('sampledAggs / unwrapSampled', () => {
  it('nests the facets under one seeded sampler and lays the answer out as an exact one', () => {
    const facets = { facet_0: { terms: { field: 'level', size: 5 } } };
    expect(sampledAggs(facets, 0.1)).toEqual({ sample: { random_sampler: { probability: 0.1, seed: SAMPLE_SEED }, aggs: facets } });
    const answer = {
      sample: { doc_count: 1234, seed: SAMPLE_SEED, probability: 0.1, facet_0: { buckets: [{ key: 'info', doc_count: 9000 }] } },
    };
    expect(unwrapSampled(answer as never)).toEqual({
      aggregations: { facet_0: { buckets: [{ key: 'info', doc_count: 9000 }] } },
      sampleDocs: 1234,
    });
    expect(unwrapSampled(undefined)).toEqual({ aggregations: {}, sampleDocs: 0 });
  });
});
