/**
 * The same bounds for Lucene as for KQL (lib/query/limits.ts), plus the Lucene-only features
 * that make the engine walk whole term dictionaries: leading wildcards, regular expressions,
 * fuzzy terms. The text is parsed for real (the `lucene` package), after a linear pre-scan
 * that refuses deep or huge queries before the parser sees them, so every refusal stays fast
 * and the recursive parser never meets a 2,000-deep nesting.
 */
import lucene, { type AST, type BinaryNode, type Node, type RangeNode, type SyntaxError as PegSyntaxError, type TermNode } from 'lucene';
import { QueryRejectedError, QuerySyntaxError } from './errors';
import { QUERY_LIMITS } from './limits';

export const LUCENE_LIMITS = {
  maxDepth: QUERY_LIMITS.maxDepth,
  maxClauses: QUERY_LIMITS.maxClauses,
  maxWildcards: QUERY_LIMITS.maxWildcards,
  /** Each regex becomes an automaton walked against the term dictionary. */
  maxRegexes: 4,
  maxRegexLength: 128,
  /** Each fuzzy term expands to up to 50 terms per shard. */
  maxFuzzy: 8,
  maxFuzzyTermLength: 64,
  maxPhraseSlop: 20,
  maxRangeEndLength: 64,
} as const;

/** Throws QuerySyntaxError or QueryRejectedError (both with `offset`) when `text` is out of bounds. */
export function checkLuceneLimits(text: string): void {
  prescan(text);
  let ast: AST;
  try {
    ast = lucene.parse(text);
  } catch (err) {
    throw syntaxError(err);
  }
  const counts = { clauses: 0, wildcards: 0, regexes: 0, fuzzy: 0 };
  walk(ast, counts);
}

// ── pre-scan: depth and an upper bound on clauses, linear, before any parsing ───────────────

const OPERATOR_WORDS = new Set(['AND', 'OR', 'NOT', 'TO', '&&', '||']);

function prescan(text: string): void {
  let depth = 0;
  // The closing character of the phrase (`"`) or regular expression (`/`) being read: its
  // parentheses and blanks are text. A `/` is never part of a plain term, so outside a phrase
  // an unescaped one always opens or closes a regular expression.
  let closer: '"' | '/' | null = null;
  let runs = 0;
  let runStart = -1;
  const endRun = (end: number) => {
    if (runStart < 0) return;
    const word = text.slice(runStart, end);
    if (!OPERATOR_WORDS.has(word)) {
      runs++;
      // A run may be a range end (`[1`, `5]`), so allow two runs per clause here; the parse counts exactly.
      if (runs > 2 * LUCENE_LIMITS.maxClauses) throw tooManyClauses(runStart);
    }
    runStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      if (runStart < 0) runStart = i;
      i++;
      continue;
    }
    if (closer !== null) {
      if (ch === closer) closer = null;
      continue;
    }
    if (ch === '"' || ch === '/') {
      if (runStart < 0) runStart = i;
      closer = ch;
    } else if (ch === '(' || ch === ')' || /\s/.test(ch)) {
      endRun(i);
      if (ch === '(') {
        depth++;
        if (depth > LUCENE_LIMITS.maxDepth) throw tooDeep(i);
      } else if (ch === ')') depth--;
    } else if (runStart < 0) runStart = i;
  }
  endRun(text.length);
}

// ── the parsed query ─────────────────────────────────────────────────────────────────────────

interface Counts {
  clauses: number;
  wildcards: number;
  regexes: number;
  fuzzy: number;
}

function isTerm(node: Node): node is TermNode {
  return 'term' in node;
}

function isRange(node: Node): node is RangeNode {
  return 'term_min' in node;
}

// Depth is the pre-scan's alone: it reads phrases, regular expressions and escapes as the
// grammar does, so it counts every parenthesis the parser will nest (a test for each way to hide one).
function walk(node: Node, counts: Counts): void {
  if (isTerm(node)) return checkTerm(node, counts);
  if (isRange(node)) return checkRange(node, counts);
  const group = node as BinaryNode;
  if (group.field && hasWildcard(group.field)) addWildcards(counts, 1, group.fieldLocation?.start.offset ?? 0);
  walk(group.left, counts);
  if (group.right) walk(group.right, counts);
}

