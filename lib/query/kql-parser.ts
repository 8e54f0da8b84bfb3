/**
 * A recursive-descent parser for KQL with Kibana's grammar and precedence (not > and > or).
 *
 *   query     = or? EOF
 *   or        = and ('or' and)*
 *   and       = not ('and' not)*
 *   not       = 'not' sub | sub            (Kibana allows no `not not`)
 *   sub       = '(' or ')' | clause
 *   clause    = literal ':' '{' or '}'     nested
 *             | literal ':' values         field:value, field:(a or b)
 *             | literal rangeOp literal    range
 *             | literal                    free text
 *   values    = '(' valueOr ')' | literal  and valueOr/valueAnd/valueNot mirror or/and/not
 *   literal   = quoted | word+             words joined with the whitespace between them
 */
import { QuerySyntaxError } from './errors';
import type { KqlLiteral, KqlNode, RangeOperator } from './kql-ast';
import { hasWildcard, isLoneWildcard } from './kql-ast';
import { describeToken, tokenize, type Token, type TokenKind } from './kql-lexer';
import { LimitCounter } from './limits';

const RANGE_OPERATORS: Partial<Record<TokenKind, RangeOperator>> = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const CLAUSE_START = ['field', 'value', '"', '(', 'not'];
const VALUE_START = ['value', '"', '('];

export function parseKql(input: string, limits: LimitCounter = new LimitCounter()): KqlNode | null {
  return new KqlParser(input, limits).parseQuery();
}

function isKeyword(token: Token): boolean {
  return token.kind === 'and' || token.kind === 'or' || token.kind === 'not';
}

