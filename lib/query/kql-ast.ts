/** The syntax tree of a KQL query: what the parser produces and the translator consumes. */

export interface KqlLiteral {
  /**
   * The unescaped text split at unescaped `*`, so `api-*` is `['api-', '']` and `\*` stays a
   * plain character. One part means no wildcard; quoted literals always have one part.
   */
  parts: string[];
  quoted: boolean;
  /** Offsets in the query text, for errors raised after parsing. */
  start: number;
  end: number;
}

export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

export type KqlNode =
  | { type: 'or'; children: KqlNode[] }
  | { type: 'and'; children: KqlNode[] }
  | { type: 'not'; child: KqlNode }
  /** `field:value`, or free text when `field` is null. */
  | { type: 'is'; field: KqlLiteral | null; value: KqlLiteral }
  | { type: 'range'; field: KqlLiteral; operator: RangeOperator; value: KqlLiteral }
  | { type: 'nested'; path: KqlLiteral; child: KqlNode };

export function literalText(literal: KqlLiteral): string {
  return literal.parts.length === 1 ? (literal.parts[0] ?? '') : literal.parts.join('*');
}

export function hasWildcard(literal: KqlLiteral): boolean {
  return literal.parts.length > 1;
}

/** `*` alone: as a value it means "the field exists", as a field name "any field". */
export function isLoneWildcard(literal: KqlLiteral): boolean {
  return literal.parts.length === 2 && literal.parts[0] === '' && literal.parts[1] === '';
}

/** `*error`: the engine must visit every term of the field to answer it. */
export function hasLeadingWildcard(literal: KqlLiteral): boolean {
  return literal.parts.length > 1 && literal.parts[0] === '' && !isLoneWildcard(literal);
}
