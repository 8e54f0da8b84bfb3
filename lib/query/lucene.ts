/**
 * Lucene syntax goes to the engine's query_string parser as typed, the way Kibana sends it,
 * once it has passed the same bounds as KQL (lib/query/lucene-limits.ts). An unclosed quote or
 * parenthesis is caught first, so its caret lands on the opening character.
 */
import type { estypes } from '@elastic/elasticsearch';
import { QuerySyntaxError } from './errors';
import { checkLuceneLimits } from './lucene-limits';

export function compileLucene(text: string): estypes.QueryDslQueryContainer {
  checkLuceneBalance(text);
  checkLuceneLimits(text);
  // Leading wildcards are refused above; the engine refuses them too, should a form slip past.
  return { query_string: { query: text, analyze_wildcard: true, allow_leading_wildcard: false } };
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