class KqlParser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly input: string,
    private readonly limits: LimitCounter,
  ) {
    this.tokens = tokenize(input);
  }

  parseQuery(): KqlNode | null {
    if (this.peek().kind === 'eof') return null;
    const node = this.parseOr(null);
    const next = this.peek();
    if (next.kind !== 'eof') this.failAfterClause(next, 'end of query');
    return node;
  }

  // ---- boolean structure over clauses ----

  private parseOr(after: string | null): KqlNode {
    return this.chain('or', (operandAfter) => this.parseAnd(operandAfter), after);
  }

  private parseAnd(after: string | null): KqlNode {
    return this.chain('and', (operandAfter) => this.parseNot(operandAfter), after);
  }

  /** `operand (op operand)*`, one n-ary node per run of the same operator, as Kibana builds it. */
  private chain(op: 'and' | 'or', operand: (after: string | null) => KqlNode, after: string | null): KqlNode {
    const children = [operand(after)];
    while (this.peek().kind === op) {
      this.pos++;
      children.push(operand(`'${op}'`));
    }
    return children.length === 1 ? (children[0] as KqlNode) : { type: op, children };
  }

  private parseNot(after: string | null): KqlNode {
    const token = this.peek();
    if (token.kind !== 'not') return this.parseSub(after);
    this.pos++;
    this.enter(token);
    if (this.peek().kind === 'not') {
      this.fail(this.peek(), "Expected a field, a value or '(' after 'not' but found 'not' (write not (not …))", [
        'field',
        'value',
        '"',
        '(',
      ]);
    }
    const child = this.parseSub("'not'");
    this.depth--;
    return { type: 'not', child };
  }

  private parseSub(after: string | null): KqlNode {
    const token = this.peek();
    if (token.kind !== '(') return this.parseClause(after);
    this.pos++;
    this.enter(token);
    this.expectStart("'('", CLAUSE_START);
    const node = this.parseOr("'('");
    this.close(')', token);
    return node;
  }

  // ---- one clause ----

  private parseClause(after: string | null): KqlNode {
    const token = this.peek();
    if (token.kind === ':' || RANGE_OPERATORS[token.kind]) {
      this.fail(token, `Expected a field name before ${describeToken(token, this.input)}`, ['field']);
    }
    if (token.kind !== 'word' && token.kind !== 'quoted') {
      const what = after ? `a query after ${after}` : "a field, a value, 'not' or '('";
      const hint = isKeyword(token) ? this.quoteHint(token) : '';
      const expected = after === "'not'" ? CLAUSE_START.filter((e) => e !== 'not') : CLAUSE_START;
      this.fail(token, `Expected ${what} but found ${this.found(token)}${hint}`, expected);
    }
    const first = this.readLiteral();
    const next = this.peek();
    const operator = RANGE_OPERATORS[next.kind];
    if (next.kind !== ':' && !operator) {
      this.countValue(first);
      return { type: 'is', field: null, value: first };
    }
    this.checkFieldName(first, next);
    this.pos++;
    if (operator) return this.parseRange(first, operator, next);
    const valueStart = this.peek();
    if (valueStart.kind === '{') return this.parseNested(first, valueStart);
    if (valueStart.kind === '(') return this.parseValueGroup(first);
    return this.isClause(first, this.expectValue(next));
  }

  private parseRange(field: KqlLiteral, operator: RangeOperator, opToken: Token): KqlNode {
    const token = this.peek();
    if (token.kind !== 'word' && token.kind !== 'quoted') {
      const op = describeToken(opToken, this.input);
      this.fail(token, `Expected a value after ${op} but found ${this.found(token)}`, ['value', '"']);
    }
    const value = this.readLiteral();
    this.limits.addClause(field.start);
    this.limits.addWildcards(field.parts.length - 1, field.start);
    return { type: 'range', field, operator, value };
  }

  private parseNested(path: KqlLiteral, open: Token): KqlNode {
    this.pos++;
    this.enter(open);
    this.expectStart("'{'", CLAUSE_START);
    const child = this.parseOr("'{'");
    this.close('}', open);
    return { type: 'nested', path, child };
  }

  // ---- grouped values: field:(a or (b and not c)) ----

  private parseValueGroup(field: KqlLiteral): KqlNode {
    this.limits.addWildcards(field.parts.length - 1, field.start);
    return this.parseValueParen(field);
  }

  private parseValueParen(field: KqlLiteral): KqlNode {
    const open = this.peek();
    this.pos++;
    this.enter(open);
    this.expectStart("'('", ['value', '"', '(', 'not'], 'a value');
    const node = this.parseValueOr(field);
    this.close(')', open);
    return node;
  }

  private parseValueOr(field: KqlLiteral): KqlNode {
    return this.chain('or', () => this.parseValueAnd(field), null);
  }

  private parseValueAnd(field: KqlLiteral): KqlNode {
    return this.chain('and', () => this.parseValueNot(field), null);
  }

  private parseValueNot(field: KqlLiteral): KqlNode {
    const token = this.peek();
    if (token.kind !== 'not') return this.parseValueAtom(field, this.previous());
    this.pos++;
    this.enter(token);
    const child = this.parseValueAtom(field, token);
    this.depth--;
    return { type: 'not', child };
  }

  private parseValueAtom(field: KqlLiteral, previous: Token): KqlNode {
    if (this.peek().kind === '(') return this.parseValueParen(field);
    return this.isClause(field, this.expectValue(previous), false);
  }

  // ---- helpers ----

  private isClause(field: KqlLiteral, value: KqlLiteral, countField = true): KqlNode {
    this.limits.addClause(value.start);
    if (countField) this.limits.addWildcards(field.parts.length - 1, field.start);
    this.countValue(value);
    return { type: 'is', field, value };
  }

  private countValue(value: KqlLiteral): void {
    if (hasWildcard(value) && !isLoneWildcard(value)) this.limits.addWildcards(value.parts.length - 1, value.start);
  }

  private expectValue(previous: Token): KqlLiteral {
    const token = this.peek();
    if (token.kind === 'word' || token.kind === 'quoted') return this.readLiteral();
    let hint = '';
    if (isKeyword(token)) {
      hint = this.quoteHint(token);
    } else if (RANGE_OPERATORS[token.kind] && previous.kind === ':') {
      hint = " (write ranges without ':', e.g. bytes > 10)";
    }
    const what = describeToken(previous, this.input);
    this.fail(token, `Expected a value after ${what} but found ${this.found(token)}${hint}`, VALUE_START);
  }

  /** Reads a quoted string, or consecutive words joined by the whitespace typed between them. */
  private readLiteral(): KqlLiteral {
    const first = this.tokens[this.pos++] as Token;
    if (first.kind === 'quoted') return { parts: first.parts, quoted: true, start: first.start, end: first.end };
    const parts = [...first.parts];
    let end = first.end;
    let next = this.peek();
    while (next.kind === 'word') {
      const gap = this.input.slice(end, next.start);
      parts[parts.length - 1] += gap + (next.parts[0] as string);
      for (let k = 1; k < next.parts.length; k++) parts.push(next.parts[k] as string);
      end = next.end;
      this.pos++;
      next = this.peek();
    }
    // Kibana trims the joined text, which matters only for escaped whitespace at either end.
    parts[0] = (parts[0] as string).trimStart();
    parts[parts.length - 1] = (parts[parts.length - 1] as string).trimEnd();
    return { parts, quoted: false, start: first.start, end };
  }

  private quoteHint(token: Token): string {
    return ` (to search for the word, quote it: "${this.input.slice(token.start, token.end)}")`;
  }

  private checkFieldName(field: KqlLiteral, operator: Token): void {
    if (field.parts.length === 1 && field.parts[0] === '') {
      this.fail(operator, `Expected a field name before ${describeToken(operator, this.input)}`, ['field']);
    }
  }

  private expectStart(after: string, expected: string[], what = 'a query'): void {
    const token = this.peek();
    if (token.kind === ')' || token.kind === '}' || token.kind === 'eof') {
      this.fail(token, `Expected ${what} after ${after} but found ${this.found(token)}`, expected);
    }
  }

  private close(kind: ')' | '}', open: Token): void {
    const token = this.peek();
    if (token.kind === 'eof') {
      this.fail(token, `Expected '${kind}' to close the '${open.kind}' at offset ${open.start} but found end of query`, [
        'and',
        'or',
        kind,
      ]);
    }
    if (token.kind !== kind) this.failAfterClause(token, `'${kind}'`);
    this.pos++;
    this.depth--;
  }

  private enter(token: Token): void {
    this.depth++;
    this.limits.checkDepth(this.depth, token.start);
  }

  /** After a complete clause only a boolean operator or the end of the enclosing group may come. */
  private failAfterClause(token: Token, end: string): never {
    let hint = '';
    if (token.kind === ':') hint = " (escape a literal colon as '\\:' or quote the value)";
    else if (token.kind === 'word' || token.kind === 'quoted' || token.kind === 'not' || token.kind === '(') {
      hint = " (join clauses with 'and' or 'or')";
    } else if (token.kind === ')' || token.kind === '}') hint = ` with no matching '${token.kind === ')' ? '(' : '{'}'`;
    this.fail(token, `Expected 'and', 'or' or ${end} but found ${this.found(token)}${hint}`, ['and', 'or', end.replace(/'/g, '')]);
  }

  private found(token: Token): string {
    return describeToken(token, this.input);
  }

  private fail(token: Token, message: string, expected: string[]): never {
    throw new QuerySyntaxError(message, token.start, expected);
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private previous(): Token {
    return this.tokens[this.pos - 1] as Token;
  }
}
