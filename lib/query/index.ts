/**
 * The query bar's languages compiled to Elasticsearch DSL: pure, synchronous, no I/O.
 * Throws QuerySyntaxError (answer 400 with offset and expected tokens) or QueryRejectedError
 * (a limit or an unsupported construct) before anything reaches the engine.
 */
import type { estypes } from '@elastic/elasticsearch';
import { parseKql } from './kql-parser';
import { translateKql } from './kql-translate';
import { checkLength, LimitCounter } from './limits';
import { compileLucene } from './lucene';
import type { QueryContext, QueryText } from './types';

export { QuerySyntaxError, QueryRejectedError } from './errors';
export { QUERY_LIMITS } from './limits';
export type { QueryContext, QueryFieldInfo, QueryLanguageName, QueryText } from './types';
export type { KqlLiteral, KqlNode, RangeOperator } from './kql-ast';
export { parseKql };

/** Returns null for a blank query: the caller matches everything without a query clause. */
export function compileQuery(input: QueryText, ctx: QueryContext): estypes.QueryDslQueryContainer | null {
  checkLength(input.text);
  if (input.text.trim() === '') return null;
  if (input.language === 'lucene') return compileLucene(input.text);
  const limits = new LimitCounter();
  const ast = parseKql(input.text, limits);
  return ast === null ? null : translateKql(ast, ctx, limits);
}
