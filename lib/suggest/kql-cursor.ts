/**
 * What the query bar can suggest at the cursor of a KQL query being typed: a field name, a
 * value of the field at the cursor, an operator after a bare field name, or `and`/`or`/`not`
 * after a complete clause — with the range of text a suggestion replaces. Pure.
 *
 * It reads the tokens before the cursor with the query lexer, so escapes, quotes and keywords
 * mean here what they mean to the parser. Text being typed is rarely a whole query: an
 * unterminated quote is the value being typed, and nothing after the cursor is needed.
 */
import { QuerySyntaxError } from '@/lib/query/errors';
import { tokenize, type Token } from '@/lib/query/kql-lexer';

export type KqlCursorContext =
  /** Typing a field name (or free text) where a clause starts; `not` fits there too unless just typed. */
  | { kind: 'field'; prefix: string; from: number; to: number; allowNot: boolean }
  /** Typing a value of `field`, after `field:` or inside `field:( … )`. */
  | { kind: 'value'; field: string; prefix: string; quoted: boolean; from: number; to: number }
  /** After a bare word and a space: the word may be a field waiting for `:`, `<`, `>=`, … */
  | { kind: 'operator'; field: string; from: number; to: number }
  /** After a complete clause (or a value inside a group) and a space. */
  | { kind: 'boolean'; prefix: string; from: number; to: number; inGroup: boolean }
  | { kind: 'none' };

const NONE: KqlCursorContext = { kind: 'none' };
const RANGE_KINDS = new Set(['<', '<=', '>', '>=']);
const KEYWORD_KINDS = new Set(['and', 'or', 'not']);

interface Partial {
  /** Where the text being typed starts; the cursor when nothing is being typed. */
  start: number;
  /** The typed text, unescaped. */
  text: string;
  quoted: boolean;
  /** The typed text holds an unescaped `*`: nothing can be suggested for a pattern. */
  wildcard: boolean;
}

interface Group {
  /** The field of a value group `field:( … )`; null for a parenthesized query. */
  valueField: string | null;
  nested: boolean;
}

export function analyzeKqlCursor(text: string, cursorAt: number): KqlCursorContext {
  const cursor = Math.max(0, Math.min(text.length, cursorAt));
  const read = readBefore(text.slice(0, cursor));
  if (!read) return NONE;
  const { tokens, partial } = read;
  const groups = openGroups(tokens);
  if (groups.some((g) => g.nested)) return NONE;
  const group = groups[groups.length - 1];
  const prev = tokens[tokens.length - 1];
  const prev2 = tokens[tokens.length - 2];
  const from = partial.start;
  const typing = partial.text !== '' || partial.quoted;
  // A word being typed is replaced whole, past the cursor too; with nothing typed, nothing is.
  const to = partial.quoted ? quotedEnd(text, cursor) : typing ? wordEnd(text, cursor) : cursor;

  // Where a clause (or a value in a group) starts.
  if (!prev || prev.kind === '(' || KEYWORD_KINDS.has(prev.kind)) {
    if (partial.wildcard) return NONE;
    if (group?.valueField) return { kind: 'value', field: group.valueField, prefix: partial.text, quoted: partial.quoted, from, to };
    if (partial.quoted) return NONE;
    return { kind: 'field', prefix: partial.text, from, to, allowNot: prev?.kind !== 'not' };
  }
  if (prev.kind === ':') {
    const field = literalOf(prev2);
    if (field === null || partial.wildcard) return NONE;
    return { kind: 'value', field, prefix: partial.text, quoted: partial.quoted, from, to };
  }
  if (RANGE_KINDS.has(prev.kind) || prev.kind === '{' || prev.kind === '}') return NONE;

  // After a word, a phrase or ')': a conjunction follows, once a space separates them.
  if (partial.quoted || partial.wildcard) return NONE;
  if (!typing && !/\s$/.test(text.slice(0, cursor))) return NONE;
  const bareWord = prev.kind === 'word' && (!prev2 || prev2.kind === '(' || KEYWORD_KINDS.has(prev2.kind)) && !group?.valueField;
  if (bareWord && !typing) {
    const field = literalOf(prev);
    if (field !== null) return { kind: 'operator', field, from: prev.end, to };
  }
  return { kind: 'boolean', prefix: partial.text, from, to, inGroup: Boolean(group?.valueField) };
}

/**
 * Tokens before the cursor and the partial token at it. Null when the text up to the cursor
 * cannot be read (a lone backslash, a bad escape): better no suggestion than a wrong one.
 */
function readBefore(head: string): { tokens: Token[]; partial: Partial } | null {
  let tokens: Token[];
  try {
    tokens = tokenize(head).slice(0, -1);
  } catch (err) {
    if (!(err instanceof QuerySyntaxError) || err.expected[0] !== '"') return null;
    // An unterminated quote: the phrase being typed. What comes before it lexed cleanly.
    const open = err.offset;
    return {
      tokens: tokenize(head.slice(0, open)).slice(0, -1),
      partial: { start: open, text: unescapeQuoted(head.slice(open + 1)), quoted: true, wildcard: false },
    };
  }
  const last = tokens[tokens.length - 1];
  const touching = last !== undefined && last.end === head.length;
  if (touching && last.kind === 'word') {
    tokens.pop();
    return { tokens, partial: { start: last.start, text: last.parts.join('*'), quoted: false, wildcard: last.parts.length > 1 } };
  }
  // `an`, `or`, `not` ending at the cursor may be the start of a longer word: offered as typed text.
  if (touching && KEYWORD_KINDS.has(last.kind)) {
    tokens.pop();
    return { tokens, partial: { start: last.start, text: head.slice(last.start), quoted: false, wildcard: false } };
  }
  return { tokens, partial: { start: head.length, text: '', quoted: false, wildcard: false } };
}

function openGroups(tokens: readonly Token[]): Group[] {
  const stack: Group[] = [];
  tokens.forEach((token, i) => {
    if (token.kind === '(') {
      const inValueGroup = stack[stack.length - 1]?.valueField ?? null;
      const field = tokens[i - 1]?.kind === ':' ? literalOf(tokens[i - 2]) : null;
      stack.push({ valueField: field ?? inValueGroup, nested: false });
    } else if (token.kind === '{') {
      stack.push({ valueField: null, nested: true });
    } else if (token.kind === ')' || token.kind === '}') {
      stack.pop();
    }
  });
  return stack;
}

/** A word without wildcards as plain text; null for anything else. */
function literalOf(token: Token | undefined): string | null {
  if (!token || token.kind !== 'word' || token.parts.length !== 1) return null;
  return token.parts[0] ?? null;
}

/** Inside quotes only `\"` and `\\` matter while typing; other escapes are kept as typed. */
function unescapeQuoted(raw: string): string {
  return raw.replace(/\\(["\\])/g, '$1');
}

const WORD_END = /[\s():<>"{}]/;

/** A suggestion replaces the whole word under the cursor, including what follows the cursor. */
function wordEnd(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (WORD_END.test(ch)) break;
    i++;
  }
  return Math.min(i, text.length);
}

/** …and the rest of a phrase up to and including its closing quote, when there is one. */
function quotedEnd(text: string, cursor: number): number {
  for (let i = cursor; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return cursor;
}
