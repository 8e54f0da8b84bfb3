import { describe, expect, it } from 'vitest';
import { compileQuery } from '@/lib/query';
import type { SearchPlan } from '@/lib/search/build-request';
import type { CursorState } from '@/lib/search/cursor';
import { HISTOGRAM_INTERVALS } from '@/lib/search/interval';
import { buildScreenSearches } from '@/lib/search/screen-parts';
import { chooseScreenPlan, narrowsSelection, screenPlanSetting } from '@/lib/search/screen-plan';

const FIVE_MIN = HISTOGRAM_INTERVALS.find((i) => i.label === '5m')!;
const NONE = { filter: [], must_not: [] };

function plan(overrides: Partial<SearchPlan> = {}): SearchPlan {
  return {
    index: 'logstash-*',
    timeField: '@timestamp',
    range: { from: 0, to: 3_600_000 },
    timeZone: 'UTC',
    query: null,
    filters: NONE,
    sort: 'desc',
    size: 100,
    after: null,
    histogram: { interval: FIVE_MIN },
    facets: [{ name: 'pod', field: 'kubernetes.pod_name' }],
    facetSize: 10,
    highlightFields: ['log'],
    engineTimeout: '10000ms',
    ...overrides,
  };
}

const kql = (text: string) => compileQuery({ language: 'kql', text }, { largeTextFields: ['log'] });
const pill = { match_phrase: { 'kubernetes.namespace_name': 'payments' } };

describe('narrowsSelection', () => {
  it.each([
    ['error', true],
    ['"connection refused"', true],
    ['level:error and not stream:stderr', true],
    ['kubernetes.pod_name:payments-*', true],
    ['stream:stderr or level:warn', true],
    ['level:error or not level:info', false],
    ['not kubernetes.namespace_name:kube-system', false],
    ['not level:debug and not level:info', false],
    ['', false],
  ])('KQL %j → %s', (text, expected) => {
    expect(narrowsSelection({ query: kql(text) })).toBe(expected);
  });

  it('a bool narrows by its positive clauses only', () => {
    expect(narrowsSelection({ query: { bool: {} } })).toBe(false);
    expect(narrowsSelection({ query: { bool: { must_not: [] } } })).toBe(false);
    expect(narrowsSelection({ query: { bool: { must: { term: { a: 1 } } } } })).toBe(true);
    expect(narrowsSelection({ query: { bool: { should: [{ term: { a: 1 } }, { bool: { must_not: [pill] } }] } } })).toBe(false);
    expect(narrowsSelection({ query: { bool: { should: [{ term: { a: 1 } }, { term: { a: 2 } }] } } })).toBe(true);
    expect(narrowsSelection({ query: { term: { a: 1 }, bool: {} } as never })).toBe(true);
  });
});

describe('chooseScreenPlan', () => {
  it('plans a narrowed screen as one combined search and an open one as split parts', () => {
    expect(chooseScreenPlan(plan({ query: kql('error') }))).toBe('combined');
    // Filter pills alone: split (a keyword term is cheap to evaluate per part; see screen-plan.ts).
    expect(chooseScreenPlan(plan({ filters: { filter: [pill], must_not: [] } }))).toBe('split');
    expect(chooseScreenPlan(plan())).toBe('split');
    expect(chooseScreenPlan(plan({ query: kql('not level:info') }))).toBe('split');
  });

  it('has no choice without rows, without aggregations, or on a later page', () => {
    const after: CursorState = {
      after: ['2026-01-01T00:00:00Z', 'i', 1],
      tieIds: [],
      range: { from: 0, to: 1 },
      total: { value: 1, relation: 'eq' },
    };
    const q = { query: kql('error') };
    expect(chooseScreenPlan(plan({ ...q, size: 0 }))).toBe('split');
    expect(chooseScreenPlan(plan({ ...q, histogram: null, facets: [] }))).toBe('split');
    expect(chooseScreenPlan(plan({ ...q, after }))).toBe('split');
    expect(chooseScreenPlan(plan({ ...q, after }), 'combined')).toBe('split');
    // One aggregation is enough for a choice.
    expect(chooseScreenPlan(plan({ ...q, facets: [] }))).toBe('combined');
    expect(chooseScreenPlan(plan({ ...q, histogram: null }))).toBe('combined');
  });

  it('follows a forced setting', () => {
    expect(chooseScreenPlan(plan(), 'combined')).toBe('combined');
    expect(chooseScreenPlan(plan({ query: kql('error') }), 'split')).toBe('split');
  });

  it('reads SEARCH_PLAN, defaulting to auto', () => {
    expect(screenPlanSetting({ SEARCH_PLAN: 'combined' })).toBe('combined');
    expect(screenPlanSetting({ SEARCH_PLAN: 'split' })).toBe('split');
    expect(screenPlanSetting({ SEARCH_PLAN: 'fast' })).toBe('auto');
    expect(screenPlanSetting({})).toBe('auto');
  });
});

describe('buildScreenSearches, combined', () => {
  it('is one search with rows and every aggregation, counting by the bars', () => {
    const [only, ...rest] = buildScreenSearches(plan({ query: kql('error') }), 'combined');
    expect(rest).toEqual([]);
    expect(only?.part).toBe('rows');
    expect(only?.request.size).toBe(100);
    expect(Object.keys(only?.request.aggs ?? {})).toEqual(['histogram', 'facet_0']);
    expect(only?.request.track_total_hits).toBe(false);
  });
});
