/** The parts of the `lucene` package (a PEG parser of Lucene query syntax) this app reads. */
declare module 'lucene' {
  export interface Position {
    offset: number;
    line: number;
    column: number;
  }
  export interface Location {
    start: Position;
    end: Position;
  }
  export interface TermNode {
    field: string;
    fieldLocation: Location | null;
    term: string;
    quoted: boolean;
    regex: boolean;
    termLocation: Location;
    /** Set for `term~` (fuzzy); the package reads `~N` as `~` followed by a term `N`. */
    similarity?: number | null;
    /** Slop of a quoted phrase: `"a b"~3`. */
    proximity?: number | null;
    boost?: number | null;
    prefix?: string | null;
  }
  export interface RangeNode {
    field: string;
    fieldLocation: Location | null;
    term_min: string;
    term_max: string;
    inclusive: 'both' | 'left' | 'right' | 'none';
  }
  export interface BinaryNode {
    left: AST | Node;
    operator?: string;
    right?: AST | Node;
    parenthesized?: boolean;
    field?: string;
    /** Where a group's field name (`f:(…)`) is. */
    fieldLocation?: Location | null;
    start?: string;
  }
  export type Node = TermNode | RangeNode | BinaryNode;
  export type AST = BinaryNode;
  export interface SyntaxError extends Error {
    location: Location;
    expected: { type: string; text?: string; description?: string }[] | null;
  }
  const lucene: { parse(query: string): AST };
  export default lucene;
}
