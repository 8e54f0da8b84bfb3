/**
 * Lucene syntax goes to the engine's query_string parser as typed, the way Kibana sends it.
 * Only the mistakes that are cheap to find here (an unclosed quote or parenthesis) are caught
 * early, so the caret lands in the right place; the engine reports the rest.
 */
import type { estypes } from '@elastic/elasticsearch';
import { QuerySyntaxError } from './errors';

export function compileLucene(text: string): estypes.QueryDslQueryContainer {
  checkLuceneBalance(text);
  return { query_string: { query: text, analyze_wildcard: true } };
}

export function checkLuceneBalance(text: string): void {
  const openParens: number[] = [];
  let quoteAt = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quoteAt >= 0) {
      if (ch === '"') quoteAt = -1;
      continue;
    }
    if (ch === '"') quoteAt = i;
    else if (ch === '(') openParens.push(i);
    else if (ch === ')') {
      if (openParens.pop() === undefined) {
        throw new QuerySyntaxError("Unexpected ')' with no matching '('", i, ['end of query']);
      }
    }
  }
  if (quoteAt >= 0) {
    throw new QuerySyntaxError(`Unterminated quoted string: the '"' at offset ${quoteAt} is never closed`, quoteAt, ['"']);
  }
  const unclosed = openParens.pop();
  if (unclosed !== undefined) {
    throw new QuerySyntaxError(`Expected ')' to close the '(' at offset ${unclosed} but found end of query`, text.length, [')']);
  }
}
