/**
 * Value suggestions as one `_search`: the top terms of a field within the time range, narrowed
 * to a case-insensitive prefix. Pure; the bounds come from ValuesRequest.
 *
 * The engine may have neither painless nor analysis-common, so case folding cannot come from a
 * normalizer or a script. Two mechanisms the core has do it instead: a `prefix` query with
 * `case_insensitive` narrows the documents (cheap: an automaton over the terms dictionary), and
 * the terms aggregation's `include` regex — built from the escaped prefix, each letter as
 * `[xX]` — keeps a multi-valued document's other values out of the buckets.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { ValueSuggestion } from './values-params';

/** Types whose terms are the text a user types, so a prefix can be matched by the engine. */
const STRING_TYPES = new Set(['keyword', 'constant_keyword', 'wildcard']);

/** Extra buckets each shard returns, so counts near the cut are rarely short. */
const MIN_SHARD_SIZE = 100;

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

/**
 * A Lucene regular expression matching any term that starts with `prefix`, ignoring case.
 * Every character that is not a letter or digit is escaped with a backslash (Lucene's
 * RegExp takes `\c` as the literal `c` for any c), so nothing the user types is syntax.
 */
export function caseInsensitivePrefixRegex(prefix: string): string {
  let out = '';
  for (const ch of prefix) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    // Only one-to-one case pairs become a class: `ß`.toUpperCase() is `SS`, two characters.
    if (lower !== upper && [...lower].length === 1 && [...upper].length === 1) out += `[${escapeRegexChar(lower)}${escapeRegexChar(upper)}]`;
    else out += escapeRegexChar(ch);
  }
  return `${out}.*`;
}

function escapeRegexChar(ch: string): string {
  return /^[\p{L}\p{N}]$/u.test(ch) ? ch : `\\${ch}`;
}

export function buildValuesRequest(plan: ValuesPlan): estypes.SearchRequest {
  const stringField = isStringType(plan.fieldType);
  const enginePrefix = stringField && plan.prefix !== '';
  const filter: estypes.QueryDslQueryContainer[] = [
    { range: { [plan.timeField]: { gte: plan.range.from, lte: plan.range.to, format: 'epoch_millis' } } },
  ];
  if (enginePrefix) filter.push({ prefix: { [plan.field]: { value: plan.prefix, case_insensitive: true } } });
  const size = stringField ? plan.size : NON_STRING_FETCH;
  const terms: estypes.AggregationsTermsAggregation = {
    field: plan.field,
    size,
    shard_size: Math.max(MIN_SHARD_SIZE, size * 2),
  };
  if (enginePrefix) terms.include = caseInsensitivePrefixRegex(plan.prefix);
  return {
    index: plan.index,
    ignore_unavailable: true,
    allow_no_indices: true,
    allow_partial_search_results: true,
    timeout: plan.engineTimeout,
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: { [VALUES_AGG]: { terms } },
  };
}

interface TermsBucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

/** The engine's buckets → suggestions; for non-string fields the prefix is applied here. */
export function reshapeValues(body: Pick<estypes.SearchResponse, 'aggregations'>, plan: Pick<ValuesPlan, 'fieldType' | 'prefix' | 'size'>): ValueSuggestion[] {
  const agg = body.aggregations?.[VALUES_AGG] as { buckets?: TermsBucket[] } | undefined;
  const values = (agg?.buckets ?? []).map((b) => ({ value: b.key_as_string ?? String(b.key), count: b.doc_count }));
  if (isStringType(plan.fieldType) || plan.prefix === '') return values.slice(0, plan.size);
  const needle = plan.prefix.toLowerCase();
  return values.filter((v) => v.value.toLowerCase().startsWith(needle)).slice(0, plan.size);
}
