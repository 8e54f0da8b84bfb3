/**
 * Bounds on a query, enforced before any DSL leaves this module: a query that passes them
 * cannot make the engine expand thousands of clauses or scan every term of a field.
 */
import { SEARCH_LIMITS } from '@/lib/schema/limits';
import { QueryRejectedError } from './errors';

export const QUERY_LIMITS = {
  /** Same bound as the wire schema, so a query that validates also compiles. */
  maxLength: SEARCH_LIMITS.queryLength,
  /** Parentheses, braces, value groups and `not`, counted together. */
  maxDepth: 20,
  /** Leaf queries (match, range, exists, …) after wildcard field names are expanded. */
  maxClauses: 256,
  /** Unescaped `*` in values and field names; `field:*` (exists) is free. */
  maxWildcards: 16,
} as const;

export function checkLength(text: string): void {
  if (text.length > QUERY_LIMITS.maxLength) {
    throw new QueryRejectedError(
      `The query is ${text.length} characters long; at most ${QUERY_LIMITS.maxLength} are allowed`,
      QUERY_LIMITS.maxLength,
    );
  }
}

/** Counts against the limits while parsing, so an oversized query fails before it is translated. */
export class LimitCounter {
  private clauses = 0;
  private wildcards = 0;

  addClause(offset: number, count = 1): void {
    this.clauses += count;
    if (this.clauses > QUERY_LIMITS.maxClauses) {
      throw new QueryRejectedError(`The query has more than ${QUERY_LIMITS.maxClauses} clauses; split it or use fewer values`, offset);
    }
  }

  addWildcards(count: number, offset: number): void {
    this.wildcards += count;
    if (this.wildcards > QUERY_LIMITS.maxWildcards) {
      throw new QueryRejectedError(
        `The query has more than ${QUERY_LIMITS.maxWildcards} wildcards; each one makes the engine scan terms`,
        offset,
      );
    }
  }

  checkDepth(depth: number, offset: number): void {
    if (depth > QUERY_LIMITS.maxDepth) {
      throw new QueryRejectedError(`The query nests deeper than ${QUERY_LIMITS.maxDepth} levels`, offset);
    }
  }
}
