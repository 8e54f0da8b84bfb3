/**
 * The query the engine highlights the message fields with. Pure.
 *
 * Free text (KQL's lenient `multi_match`, a Lucene `query_string`) names no field, so the engine
 * applies it to every field of the index. For matching that is what Kibana does and must stay;
 * for highlighting it is waste: only the message fields are highlighted, and a field's
 * highlights come only from clauses on that field (`require_field_match`, the default). Handed
 * the typed query as is, the highlighter rewrites it over every field for each hit — on the 10M
 * set that doubled the rows part of a text query (bench/README.md, "Where the app's time goes").
 * Narrowed to the message fields it marks the very same terms.
 */
import type { estypes } from '@elastic/elasticsearch';

type Query = estypes.QueryDslQueryContainer;

/** `query` with every clause that names no field narrowed to `fields`; other clauses unchanged. */
export function highlightQueryFor(query: Query, fields: readonly string[]): Query {
  // The client's query type (one of many keys) admits undefined.
  if (!query) return query;
  const multiMatch = query.multi_match;
  if (multiMatch && !multiMatch.fields) return { multi_match: { ...multiMatch, fields: [...fields] } };
  const queryString = query.query_string;
  if (queryString && !queryString.fields && !queryString.default_field) return { query_string: { ...queryString, fields: [...fields] } };
  const bool = query.bool;
  if (bool) {
    const { must, filter, should, must_not: mustNot } = bool;
    return {
      bool: {
        ...bool,
        ...(must !== undefined ? { must: each(must, fields) } : {}),
        ...(filter !== undefined ? { filter: each(filter, fields) } : {}),
        ...(should !== undefined ? { should: each(should, fields) } : {}),
        ...(mustNot !== undefined ? { must_not: each(mustNot, fields) } : {}),
      },
    };
  }
  const nested = query.nested;
  if (nested) return { nested: { ...nested, query: highlightQueryFor(nested.query, fields) } };
  return query;
}

function each(clauses: Query | Query[], fields: readonly string[]): Query | Query[] {
  return Array.isArray(clauses) ? clauses.map((c) => highlightQueryFor(c, fields)) : highlightQueryFor(clauses, fields);
}
