/** A query the user typed that cannot be parsed: answered as 400 with where and what was expected. */
export class QuerySyntaxError extends Error {
  readonly offset: number;
  readonly expected: string[];

  constructor(message: string, offset: number, expected: string[] = []) {
    super(message);
    this.name = 'QuerySyntaxError';
    this.offset = offset;
    this.expected = expected;
  }
}

/** A query that parses but is refused before it reaches the engine (limits, unsupported syntax). */
export class QueryRejectedError extends Error {
  readonly offset: number | undefined;

  constructor(message: string, offset?: number) {
    super(message);
    this.name = 'QueryRejectedError';
    this.offset = offset;
  }
}
