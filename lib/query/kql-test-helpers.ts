/** Builders that keep the expected-DSL tables in the KQL tests short and readable. */
import type { estypes } from '@elastic/elasticsearch';
import type { QueryContext, QueryFieldInfo } from './types';

type Query = estypes.QueryDslQueryContainer;

export const match = (field: string, value: string): Query => ({ match: { [field]: value } });
export const phrase = (field: string, value: string): Query => ({ match_phrase: { [field]: value } });
export const exists = (field: string): Query => ({ exists: { field } });
export const freeText = (query: string): Query => ({ multi_match: { type: 'best_fields', query, lenient: true } });
export const freePhrase = (query: string): Query => ({ multi_match: { type: 'phrase', query, lenient: true } });
export const wildcard = (field: string, query: string): Query => ({ query_string: { fields: [field], query } });
export const range = (field: string, bounds: Record<string, string>): Query => ({ range: { [field]: bounds } });
export const and = (...filter: Query[]): Query => ({ bool: { filter } });
export const or = (...should: Query[]): Query => ({ bool: { should, minimum_should_match: 1 } });
export const not = (query: Query): Query => ({ bool: { must_not: [query] } });
export const nested = (path: string, query: Query): Query => ({ nested: { path, query, score_mode: 'none' } });

/** A source shaped like Fluent Bit output with a few extra fields to exercise types. */
export const TYPED: QueryContext = {
  fields: new Map<string, QueryFieldInfo>([
    ['@timestamp', { type: 'date' }],
    ['log', { type: 'text' }],
    ['level', { type: 'keyword' }],
    ['bytes', { type: 'long' }],
    ['kubernetes.pod_name', { type: 'keyword' }],
    ['kubernetes.labels', { type: 'object' }],
    ['kubernetes.labels.app', { type: 'keyword' }],
    ['kubernetes.labels.tier', { type: 'keyword' }],
    ['spans', { type: 'nested' }],
    ['spans.name', { type: 'keyword' }],
    ['spans.tags', { type: 'nested' }],
    ['spans.tags.key', { type: 'keyword' }],
    ['_id', { type: '_id' }],
  ]),
  largeTextFields: ['log'],
};
