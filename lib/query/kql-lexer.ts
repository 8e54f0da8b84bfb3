/**
 * Splits KQL text into tokens. Whitespace separates words but is not a token: the parser joins
 * consecutive words back into one literal (`message:connection refused`), as Kibana does.
 */
import { QuerySyntaxError } from './errors';

export type TokenKind = 'word' | 'quoted' | 'and' | 'or' | 'not' | '(' | ')' | '{' | '}' | ':' | '<' | '<=' | '>' | '>=' | 'eof';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** For words and quoted strings: the unescaped text split at unescaped `*` (see KqlLiteral). */
  parts: string[];
}

const SINGLE_CHAR_TOKENS: Readonly<Record<string, TokenKind>> = {
  '(': '(',
  ')': ')',
  '{': '{',
  '}': '}',
  ':': ':',
};

/** Kibana's whitespace set: ASCII blanks plus the no-break space that pasted text often carries. */
export function isKqlSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\u00a0';
}

/** Characters that end an unquoted word unless escaped with a backslash. */
function endsWord(ch: string): boolean {
  return isKqlSpace(ch) || ch === '(' || ch === ')' || ch === ':' || ch === '<' || ch === '>' || ch === '"' || ch === '{' || ch === '}';
}

const ESCAPABLE = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);
const ESCAPED_WHITESPACE: Readonly<Record<string, string>> = { t: '\t', r: '\r', n: '\n' };
const HEX4 = /^[0-9a-fA-F]{4}$/;

export function describeToken(token: Token, input: string): string {
  if (token.kind === 'eof') return 'end of query';
  const raw = input.slice(token.start, token.end);
  return raw.length > 24 ? `'${raw.slice(0, 21)}…'` : `'${raw}'`;
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    const ch = input[i] as string;
    if (isKqlSpace(ch)) {
      i++;
      continue;
    }
    const single = SINGLE_CHAR_TOKENS[ch];
    if (single) {
      tokens.push({ kind: single, start: i, end: i + 1, parts: [] });
      i++;
    } else if (ch === '<' || ch === '>') {
      const withEquals = input[i + 1] === '=';
      const kind: TokenKind = ch === '<' ? (withEquals ? '<=' : '<') : withEquals ? '>=' : '>';
      const end = i + (withEquals ? 2 : 1);
      tokens.push({ kind, start: i, end, parts: [] });
      i = end;
    } else if (ch === '"') {
      i = readQuoted(input, i, tokens);
    } else {
      i = readWord(input, i, tokens);
    }
  }
  tokens.push({ kind: 'eof', start: n, end: n, parts: [] });
  return tokens;
}

/**
 * Inside quotes only `\"` and `\\` (plus `\t \r \n \uXXXX`) are escapes; any other backslash is
 * kept as typed, so a pasted Windows path or regex survives a phrase search.
 */
function readQuoted(input: string, open: number, tokens: Token[]): number {
  const n = input.length;
  let value = '';
  let runStart = open + 1;
  let i = open + 1;
  while (i < n) {
    const ch = input[i];
    if (ch === '"') {
      value += input.slice(runStart, i);
      tokens.push({ kind: 'quoted', start: open, end: i + 1, parts: [value] });
      return i + 1;
    }
    if (ch === '\\') {
      const next = input[i + 1];
      let decoded: string | undefined;
      let width = 2;
      if (next === '"' || next === '\\') decoded = next;
      else if (next !== undefined && ESCAPED_WHITESPACE[next] !== undefined) decoded = ESCAPED_WHITESPACE[next];
      else if (next === 'u' && HEX4.test(input.slice(i + 2, i + 6))) {
        decoded = String.fromCharCode(parseInt(input.slice(i + 2, i + 6), 16));
        width = 6;
      }
      if (decoded !== undefined) {
        value += input.slice(runStart, i) + decoded;
        i += width;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  throw new QuerySyntaxError(`Unterminated quoted string: the '"' at offset ${open} is never closed`, open, ['"']);
}

function readWord(input: string, start: number, tokens: Token[]): number {
  const n = input.length;
  const parts: string[] = [];
  let current = '';
  let escaped = false;
  let runStart = start;
  let i = start;
  while (i < n) {
    const ch = input[i] as string;
    if (endsWord(ch)) break;
    if (ch === '*') {
      parts.push(current + input.slice(runStart, i));
      current = '';
      runStart = ++i;
      continue;
    }
    if (ch !== '\\') {
      i++;
      continue;
    }
    current += input.slice(runStart, i);
    const [decoded, width] = decodeEscape(input, i);
    current += decoded;
    escaped = true;
    i += width;
    runStart = i;
  }
  parts.push(current + input.slice(runStart, i));
  const keyword = !escaped && parts.length === 1 ? keywordKind(parts[0] as string) : undefined;
  tokens.push({ kind: keyword ?? 'word', start, end: i, parts: keyword ? [] : parts });
  return i;
}

function keywordKind(word: string): TokenKind | undefined {
  const lower = word.toLowerCase();
  return lower === 'and' ? 'and' : lower === 'or' ? 'or' : lower === 'not' ? 'not' : undefined;
}

/** Returns the decoded text and how many input characters the escape used. */
function decodeEscape(input: string, at: number): [string, number] {
  const next = input[at + 1];
  if (next === undefined) {
    throw new QuerySyntaxError("Expected a character after '\\' but found end of query", at + 1, ['escaped character']);
  }
  if (ESCAPABLE.has(next)) return [next, 2];
  // Escaped keywords are searched as words. `\not` must win over the `\n` newline escape when
  // it is the whole word, or `\not` could never mean the word "not".
  const three = input.slice(at + 1, at + 4);
  const lower = three.toLowerCase();
  const afterThree = input[at + 4];
  if (lower === 'not' && (afterThree === undefined || endsWord(afterThree))) return [three, 4];
  if (lower === 'and') return [three, 4];
  if (lower.startsWith('or')) return [three.slice(0, 2), 3];
  const whitespace = ESCAPED_WHITESPACE[next];
  if (whitespace !== undefined) return [whitespace, 2];
  if (next === 'u') {
    const hex = input.slice(at + 2, at + 6);
    if (HEX4.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 6];
  }
  throw new QuerySyntaxError(
    `Unsupported escape '\\${next}': a backslash escapes \\ ( ) : < > " * { }, the words and/or/not, \\t \\n \\r and \\uXXXX`,
    at,
    ['escaped character'],
  );
}
