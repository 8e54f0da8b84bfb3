/**
 * Turns a KQL syntax tree into Elasticsearch query DSL, following Kibana's translation
 * (`and` → bool.filter, `or` → bool.should with minimum_should_match 1, free text →
 * lenient multi_match, wildcard values → query_string) so results match what Kibana shows.
 */
import type { estypes } from '@elastic/elasticsearch';
import { QueryRejectedError } from './errors';
import type { KqlLiteral, KqlNode } from './kql-ast';
import { hasLeadingWildcard, hasWildcard, isLoneWildcard, literalText } from './kql-ast';
import type { LimitCounter } from './limits';
import { escapeQueryString, matchesFieldPattern, wildcardToQueryString } from './query-string';
import type { QueryContext } from './types';

type Query = estypes.QueryDslQueryContainer;

interface Scope {
  readonly ctx: QueryContext;
  readonly limits: LimitCounter;
  /** Inside `a:{ … }`: field names are relative to this path, as in Kibana. */
  readonly nestedPath: string | null;
}

export function translateKql(node: KqlNode, ctx: QueryContext, limits: LimitCounter): Query {
  return translate(node, { ctx, limits, nestedPath: null });
}

function translate(node: KqlNode, scope: Scope): Query {
  switch (node.type) {
    case 'and':
      return { bool: { filter: node.children.map((child) => translate(child, scope)) } };
    case 'or':
      return { bool: { should: node.children.map((child) => translate(child, scope)), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: [translate(node.child, scope)] } };
    case 'nested':
      return translateNested(node.path, node.child, scope);
    case 'range':
      return anyOf(
        resolveRangeFields(node.field, scope).map((field) => ({
          range: { [field]: { [node.operator]: literalText(node.value) } },
        })),
        node.field.start,
        scope,
      );
    case 'is':
      return node.field === null ? translateFreeText(node.value, scope) : translateIs(node.field, node.value, scope);
  }
}

function translateNested(pathLiteral: KqlLiteral, child: KqlNode, scope: Scope): Query {
  if (hasWildcard(pathLiteral)) {
    throw new QueryRejectedError('A nested query needs a concrete path, without wildcards', pathLiteral.start);
  }
  const path = qualify(literalText(pathLiteral), scope);
  if (scope.ctx.fields?.get(path)?.type !== 'nested') {
    throw new QueryRejectedError(`nested field queries need a nested mapping; ${path} is not nested`, pathLiteral.start);
  }
  return { nested: { path, query: translate(child, { ...scope, nestedPath: path }), score_mode: 'none' } };
}

function translateFreeText(value: KqlLiteral, scope: Scope): Query {
  if (!hasWildcard(value)) {
    return { multi_match: { type: value.quoted ? 'phrase' : 'best_fields', query: literalText(value), lenient: true } };
  }
  if (isLoneWildcard(value)) return { match_all: {} };
  const large = scope.ctx.largeTextFields ?? [];
  if (hasLeadingWildcard(value) && large.length > 0) rejectLeadingWildcard(value, large);
  return { query_string: { query: wildcardToQueryString(value.parts) } };
}

function translateIs(fieldLiteral: KqlLiteral, value: KqlLiteral, scope: Scope): Query {
  const fieldName = qualify(literalText(fieldLiteral), scope);
  const isExists = isLoneWildcard(value);
  if (isExists && isLoneWildcard(fieldLiteral)) return { match_all: {} };

  const fields = resolveFields(fieldLiteral, scope);
  const valueIsWildcard = hasWildcard(value) && !isExists;
  if (valueIsWildcard && hasLeadingWildcard(value)) {
    const pattern = qualifiedParts(fieldLiteral, scope);
    const large = (scope.ctx.largeTextFields ?? []).filter((f) => (fields ? fields.includes(f) : matchesFieldPattern(pattern, f)));
    if (large.length > 0) rejectLeadingWildcard(value, large);
  }

  if (fields === null) {
    // A field-name pattern with no mapping to expand it against: let the engine expand it.
    if (isExists) return { exists: { field: fieldName } };
    const query = valueIsWildcard
      ? wildcardToQueryString(value.parts)
      : value.quoted
        ? `"${escapeQueryString(literalText(value))}"`
        : escapeQueryString(literalText(value));
    return { query_string: { fields: [fieldName], query } };
  }

  const text = literalText(value);
  return anyOf(
    fields.map((field): Query => {
      if (isExists) return { exists: { field } };
      if (valueIsWildcard) return { query_string: { fields: [field], query: wildcardToQueryString(value.parts) } };
      // match cannot take a time zone and misreads partial dates; a closed range is exact.
      if (isDateField(field, scope)) return { range: { [field]: { gte: text, lte: text } } };
      return value.quoted ? { match_phrase: { [field]: text } } : { match: { [field]: text } };
    }),
    fieldLiteral.start,
    scope,
  );
}

/**
 * The concrete fields a clause applies to: the name itself, the mapped fields a pattern
 * matches, or null when a pattern cannot be expanded because no mapping was given.
 */
function resolveFields(literal: KqlLiteral, scope: Scope): string[] | null {
  const pattern = qualifiedParts(literal, scope);
  if (pattern.length === 1) return [pattern[0] as string];
  const mapped = scope.ctx.fields;
  if (!mapped) return null;
  const matches: string[] = [];
  const allowMeta = (pattern[0] as string).startsWith('_');
  for (const [field, info] of mapped) {
    // Objects are not searchable themselves, and meta fields (_id, _index, …) only join in
    // when the pattern asks for them.
    if (info.type === 'object' || info.type === 'nested') continue;
    if (!allowMeta && field.startsWith('_')) continue;
    if (matchesFieldPattern(pattern, field)) matches.push(field);
  }
  return matches.sort();
}

function resolveRangeFields(literal: KqlLiteral, scope: Scope): string[] {
  const fields = resolveFields(literal, scope);
  if (fields === null) {
    const name = qualify(literalText(literal), scope);
    throw new QueryRejectedError(
      `A range needs concrete field names; ${name} has a wildcard and the source's fields are not known`,
      literal.start,
    );
  }
  return fields;
}

/** One query per field, combined as Kibana does; none means the pattern matched no field. */
function anyOf(queries: Query[], offset: number, scope: Scope): Query {
  if (queries.length === 1) return queries[0] as Query;
  if (queries.length === 0) return { match_none: {} };
  scope.limits.addClause(offset, queries.length - 1);
  return { bool: { should: queries, minimum_should_match: 1 } };
}

function qualifiedParts(literal: KqlLiteral, scope: Scope): string[] {
  if (!scope.nestedPath) return literal.parts;
  const parts = [...literal.parts];
  parts[0] = `${scope.nestedPath}.${parts[0] ?? ''}`;
  return parts;
}

function qualify(field: string, scope: Scope): string {
  return scope.nestedPath ? `${scope.nestedPath}.${field}` : field;
}

function isDateField(field: string, scope: Scope): boolean {
  const type = scope.ctx.fields?.get(field)?.type;
  return type === 'date' || type === 'date_nanos';
}

function rejectLeadingWildcard(value: KqlLiteral, largeFields: readonly string[]): never {
  throw new QueryRejectedError(
    `Leading wildcards are not allowed on large text fields (${largeFields.join(', ')}): ` +
      `'${literalText(value)}' would scan every term. Put at least one character before the '*'`,
    value.start,
  );
}
