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
  // The phrase (`"`) or regular expression (`/`) being read, and where it opened: its
  // parentheses are text. A `/` is never part of a plain term, so outside a phrase an unescaped
  // one always opens or closes a regular expression.
  let open: { closer: '"' | '/'; at: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (open) {
      if (ch === open.closer) open = null;
      continue;
    }
    if (ch === '"' || ch === '/') open = { closer: ch, at: i };
    else if (ch === '(') openParens.push(i);
    else if (ch === ')') {
      if (openParens.pop() === undefined) {
        throw new QuerySyntaxError("Unexpected ')' with no matching '('", i, ['end of query']);
      }
    }
  }
  if (open) {
    const what = open.closer === '"' ? 'quoted string' : 'regular expression';
    throw new QuerySyntaxError(`Unterminated ${what}: the '${open.closer}' at offset ${open.at} is never closed`, open.at, [open.closer]);
  }
  const unclosed = openParens.pop();
  if (unclosed !== undefined) {
    throw new QuerySyntaxError(`Expected ')' to close the '(' at offset ${unclosed} but found end of query`, text.length, [')']);
  }
}
