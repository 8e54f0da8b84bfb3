/**
 * Helpers for handing KQL values to the engine's `query_string` parser (Lucene syntax), which is
 * how wildcards reach the engine, and for matching wildcard field names against a mapping.
 */

// Lucene's reserved characters. Whitespace stays unescaped on purpose: as in Kibana, the words
// of a wildcard value are searched separately, like the terms of a match query.
const RESERVED = /[+\-=&|><!(){}[\]^"~*?:\\/]/g;
// Upper-case AND/OR/NOT are operators to query_string, but in a KQL value they are words.
const OPERATOR_WORD = /(^|\s)(AND|OR|NOT)(?=\s|$)/g;

export function escapeQueryString(text: string): string {
  return escapeOperatorWords(text.replace(RESERVED, '\\$&'));
}

/** `['api-', '']` → `api\-*`: every part escaped, joined by a real wildcard. */
export function wildcardToQueryString(parts: readonly string[]): string {
  return escapeOperatorWords(parts.map((part) => part.replace(RESERVED, '\\$&')).join('*'));
}

function escapeOperatorWords(text: string): string {
  return text.replace(OPERATOR_WORD, '$1\\$2');
}

/** Glob match where `*` spans any characters, dots included (`kubernetes.labels.*`). */
export function matchesFieldPattern(parts: readonly string[], field: string): boolean {
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return field === first;
  if (!field.startsWith(first) || field.length < first.length + last.length || !field.endsWith(last)) return false;
  let at = first.length;
  const stop = field.length - last.length;
  for (let k = 1; k < parts.length - 1; k++) {
    const part = parts[k] as string;
    const found = field.indexOf(part, at);
    if (found < 0 || found + part.length > stop) return false;
    at = found + part.length;
  }
  return true;
}
