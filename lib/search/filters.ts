/**
 * Filter pills → Elasticsearch DSL. `is` uses `match_phrase`, as Kibana does: exact on keyword,
 * numeric and date fields, a phrase on text ones, so one operator works on any field type.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { Filter } from '@/lib/schema/search';

type Query = estypes.QueryDslQueryContainer;

/** Turns a filter's field (a meaning or a name) into the field to query, or throws. */
export type FilterFieldResolver = (name: string, path: string) => string;

export function filterToQuery(filter: Filter, field: string): Query {
  switch (filter.op) {
    case 'is':
      return { match_phrase: { [field]: filter.value } };
    case 'is_one_of':
      return {
        bool: {
          should: filter.value.map((value) => ({ match_phrase: { [field]: value } })),
          minimum_should_match: 1,
        },
      };
    case 'exists':
      return { exists: { field } };
    case 'between': {
      const range: estypes.QueryDslUntypedRangeQuery = {};
      if (filter.value.gte !== undefined) range.gte = filter.value.gte;
      if (filter.value.lt !== undefined) range.lt = filter.value.lt;
      return { range: { [field]: range } };
    }
  }
}

export interface FilterClauses {
  filter: Query[];
  must_not: Query[];
}

/** Enabled filters split into positive and negated clauses; disabled ones are skipped unresolved. */
export function buildFilterClauses(filters: readonly Filter[], resolveField: FilterFieldResolver): FilterClauses {
  const clauses: FilterClauses = { filter: [], must_not: [] };
  filters.forEach((filter, i) => {
    if (filter.disabled) return;
    const field = resolveField(filter.field, `filters.${i}.field`);
    (filter.negate ? clauses.must_not : clauses.filter).push(filterToQuery(filter, field));
  });
  return clauses;
}
