/**
 * Value suggestions as one `_search`: the top terms of a field within the time range, narrowed
 * to a case-insensitive prefix. Pure; the bounds come from ValuesRequest.
 *
 * The engine may have neither painless nor analysis-common, so case folding cannot come from a
 * normalizer or a script: a `prefix` query with `case_insensitive` (core Lucene, no analysis)
 * narrows the documents, and the terms aggregation counts their values. The prefix goes to the
 * engine as a value, never as syntax, so nothing typed is interpreted.
 *
 * No `include` regex on the aggregation: the engine resolves one by walking every distinct term
 * that matches it, which on a message field with a million distinct lines costs 200+ ms for a
 * one-character prefix, against ~15 ms for the prefix query. The one thing it bought — keeping
 * the other values of a multi-valued document out — is done on the buckets instead (see
 * reshapeValues), with a few spare buckets fetched to make up for those dropped.
 */
import type { estypes } from '@elastic/elasticsearch';
import { aggregationSearch } from '@/lib/search/screen-parts';
import type { ValueSuggestion } from './values-params';

/** Types whose terms are the text a user types, so a prefix can be matched by the engine. */
const STRING_TYPES = new Set(['keyword', 'constant_keyword', 'wildcard']);

/** Extra buckets each shard returns, so counts near the cut are rarely short. */
const MIN_SHARD_SIZE = 100;

/** Spare buckets asked for, in case a multi-valued field's other values come back and are dropped. */
const SPARE_BUCKETS = 10;

/** Numbers, dates, booleans and IPs: the top values are fetched and the prefix applied here. */
export const NON_STRING_FETCH = 50;

export const VALUES_AGG = 'values';

export interface ValuesPlan {
  index: string;
  timeField: string;
  range: { from: number; to: number };
  field: string;
  fieldType: string;
  prefix: string;
  size: number;
  engineTimeout: string;
}

export function isStringType(type: string): boolean {
  return STRING_TYPES.has(type);
}

export function buildValuesRequest(plan: ValuesPlan): estypes.SearchRequest {
  const stringField = isStringType(plan.fieldType);
  const enginePrefix = stringField && plan.prefix !== '';
  const filter: estypes.QueryDslQueryContainer[] = [
    { range: { [plan.timeField]: { gte: plan.range.from, lte: plan.range.to, format: 'epoch_millis' } } },
  ];
  if (enginePrefix) filter.push({ prefix: { [plan.field]: { value: plan.prefix, case_insensitive: true } } });
  const size = !stringField ? NON_STRING_FETCH : enginePrefix ? plan.size + SPARE_BUCKETS : plan.size;
  const terms: estypes.AggregationsTermsAggregation = {
    field: plan.field,
    size,
    shard_size: Math.max(MIN_SHARD_SIZE, size * 2),
  };
  return aggregationSearch(plan, { bool: { filter } }, { [VALUES_AGG]: { terms } });
}

interface TermsBucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

/**
 * The engine's buckets → suggestions, the prefix applied to each value: for non-string fields it
 * is the only filter; for strings it drops other values of multi-valued documents.
 */
export function reshapeValues(
  body: Pick<estypes.SearchResponse, 'aggregations'>,
  plan: Pick<ValuesPlan, 'prefix' | 'size'>,
): ValueSuggestion[] {
  const agg = body.aggregations?.[VALUES_AGG] as { buckets?: TermsBucket[] } | undefined;
  const values = (agg?.buckets ?? []).map((b) => ({ value: b.key_as_string ?? String(b.key), count: b.doc_count }));
  if (plan.prefix === '') return values.slice(0, plan.size);
  const needle = plan.prefix.toLowerCase();
  return values.filter((v) => v.value.toLowerCase().startsWith(needle)).slice(0, plan.size);
}
