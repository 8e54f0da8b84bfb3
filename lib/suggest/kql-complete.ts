/**
 * Turning a picked suggestion into query text: escaping field names and values so the parser
 * reads back exactly what was picked, and where the cursor lands so the next suggestions follow
 * (a field is followed by `:` and its values, a value by a space and the conjunctions). Pure.
 */
import type { KqlCursorContext } from './kql-cursor';

export type KqlOperator = ':' | ':*' | '<' | '<=' | '>' | '>=';
export const KQL_OPERATORS: readonly KqlOperator[] = [':', ':*', '<', '<=', '>', '>='];
export type KqlConjunction = 'and' | 'or' | 'not' | 'and not';

export type KqlCompletion =
  | { kind: 'field'; field: string }
  | { kind: 'value'; value: string }
  | { kind: 'operator'; operator: KqlOperator }
  | { kind: 'boolean'; keyword: KqlConjunction };

export interface EditResult {
  text: string;
  cursor: number;
}

/** Characters a word must escape to stay one literal (see the lexer's ESCAPABLE). */
const WORD_SPECIALS = /[\\():<>"*{}]/g;
const KEYWORD = /^(and|or|not)$/i;

/** A field name as KQL: specials escaped; a keyword-like name escaped as a word. */
export function escapeKqlField(name: string): string {
  const escaped = name.replace(WORD_SPECIALS, '\\$&');
  return KEYWORD.test(escaped) ? `\\${escaped}` : escaped;
}

/**
 * A value as KQL. Values with whitespace, specials or the shape of a keyword are quoted (a
 * phrase is exact on keyword fields, and a quoted `*` is literal); others are left bare.
 */
export function quoteKqlValue(value: string, forceQuotes = false): string {
  const needsQuotes = forceQuotes || value === '' || /[\s\\():<>"*{}]/.test(value) || KEYWORD.test(value);
  return needsQuotes ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

/** Applies a completion in its context; null when the two do not belong together. */
export function applyKqlCompletion(text: string, ctx: KqlCursorContext, completion: KqlCompletion): EditResult | null {
  if (ctx.kind === 'none') return null;
  const before = text.slice(0, ctx.from);
  const after = text.slice(ctx.to);
  let insert: string;
  switch (completion.kind) {
    case 'field':
      if (ctx.kind !== 'field') return null;
      // Cursor mid-name with its `:` already there: only the name changes.
      insert = escapeKqlField(completion.field) + (after.startsWith(':') ? '' : ':');
      if (after.startsWith(':')) return splice(before, insert, after, 1);
      break;
    case 'value':
      if (ctx.kind !== 'value') return null;
      insert = quoteKqlValue(completion.value, ctx.quoted) + spaceUnless(after);
      break;
    case 'operator':
      if (ctx.kind !== 'operator') return null;
      insert = completion.operator === ':' ? ':' : completion.operator === ':*' ? `:*${spaceUnless(after)}` : ` ${completion.operator} `;
      break;
    case 'boolean':
      if (ctx.kind !== 'boolean' && ctx.kind !== 'field') return null;
      insert = `${/[^\s(]$/.test(before) ? ' ' : ''}${completion.keyword}${spaceUnless(after)}`;
      break;
  }
  return splice(before, insert, after, 0);
}

/** A space to separate what was inserted from what follows, unless something already does. */
function spaceUnless(after: string): string {
  return after === '' || !/^[\s)]/.test(after) ? ' ' : '';
}

function splice(before: string, insert: string, after: string, skip: number): EditResult {
  return { text: before + insert + after, cursor: before.length + insert.length + skip };
}