function checkTerm(node: TermNode, counts: Counts): void {
  const at = node.termLocation.start.offset;
  addClause(counts, node.fieldLocation?.start.offset ?? at);
  if (node.field !== '<implicit>' && hasWildcard(node.field)) addWildcards(counts, 1, node.fieldLocation?.start.offset ?? at);
  if (node.regex) return checkRegex(node.term, at, counts);
  if (node.quoted) {
    if ((node.proximity ?? 0) > LUCENE_LIMITS.maxPhraseSlop) {
      throw new QueryRejectedError(`A phrase may allow at most ${LUCENE_LIMITS.maxPhraseSlop} words of slop (~N)`, at);
    }
    return;
  }
  if (node.similarity !== null && node.similarity !== undefined) {
    counts.fuzzy++;
    if (counts.fuzzy > LUCENE_LIMITS.maxFuzzy) {
      throw new QueryRejectedError(`The query has more than ${LUCENE_LIMITS.maxFuzzy} fuzzy terms (term~)`, at);
    }
    if (node.term.length > LUCENE_LIMITS.maxFuzzyTermLength) {
      throw new QueryRejectedError(`A fuzzy term may be at most ${LUCENE_LIMITS.maxFuzzyTermLength} characters long`, at);
    }
  }
  // `field:*` (the field exists) and a lone `*` (everything) cost no term walk.
  if (node.term === '*') return;
  const wildcards = unescapedWildcards(node.term);
  if (wildcards.length === 0) return;
  if (wildcards[0] === 0) {
    throw new QueryRejectedError(
      'A term may not start with a wildcard (* or ?): the engine would have to read every term of the field. Put some characters first',
      at,
    );
  }
  addWildcards(counts, wildcards.length, at + (wildcards[0] ?? 0));
}

function checkRegex(pattern: string, at: number, counts: Counts): void {
  counts.regexes++;
  if (counts.regexes > LUCENE_LIMITS.maxRegexes) {
    throw new QueryRejectedError(`The query has more than ${LUCENE_LIMITS.maxRegexes} regular expressions`, at);
  }
  if (pattern.length > LUCENE_LIMITS.maxRegexLength) {
    throw new QueryRejectedError(`A regular expression may be at most ${LUCENE_LIMITS.maxRegexLength} characters long`, at);
  }
  // `/.*x/` is a leading wildcard in disguise.
  if (/^\(*(\.|\[[^\]]*\][*+?{])/.test(pattern)) {
    throw new QueryRejectedError(
      'A regular expression may not start with a wildcard (. or a class): the engine would have to read every term of the field',
      at,
    );
  }
}

function checkRange(node: RangeNode, counts: Counts): void {
  const at = node.fieldLocation?.start.offset ?? 0;
  addClause(counts, at);
  for (const end of [node.term_min, node.term_max]) {
    if (end.length > LUCENE_LIMITS.maxRangeEndLength) {
      throw new QueryRejectedError(`A range end may be at most ${LUCENE_LIMITS.maxRangeEndLength} characters long`, at);
    }
  }
  const min = Number(node.term_min);
  const max = Number(node.term_max);
  // An open end (`*`) or a word is not a number (NaN), and NaN is never greater or smaller.
  if (min > max) {
    throw new QueryRejectedError(`The range [${node.term_min} TO ${node.term_max}] is empty: its start is after its end`, at);
  }
  if (/^[*?]/.test(node.term_min) && node.term_min !== '*') {
    throw new QueryRejectedError('A range end may not start with a wildcard', at);
  }
}

function unescapedWildcards(term: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') i++;
    else if (term[i] === '*' || term[i] === '?') at.push(i);
  }
  return at;
}

function hasWildcard(field: string): boolean {
  return unescapedWildcards(field).length > 0;
}

function addClause(counts: Counts, at: number, n = 1): void {
  counts.clauses += n;
  if (counts.clauses > LUCENE_LIMITS.maxClauses) throw tooManyClauses(at);
}

function addWildcards(counts: Counts, n: number, at: number): void {
  counts.wildcards += n;
  if (counts.wildcards > LUCENE_LIMITS.maxWildcards) {
    throw new QueryRejectedError(
      `The query has more than ${LUCENE_LIMITS.maxWildcards} wildcards; each one makes the engine scan terms`,
      at,
    );
  }
}

function tooManyClauses(at: number): QueryRejectedError {
  return new QueryRejectedError(`The query has more than ${LUCENE_LIMITS.maxClauses} clauses; split it or use fewer values`, at);
}

function tooDeep(at: number): QueryRejectedError {
  return new QueryRejectedError(`The query nests deeper than ${LUCENE_LIMITS.maxDepth} levels`, at);
}

function syntaxError(err: unknown): QuerySyntaxError {
  const peg = err as Partial<PegSyntaxError>;
  const offset = peg.location?.start.offset ?? 0;
  const expected = [...new Set((peg.expected ?? []).map((e) => e.text ?? e.description ?? e.type))].slice(0, 8);
  return new QuerySyntaxError(`The Lucene query does not parse at offset ${offset}`, offset, expected);
}
