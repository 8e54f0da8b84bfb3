/**
 * The search planner: how a screen with more than one part (rows, bars, facets) is asked of the
 * engine. Pure.
 *
 * - `split`: one search per part in one `_msearch` (lib/search/screen-parts.ts). Rows sorted by
 *   time stop early on the time-sorted index; the `size: 0` parts come from doc values and the
 *   shard request cache. Wins when the selection matches most of the range: the early stop
 *   saves reading every match, and each part fails on its own.
 * - `combined`: rows and aggregations in one search body. The query (its postings, a phrase's
 *   positions) is evaluated once instead of once per part; with few matches that dominates and
 *   the lost early stop costs little.
 *
 * The engine cannot tell how many documents match without counting them, so the rule reads the
 * request: a query the user typed with a positive clause (not only a negation) plans `combined`;
 * everything else, `split` — filter pills included: a keyword term is cheap to evaluate three
 * times, and a namespace matches too much of the range for the lost early stop to be free
 * (measured by `npm run bench:scale`, bench/README.md, "The planner's rule").
 */
import type { estypes } from '@elastic/elasticsearch';
import type { SearchPlan } from '@/lib/search/build-request';

export type ScreenPlanKind = 'combined' | 'split';
export type ScreenPlanSetting = ScreenPlanKind | 'auto';

type Query = estypes.QueryDslQueryContainer;

const asList = (clauses: Query | Query[] | undefined): Query[] =>
  clauses === undefined ? [] : Array.isArray(clauses) ? clauses : [clauses];

/**
 * Whether a clause has a positive part: anything but a `bool` that only excludes
 * (`not kube-system`, `not a and not b`) or matches everything (`{ bool: {} }`).
 */
function narrows(query: Query | undefined): boolean {
  if (!query) return false;
  if (Object.keys(query).length !== 1 || !query.bool) return true;
  const { must, filter, should } = query.bool;
  if ([...asList(must), ...asList(filter)].some(narrows)) return true;
  const anyOf = asList(should);
  return anyOf.length > 0 && anyOf.every(narrows);
}

/** Whether the user's query narrows the range with a positive clause (see the module comment). */
export function narrowsSelection(plan: Pick<SearchPlan, 'query'>): boolean {
  return plan.query !== null && narrows(plan.query);
}

/**
 * The plan for a screen. Only a first page asking for rows and at least one aggregation has a
 * choice; anything else is one search either way and is planned `split` (one part per search).
 * `setting` forces a plan (the `SEARCH_PLAN` environment variable; tests run both).
 */
export function chooseScreenPlan(
  plan: Pick<SearchPlan, 'query' | 'size' | 'after' | 'histogram' | 'facets'>,
  setting: ScreenPlanSetting = 'auto',
): ScreenPlanKind {
  const hasChoice = plan.after === null && plan.size > 0 && (plan.histogram !== null || plan.facets.length > 0);
  if (!hasChoice) return 'split';
  if (setting !== 'auto') return setting;
  return narrowsSelection(plan) ? 'combined' : 'split';
}

/** `SEARCH_PLAN=auto|combined|split` (default auto); anything else is auto. */
export function screenPlanSetting(env: Record<string, string | undefined> = process.env): ScreenPlanSetting {
  const raw = env.SEARCH_PLAN;
  return raw === 'combined' || raw === 'split' ? raw : 'auto';
}
